package dev.oscilla.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The start of a file, as the formats see it when they recognise it: its name, size and first bytes, and those
 * bytes decoded as text lines. Formats recognise content first and names second, so that a file is never read by
 * the wrong reader because of its extension, nor because its numbers happen to line up as a table.
 */
public final class FileHead {

    /** How much of the file is inspected: enough for the longest header block of the supported formats. */
    static final int HEAD_BYTES = 64 * 1024;

    private final Path file;
    private final byte[] head;
    private final long size;
    private List<String> lines;

    private FileHead(Path file, byte[] head, long size) {
        this.file = file;
        this.head = head;
        this.size = size;
    }

    /** Reads the head of a regular file; a missing file or a directory is an error that says which. */
    public static FileHead of(Path file) throws SpectralFileException {
        InputFiles.requireRegularFile(file);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(HEAD_BYTES);
            return new FileHead(file, bytes, Files.size(file));
        } catch (NoSuchFileException e) {
            throw new SpectralFileException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new SpectralFileException(file, "cannot read: permission denied");
        } catch (IOException e) {
            throw new SpectralFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The head of in-memory content named {@code file} (tests, fuzzing). */
    static FileHead of(Path file, byte[] content) {
        return new FileHead(file, Arrays.copyOf(content, Math.min(content.length, HEAD_BYTES)), content.length);
    }

    public Path file() {
        return file;
    }

    /** The file name, lower-cased. */
    public String name() {
        Path name = file.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }

    /** True when the (lower-cased) name ends with one of the given extensions (without dot). */
    public boolean hasExtension(List<String> extensions) {
        String n = name();
        for (String e : extensions) {
            if (n.endsWith("." + e)) {
                return true;
            }
        }
        return false;
    }

    /** Size of the whole file in bytes. */
    public long size() {
        return size;
    }

    /** True when the whole file fits in the head. */
    public boolean complete() {
        return head.length == size;
    }

    public byte[] bytes() {
        return head.clone();
    }

    /** True when the head starts with {@code signature}. */
    public boolean startsWith(byte[] signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the head looks like text: no control bytes other than tab, line feed, form feed and carriage return
     * (UTF-16 text with its byte-order mark counts as text).
     */
    public boolean isText() {
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            return true;
        }
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                return false;
            }
        }
        return true;
    }

    /**
     * The lines of the head decoded as text (byte-order mark dropped; UTF-8, else Latin-1); when the file is longer
     * than the head, the last, possibly cut, line is left out. Empty for binary content.
     */
    public List<String> lines() {
        if (lines == null) {
            if (!isText()) {
                lines = List.of();
            } else {
                String text;
                try {
                    text = TextFiles.decode(file, head).content();
                } catch (SpectralFileException e) {
                    text = new String(head, StandardCharsets.ISO_8859_1);
                }
                List<String> all = TextFiles.splitLines(text);
                if (!complete() && !all.isEmpty()) {
                    all = all.subList(0, all.size() - 1);
                }
                lines = Collections.unmodifiableList(new ArrayList<>(all));
            }
        }
        return lines;
    }

    /** The first {@code max} lines that are not blank, trimmed. */
    public List<String> contentLines(int max) {
        List<String> out = new ArrayList<>();
        for (String l : lines()) {
            if (!l.isBlank()) {
                out.add(l.trim());
                if (out.size() == max) {
                    break;
                }
            }
        }
        return out;
    }
}
