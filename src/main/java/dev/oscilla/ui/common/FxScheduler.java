package dev.oscilla.ui.common;

import java.time.Duration;
import javafx.animation.PauseTransition;
import javafx.application.Platform;

/** {@link Scheduler} on the JavaFX animation clock (actions run on the FX thread, during a pulse). */
public final class FxScheduler implements Scheduler {

    @Override
    public Scheduled schedule(Duration delay, Runnable action) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("schedule() must be called on the JavaFX thread");
        }
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> action.run());
        pause.play();
        return pause::stop;
    }
}
