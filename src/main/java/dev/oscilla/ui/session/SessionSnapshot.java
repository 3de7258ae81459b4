package dev.oscilla.ui.session;

import dev.oscilla.physics.MineralLibrary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What the recovery file holds: enough to put the workbench back where it was.
 *
 * @param library  the document's library
 * @param file     the file the document belongs to, or null
 * @param modified whether the library differed from that file
 * @param current  the mineral being worked on, or null
 * @param savedAt  when the snapshot was taken
 */
public record SessionSnapshot(MineralLibrary library, Path file, boolean modified, String current, Instant savedAt) {

    public SessionSnapshot {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(savedAt, "savedAt");
    }

    /** The document as it is now. */
    public static SessionSnapshot of(LibraryDocument document, Instant now) {
        return new SessionSnapshot(document.library(), document.file(), document.isModified(),
                document.currentProperty().get(), now);
    }
}
