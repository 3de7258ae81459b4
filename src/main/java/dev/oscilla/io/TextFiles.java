package dev.oscilla.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a text file for the spectrum readers: rejects binary content with the line and column of the first
 * offending byte, drops a byte-order mark, decodes UTF-8 (UTF-16 when its byte-order mark says so), and falls
 * back to ISO-8859-1 for the single-byte exports of older instrument software (e.g. "µm" written as 0xB5).
 */
final class TextFiles {

    private TextFiles() {
    }

    /**
     * The decoded text.
     *
     * @param content      the text without byte-order mark
     * @param encodingNote a reader note when the file was not plain UTF-8, else null
     */
    record Text(String content, String encodingNote) {

        /** The physical lines (split at \n, \r\n or \r), numbered from 1 by their index + 1. */
        List<String> lines() {
            return splitLines(content);
        }
    }

    /** Splits text into physical lines at \n, \r\n or \r; a final line break adds no empty line. */
    static List<String> splitLines(String content) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = content.length();
        for (int i = 0; i < n; i++) {
            char ch = content.charAt(i);
            if (ch == '\n' || ch == '\r') {
                out.add(content.substring(start, i));
                if (ch == '\r' && i + 1 < n && content.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            out.add(content.substring(start));
        }
        return out;
    }

    static Text read(Path file) throws SpectralFileException {
        InputFiles.requireRegularFile(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SpectralFileException(file, "no such file");
        } catch (IOException e) {
            throw new SpectralFileException(file, "cannot read: " + e.getMessage(), e);
        }
        return decode(file, bytes);
    }

    static Text decode(Path file, byte[] bytes) throws SpectralFileException {
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Text(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "read as UTF-16 text");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Text(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "read as UTF-16 text");
        }
        int offset = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        rejectBinary(file, bytes, offset);
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
            return new Text(s, null);
        } catch (CharacterCodingException e) {
            return new Text(new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1),
                    "not valid UTF-8; read as ISO-8859-1 (Latin-1) text");
        }
    }

    /**
     * Control bytes other than tab, line feed, form feed and carriage return do not occur in text exports; the
     * first one marks the file as binary (an HDF5 file, a spreadsheet, an instrument's native format).
     */
    private static void rejectBinary(Path file, byte[] bytes, int offset) throws SpectralFileException {
        long line = 1;
        int column = 1;
        for (int i = offset; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\n') {
                line++;
                column = 1;
                continue;
            }
            boolean control = b < 0x20 && b != '\t' && b != '\r' && b != '\f';
            if (control) {
                throw new SpectralFileException(file, line, column, String.format(
                        "binary content (byte 0x%02X at offset %d); expected a text table", b, i));
            }
            if ((b & 0xC0) != 0x80) {
                column++; // count characters, not UTF-8 continuation bytes
            }
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
