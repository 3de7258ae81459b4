package dev.oscilla.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oscilla.io.SpectralFileException;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.SynchronousTaskRunner;
import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryAndAutosaveTest {

    @TempDir
    Path dir;

    @Test
    void aSnapshotRoundTripsThroughTheRecoveryFile() throws Exception {
        RecoveryStore store = RecoveryStore.in(dir);
        SessionSnapshot s = new SessionSnapshot(Fixtures.smallLibrary(), dir.resolve("lib.json"), true, "Onemode",
                Instant.parse("2024-06-01T10:00:00Z"));
        store.write(s);
        SessionSnapshot back = store.read().orElseThrow();
        assertThat(back.library()).isEqualTo(s.library());
        assertThat(back.file()).isEqualTo(s.file().toAbsolutePath());
        assertThat(back.modified()).isTrue();
        assertThat(back.current()).isEqualTo("Onemode");
        assertThat(back.savedAt()).isEqualTo(s.savedAt());
        store.delete();
        assertThat(store.read()).isEmpty();
    }

    @Test
    void aForeignFileIsRejectedWithItsName() throws Exception {
        Files.writeString(dir.resolve("recovery.json"), "{\"format\":\"something-else\"}");
        assertThatThrownBy(() -> RecoveryStore.in(dir).read()).isInstanceOf(SpectralFileException.class)
                .hasMessageContaining("recovery.json").hasMessageContaining("not an Oscilla recovery file");
    }

    @Test
    void autosaveWritesAfterTheQuietPeriodAndDeletesWhenNothingIsUnsaved() throws Exception {
        LibraryDocument doc = new LibraryDocument(Fixtures.smallLibrary(), null);
        RecoveryStore store = RecoveryStore.in(dir);
        ManualScheduler clock = new ManualScheduler();
        Autosave autosave = new Autosave(doc, store, clock, new SynchronousTaskRunner(), Duration.ofSeconds(2),
                Fixtures.CLOCK, new StatusLine());
        autosave.start();

        doc.editMineral("Onemode", m -> m.withCategory("a"), "edit", null);
        clock.advance(Duration.ofSeconds(1));
        doc.editMineral("Onemode", m -> m.withCategory("b"), "edit", null);
        clock.advance(Duration.ofMillis(1900));
        assertThat(store.exists()).as("still inside the quiet period of the second edit").isFalse();
        clock.advance(Duration.ofMillis(200));
        assertThat(store.read().orElseThrow().library().require("Onemode").category()).isEqualTo("b");
        assertThat(autosave.lastWrittenProperty().get()).isEqualTo(Fixtures.CLOCK.instant());

        doc.history().undo();
        doc.history().undo(); // back at the opened state: nothing unsaved
        assertThat(store.exists()).isFalse();
        assertThat(clock.pending()).isZero();
    }

    @Test
    void discardDeletesAtOnceAndStopsWatching() throws Exception {
        LibraryDocument doc = new LibraryDocument(Fixtures.smallLibrary(), null);
        RecoveryStore store = RecoveryStore.in(dir);
        ManualScheduler clock = new ManualScheduler();
        Autosave autosave = new Autosave(doc, store, clock, new SynchronousTaskRunner(), Duration.ofSeconds(2),
                Fixtures.CLOCK, new StatusLine());
        autosave.start();
        doc.editMineral("Onemode", m -> m.withCategory("a"), "edit", null);
        autosave.writeNow();
        assertThat(store.exists()).isTrue();
        autosave.discard();
        assertThat(store.exists()).isFalse();
        doc.editMineral("Onemode", m -> m.withCategory("c"), "edit", null);
        clock.advance(Duration.ofSeconds(5));
        assertThat(store.exists()).isFalse();
    }
}
