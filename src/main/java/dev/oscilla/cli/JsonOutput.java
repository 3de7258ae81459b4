package dev.oscilla.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.SpectralFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON reports (maps and lists of plain values) atomically. A NaN (a value that is not available, such as a
 * standard error without a covariance) is written as {@code null}; an infinite value is refused before the file is
 * touched, naming where it is, since JSON has no number for it and a reader would take it for data.
 */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    static void write(Path file, Object value) throws SpectralFileException {
        Object checked = finite(value, "$");
        AtomicFiles.write(file, out -> MAPPER.writeValue(new java.io.FilterOutputStream(out) {
            @Override
            public void close() {
                // the atomic writer closes the stream itself
            }
        }, checked));
    }

    static String toString(Object value) {
        try {
            return MAPPER.writeValueAsString(finite(value, "$"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy with NaN as null; an infinite number is an error naming its path ("$.results[3].rms"). */
    static Object finite(Object value, String path) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isInfinite(d)) {
                throw new IllegalArgumentException("refusing to write the non-finite value " + d + " at " + path);
            }
            return Double.isNaN(d) ? null : value;
        }
        if (value instanceof double[]) {
            double[] a = (double[]) value;
            List<Object> out = new ArrayList<>(a.length);
            for (int i = 0; i < a.length; i++) {
                out.add(finite(a[i], path + "[" + i + "]"));
            }
            return out;
        }
        if (value instanceof Map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                out.put(e.getKey(), finite(e.getValue(), path + "." + e.getKey()));
            }
            return out;
        }
        if (value instanceof List) {
            List<?> in = (List<?>) value;
            List<Object> out = new ArrayList<>(in.size());
            for (int i = 0; i < in.size(); i++) {
                out.add(finite(in.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        return value;
    }
}
