package dev.oscilla.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON tree that remembers the line and column of every value, so that readers built on it can say
 * exactly where in a file a semantic problem is ("line 42, column 17: S must be >= 0").
 */
final class LocatedJson {

    final Object value; // Map<String, LocatedJson>, List<LocatedJson>, String, Double, Boolean or null
    final long line;
    final int column;
    final String path;

    private LocatedJson(Object value, long line, int column, String path) {
        this.value = value;
        this.line = line;
        this.column = column;
        this.path = path;
    }

    static LocatedJson parse(Path file, Reader reader) throws SpectralFileException {
        JsonFactory factory = new JsonFactory();
        try (JsonParser parser = factory.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SpectralFileException(file, "is empty (expected a JSON object)");
            }
            LocatedJson root = read(parser, "$");
            if (parser.nextToken() != null) {
                JsonLocation loc = parser.currentTokenLocation();
                throw new SpectralFileException(file, loc.getLineNr(), loc.getColumnNr(),
                        "unexpected content after the end of the JSON document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            throw new SpectralFileException(file, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "malformed JSON: " + msg, e);
        } catch (IOException e) {
            throw new SpectralFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static LocatedJson read(JsonParser parser, String path) throws IOException {
        JsonLocation loc = parser.currentTokenLocation();
        long line = loc.getLineNr();
        int column = loc.getColumnNr();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, LocatedJson> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, read(parser, path + "." + name));
                }
                return new LocatedJson(map, line, column, path);
            }
            case START_ARRAY: {
                List<LocatedJson> list = new ArrayList<>();
                int i = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(parser, path + "[" + i++ + "]"));
                }
                return new LocatedJson(list, line, column, path);
            }
            case VALUE_STRING:
                return new LocatedJson(parser.getText(), line, column, path);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new LocatedJson(parser.getDoubleValue(), line, column, path);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new LocatedJson(parser.getBooleanValue(), line, column, path);
            case VALUE_NULL:
                return new LocatedJson(null, line, column, path);
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected token " + token);
        }
    }

    boolean isObject() {
        return value instanceof Map;
    }

    boolean isArray() {
        return value instanceof List;
    }

    @SuppressWarnings("unchecked")
    Map<String, LocatedJson> object(Path file, String what) throws SpectralFileException {
        if (!isObject()) {
            throw error(file, what + " must be a JSON object");
        }
        return (Map<String, LocatedJson>) value;
    }

    @SuppressWarnings("unchecked")
    List<LocatedJson> array(Path file, String what) throws SpectralFileException {
        if (!isArray()) {
            throw error(file, what + " must be a JSON array");
        }
        return (List<LocatedJson>) value;
    }

    double number(Path file, String what) throws SpectralFileException {
        if (!(value instanceof Double)) {
            throw error(file, what + " must be a number, found " + describe());
        }
        return (Double) value;
    }

    String string(Path file, String what) throws SpectralFileException {
        if (!(value instanceof String)) {
            throw error(file, what + " must be a string, found " + describe());
        }
        return (String) value;
    }

    SpectralFileException error(Path file, String problem) {
        return new SpectralFileException(file, line, column, problem + " (at " + path + ")");
    }

    private String describe() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "the string \"" + value + "\"";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return String.valueOf(value);
    }
}
