package dev.oscilla.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.ui.testing.ManualTaskRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestWinsTest {

    @Test
    void requestsArrivingDuringAComputationCollapseToTheNewest() {
        ManualTaskRunner runner = new ManualTaskRunner();
        List<Integer> computed = new ArrayList<>();
        List<Integer> delivered = new ArrayList<>();
        LatestWins<Integer, Integer> lw = new LatestWins<>(runner, "square", (x, ctx) -> {
            computed.add(x);
            return x * x;
        }, delivered::add, e -> { throw new AssertionError(e); });

        lw.request(1);
        assertThat(lw.busyProperty().get()).isTrue();
        lw.request(2);
        lw.request(3);
        lw.request(4); // 2 and 3 are replaced before they could start
        assertThat(runner.waiting()).as("only the first computation was submitted").isEqualTo(1);

        runner.runAll();
        assertThat(computed).containsExactly(1, 4);
        assertThat(delivered).containsExactly(1, 16);
        assertThat(lw.supersededCount()).isEqualTo(2);
        assertThat(lw.startedCount()).isEqualTo(2);
        assertThat(lw.busyProperty().get()).isFalse();
    }

    @Test
    void aFailureIsReportedAndTheParkedRequestStillRuns() {
        ManualTaskRunner runner = new ManualTaskRunner();
        List<String> errors = new ArrayList<>();
        List<Integer> delivered = new ArrayList<>();
        LatestWins<Integer, Integer> lw = new LatestWins<>(runner, "div", (x, ctx) -> 10 / x, delivered::add,
                e -> errors.add(e.getClass().getSimpleName()));
        lw.request(0);
        lw.request(5);
        runner.runAll();
        assertThat(errors).containsExactly("ArithmeticException");
        assertThat(delivered).containsExactly(2);
    }

    @Test
    void withASynchronousRunnerEveryRequestIsComputedInOrder() {
        SynchronousTaskRunner runner = new SynchronousTaskRunner();
        List<Integer> delivered = new ArrayList<>();
        LatestWins<Integer, Integer> lw = new LatestWins<>(runner, "id", (x, ctx) -> x, delivered::add,
                e -> { throw new AssertionError(e); });
        lw.request(1);
        lw.request(2);
        assertThat(delivered).containsExactly(1, 2);
    }
}
