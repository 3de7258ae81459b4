package dev.oscilla.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.ui.testing.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DebouncerTest {

    @Test
    void runsOnceAfterTheLastTriggerWhenQuiet() {
        ManualScheduler clock = new ManualScheduler();
        int[] runs = {0};
        Debouncer d = new Debouncer(clock, Duration.ofSeconds(2), () -> runs[0]++);
        d.trigger();
        clock.advance(Duration.ofMillis(1500));
        d.trigger(); // restarts the wait
        clock.advance(Duration.ofMillis(1500));
        assertThat(runs[0]).isZero();
        clock.advance(Duration.ofMillis(600));
        assertThat(runs[0]).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(runs[0]).isEqualTo(1);
    }

    @Test
    void flushRunsAPendingActionNowAndCancelDropsIt() {
        ManualScheduler clock = new ManualScheduler();
        int[] runs = {0};
        Debouncer d = new Debouncer(clock, Duration.ofSeconds(2), () -> runs[0]++);
        d.flush();
        assertThat(runs[0]).as("nothing pending").isZero();
        d.trigger();
        d.flush();
        assertThat(runs[0]).isEqualTo(1);
        d.trigger();
        d.cancel();
        clock.advance(Duration.ofSeconds(5));
        assertThat(runs[0]).isEqualTo(1);
        assertThat(d.isPending()).isFalse();
    }
}
