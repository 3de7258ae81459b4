package dev.oscilla.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The application's runner: work off the FX thread, callbacks and progress on it, cancellation honoured. */
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerTest {

    private final FxTaskRunner runner = new FxTaskRunner(2);
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        // the toolkit is all this test needs
    }

    @AfterEach
    void stop() {
        runner.shutdown();
    }

    @Test
    void theTaskRunsOffTheFxThreadAndItsResultArrivesOnIt() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> runner.submit("t", () -> {
            log.add("work on fx: " + Platform.isFxApplicationThread());
            return 42;
        }, v -> log.add("result " + v + " on fx: " + Platform.isFxApplicationThread()), e -> log.add("error"))).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> log.size() == 2);
        assertThat(log).containsExactly("work on fx: false", "result 42 on fx: true");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> runner.activeCountProperty().get() == 0);
    }

    @Test
    void aFailureReachesTheFailureCallback() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> runner.submit("t", () -> {
            throw new IllegalStateException("boom");
        }, v -> log.add("result"), e -> log.add("error " + e.getMessage()))).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !log.isEmpty());
        assertThat(log).containsExactly("error boom");
    }

    @Test
    void aCancelledTaskStopsAndNeitherCallbackRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TaskHandle handle = WaitForAsyncUtils.asyncFx(() -> runner.submit("long", (BackgroundTask<Integer>) ctx -> {
            started.countDown();
            release.await(5, TimeUnit.SECONDS);
            for (int i = 0; i < 1000; i++) {
                ctx.checkCancelled();
                ctx.progress(i / 1000.0, "step " + i);
            }
            return 1;
        }, v -> log.add("result"), e -> log.add("error"))).get();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        release.countDown();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !handle.isRunning());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(log).isEmpty();
        assertThat(handle.cancelToken().isCancelled()).isTrue();
    }

    @Test
    void progressReachesTheFxThread() throws Exception {
        TaskHandle handle = WaitForAsyncUtils.asyncFx(() -> runner.submit("progress", (BackgroundTask<Integer>) ctx -> {
            for (int i = 1; i <= 100; i++) {
                ctx.progress(i / 100.0, "step " + i);
            }
            return 1;
        }, v -> log.add("done"), e -> log.add("error"))).get();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> log.contains("done"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> handle.progressProperty().get() == 1.0);
        assertThat(handle.messageProperty().get()).isEqualTo("step 100");
    }
}
