package dev.oscilla.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.SpectralFileException;
import java.nio.file.Path;

/** Writes JSON reports (maps and lists of plain values) atomically. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    static void write(Path file, Object value) throws SpectralFileException {
        AtomicFiles.write(file, out -> MAPPER.writeValue(new java.io.FilterOutputStream(out) {
            @Override
            public void close() {
                // the atomic writer closes the stream itself
            }
        }, value));
    }

    static String toString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
