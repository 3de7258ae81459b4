package dev.oscilla.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** The one check every reader makes before opening an input: it exists, is a regular file and is readable. */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * Throws a {@link SpectralFileException} that says what is wrong: no such file, a directory, not a regular file
     * (a device, a pipe), or not readable.
     */
    public static void requireRegularFile(Path file) throws SpectralFileException {
        if (Files.isDirectory(file)) {
            throw new SpectralFileException(file, "is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new SpectralFileException(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new SpectralFileException(file, "is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new SpectralFileException(file, "cannot read: permission denied");
        }
    }
}
