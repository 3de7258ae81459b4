package dev.oscilla.io;

import dev.oscilla.physics.MineralLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads an oscillator library in any supported format, chosen by content: InfraRender HDF5 (by its signature),
 * the oscillator table CSV (by its header), otherwise Oscilla JSON.
 */
public final class LibraryFiles {

    private LibraryFiles() {
    }

    public static MineralLibrary read(Path file) throws SpectralFileException {
        if (!Files.isRegularFile(file)) {
            throw new SpectralFileException(file, "no such file");
        }
        if (isHdf5(file)) {
            return InfraRenderHdfReader.read(file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".hdf") || name.endsWith(".h5") || name.endsWith(".hdf5")) {
            throw new SpectralFileException(file, "has an HDF extension but no HDF5 signature");
        }
        if (OscillatorTableCsv.looksLikeOscillatorTable(file)) {
            return OscillatorTableCsv.read(file);
        }
        return LibraryJson.read(file);
    }

    /**
     * True when the file holds an oscillator library rather than spectra: an HDF5 file, a JSON document (by its
     * extension or a first non-blank character '{'), or an oscillator table CSV.
     */
    public static boolean isLibrary(Path file) throws SpectralFileException {
        if (!Files.isRegularFile(file)) {
            throw new SpectralFileException(file, "no such file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isHdf5(file) || name.endsWith(".json") || name.endsWith(".hdf") || name.endsWith(".h5")
                || name.endsWith(".hdf5")) {
            return true;
        }
        try (java.io.Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            int c;
            do {
                c = in.read();
            } while (c == '\ufeff' || (c >= 0 && Character.isWhitespace(c)));
            if (c == '{') {
                return true;
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            return false; // not UTF-8: not JSON; a spectrum reader may still read it as Latin-1 text
        } catch (java.io.IOException e) {
            throw new SpectralFileException(file, "cannot read: " + e.getMessage(), e);
        }
        return OscillatorTableCsv.looksLikeOscillatorTable(file);
    }

    /** True when the file starts with the HDF5 signature (\211HDF\r\n\032\n). */
    static boolean isHdf5(Path file) throws SpectralFileException {
        byte[] signature = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return java.util.Arrays.equals(head, signature);
        } catch (java.io.IOException e) {
            throw new SpectralFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
