package dev.oscilla.ui.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.LibraryJson;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.physics.MineralLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The crash-recovery file ({@code ~/.oscilla/recovery.json}): the unsaved session, written atomically a moment
 * after each edit and deleted when there is nothing unsaved left. Format:
 * <pre>
 * { "format": "oscilla-recovery", "version": 1, "savedAt": "2024-06-01T10:00:00Z",
 *   "file": "/path/library.json" | null, "modified": true, "current": "Quartz" | null,
 *   "library": { ...an Oscilla library, see LibraryJson... } }
 * </pre>
 * Thread-safe (no state besides the path); call it from one writer at a time.
 */
public final class RecoveryStore {

    public static final String FORMAT = "oscilla-recovery";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public RecoveryStore(Path file) {
        this.file = Objects.requireNonNull(file);
    }

    /** {@code configDir/recovery.json}. */
    public static RecoveryStore in(Path configDir) {
        return new RecoveryStore(configDir.resolve("recovery.json"));
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    public void write(SessionSnapshot snapshot) throws SpectralFileException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("savedAt", snapshot.savedAt().toString());
        if (snapshot.file() == null) {
            root.putNull("file");
        } else {
            root.put("file", snapshot.file().toAbsolutePath().toString());
        }
        root.put("modified", snapshot.modified());
        if (snapshot.current() == null) {
            root.putNull("current");
        } else {
            root.put("current", snapshot.current());
        }
        try {
            root.set("library", JSON.readTree(LibraryJson.toJson(snapshot.library())));
            byte[] bytes = JSON.writeValueAsBytes(root);
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new SpectralFileException(file, "cannot write: " + e.getMessage(), e);
        }
    }

    /** The stored session, or empty when there is no recovery file. */
    public Optional<SessionSnapshot> read() throws SpectralFileException {
        if (!exists()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new SpectralFileException(file, "is not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new SpectralFileException(file, "is not an Oscilla recovery file");
        }
        if (root.path("version").asInt(0) > VERSION) {
            throw new SpectralFileException(file, "was written by a newer Oscilla (version "
                    + root.path("version").asInt() + ")");
        }
        JsonNode lib = root.get("library");
        if (lib == null || !lib.isObject()) {
            throw new SpectralFileException(file, "has no library");
        }
        MineralLibrary library = LibraryJson.parse(file, lib.toString());
        Instant savedAt;
        try {
            savedAt = Instant.parse(root.path("savedAt").asText());
        } catch (DateTimeParseException e) {
            throw new SpectralFileException(file, "savedAt is not a time: " + root.path("savedAt").asText());
        }
        JsonNode f = root.get("file");
        Path source = f == null || f.isNull() ? null : Paths.get(f.asText());
        JsonNode c = root.get("current");
        String current = c == null || c.isNull() ? null : c.asText();
        return Optional.of(new SessionSnapshot(library, source, root.path("modified").asBoolean(true), current,
                savedAt));
    }

    public void delete() throws SpectralFileException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new SpectralFileException(file, "cannot delete: " + e.getMessage(), e);
        }
    }
}
