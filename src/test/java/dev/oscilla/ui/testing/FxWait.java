package dev.oscilla.ui.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Reading UI state from a TestFX test thread, and waiting for background work to show on screen. */
public final class FxWait {

    private FxWait() {
    }

    /** Evaluates {@code read} on the FX thread and returns its value (10 s at most). */
    public static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition} holds (checked repeatedly), then until the FX thread has drawn what followed. */
    public static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
