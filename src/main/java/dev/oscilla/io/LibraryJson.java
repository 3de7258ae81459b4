package dev.oscilla.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.ParameterLayout;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Oscilla oscillator library file: versioned JSON, the unit a user exports, shares and unmixes with.
 *
 * <pre>
 * {
 *   "format": "oscilla-library", "version": 1,
 *   "name": "...", "description": "...",
 *   "minerals": [ {
 *       "name": "Quartz", "category": "quartz", "source": "citation / fit settings",
 *       "modes": [ {
 *           "eps_inf": 2.356, "weight": 0.667,
 *           "bounds": { "eps_inf": [lo, hi], "weight": [lo, hi] },             (optional)
 *           "oscillators": [ { "omega0": 1072.0, "S": 0.67, "gamma": 0.0071,
 *                              "bounds": { "omega0": [lo, hi], "S": [lo, hi], "gamma": [lo, hi] } } ]
 *       } ]
 *   } ]
 * }
 * </pre>
 * Units: omega0 in cm^-1; S = 4*pi*rho (dimensionless); gamma as a fraction of omega0. On reading, other
 * conventions are converted and never stored: {@code rho} (S = 4*pi*rho) instead of {@code S}, and
 * {@code gamma_cm} (absolute full width in cm^-1, gamma = gamma_cm / omega0) instead of {@code gamma}.
 * A bound side may be {@code null} (open). A blackbody is a mineral with {@code "modes": []}.
 */
public final class LibraryJson {

    public static final String FORMAT = "oscilla-library";
    public static final int VERSION = 1;

    private LibraryJson() {
    }

    public static MineralLibrary read(Path file) throws SpectralFileException {
        InputFiles.requireRegularFile(file);
        try (Reader in = withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            return parse(file, LocatedJson.parse(file, in));
        } catch (NoSuchFileException e) {
            throw new SpectralFileException(file, "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new SpectralFileException(file, "is not UTF-8 text (a binary file?)", e);
        } catch (IOException e) {
            throw new SpectralFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The reader after a leading UTF-8 byte-order mark (which editors on Windows write), if there is one. */
    static Reader withoutByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader in = new java.io.PushbackReader(reader, 1);
        int first = in.read();
        if (first >= 0 && first != '\ufeff') {
            in.unread(first);
        }
        return in;
    }

    /** Parses a library from text (for tests and the clipboard); {@code origin} names it in messages. */
    public static MineralLibrary parse(Path origin, String json) throws SpectralFileException {
        String text = json.startsWith("\ufeff") ? json.substring(1) : json;
        return parse(origin, LocatedJson.parse(origin, new java.io.StringReader(text)));
    }

    private static MineralLibrary parse(Path file, LocatedJson root) throws SpectralFileException {
        Map<String, LocatedJson> top = root.object(file, "the library");
        LocatedJson format = top.get("format");
        if (format == null) {
            throw root.error(file, "missing \"format\": \"" + FORMAT + "\" (not an Oscilla library file?)");
        }
        if (!FORMAT.equals(format.value)) {
            throw format.error(file, "format is \"" + format.value + "\", expected \"" + FORMAT + "\"");
        }
        LocatedJson version = top.get("version");
        if (version == null) {
            throw root.error(file, "missing \"version\"");
        }
        double v = version.number(file, "version");
        if (v != Math.rint(v) || v < 1) {
            throw version.error(file, "version must be a positive integer, found " + v);
        }
        if (v > VERSION) {
            throw version.error(file, "library format version " + (long) v + " is newer than this Oscilla reads ("
                    + VERSION + "); update Oscilla");
        }
        String name = optionalString(file, top, "name");
        String description = optionalString(file, top, "description");
        LocatedJson mineralsNode = top.get("minerals");
        if (mineralsNode == null) {
            throw root.error(file, "missing \"minerals\" array");
        }
        List<Mineral> minerals = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (LocatedJson m : mineralsNode.array(file, "minerals")) {
            Mineral mineral = parseMineral(file, m);
            if (!names.add(mineral.name().toLowerCase(java.util.Locale.ROOT))) {
                throw m.error(file, "a second mineral is named \"" + mineral.name() + "\"");
            }
            minerals.add(mineral);
        }
        return new MineralLibrary(name, description, minerals);
    }

    private static Mineral parseMineral(Path file, LocatedJson node) throws SpectralFileException {
        Map<String, LocatedJson> obj = node.object(file, "a mineral");
        LocatedJson nameNode = obj.get("name");
        if (nameNode == null) {
            throw node.error(file, "mineral without a \"name\"");
        }
        String name = nameNode.string(file, "name");
        if (name.isBlank()) {
            throw nameNode.error(file, "mineral name is empty");
        }
        String category = optionalString(file, obj, "category");
        String source = optionalString(file, obj, "source");
        LocatedJson modesNode = obj.get("modes");
        if (modesNode == null) {
            throw node.error(file, "mineral \"" + name + "\" has no \"modes\" array (use [] for a blackbody)");
        }
        List<Mode> modes = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> hi = new ArrayList<>();
        boolean anyBound = false;
        for (LocatedJson modeNode : modesNode.array(file, "modes")) {
            Map<String, LocatedJson> mode = modeNode.object(file, "a mode");
            double epsInf = required(file, modeNode, mode, "eps_inf");
            double weight = mode.containsKey("weight") ? mode.get("weight").number(file, "weight") : 1.0;
            Map<String, LocatedJson> modeBounds = bounds(file, mode);
            anyBound |= !modeBounds.isEmpty();
            addBound(file, modeBounds, "eps_inf", lo, hi);
            addBound(file, modeBounds, "weight", lo, hi);
            List<Oscillator> oscillators = new ArrayList<>();
            LocatedJson oscNode = mode.get("oscillators");
            if (oscNode != null) {
                for (LocatedJson o : oscNode.array(file, "oscillators")) {
                    Map<String, LocatedJson> osc = o.object(file, "an oscillator");
                    double omega0 = required(file, o, osc, "omega0");
                    double s;
                    if (osc.containsKey("S")) {
                        s = osc.get("S").number(file, "S");
                    } else if (osc.containsKey("rho")) {
                        s = Oscillator.FOUR_PI * osc.get("rho").number(file, "rho");
                    } else {
                        throw o.error(file, "oscillator needs \"S\" (= 4*pi*rho) or \"rho\"");
                    }
                    double gamma;
                    if (osc.containsKey("gamma")) {
                        gamma = osc.get("gamma").number(file, "gamma");
                    } else if (osc.containsKey("gamma_cm")) {
                        gamma = osc.get("gamma_cm").number(file, "gamma_cm") / omega0;
                    } else {
                        throw o.error(file, "oscillator needs \"gamma\" (fraction of omega0) or \"gamma_cm\" (cm^-1)");
                    }
                    try {
                        oscillators.add(new Oscillator(omega0, s, gamma));
                    } catch (IllegalArgumentException e) {
                        throw o.error(file, e.getMessage());
                    }
                    Map<String, LocatedJson> ob = bounds(file, osc);
                    anyBound |= !ob.isEmpty();
                    addBound(file, ob, "omega0", lo, hi);
                    addBound(file, ob, "S", lo, hi);
                    addBound(file, ob, "gamma", lo, hi);
                }
            }
            try {
                modes.add(new Mode(epsInf, weight, oscillators));
            } catch (IllegalArgumentException e) {
                throw modeNode.error(file, e.getMessage());
            }
        }
        ParameterBounds bounds = null;
        if (anyBound) {
            try {
                bounds = new ParameterBounds(toArray(lo), toArray(hi));
            } catch (IllegalArgumentException e) {
                throw node.error(file, "bounds of \"" + name + "\": " + e.getMessage());
            }
        }
        try {
            return new Mineral(name, category, modes, bounds, source);
        } catch (IllegalArgumentException e) {
            throw node.error(file, e.getMessage());
        }
    }

    private static Map<String, LocatedJson> bounds(Path file, Map<String, LocatedJson> obj)
            throws SpectralFileException {
        LocatedJson b = obj.get("bounds");
        return b == null || b.value == null ? Map.of() : b.object(file, "bounds");
    }

    private static void addBound(Path file, Map<String, LocatedJson> bounds, String key, List<Double> lo,
                                 List<Double> hi) throws SpectralFileException {
        LocatedJson pair = bounds.get(key);
        if (pair == null) {
            lo.add(Double.NEGATIVE_INFINITY);
            hi.add(Double.POSITIVE_INFINITY);
            return;
        }
        List<LocatedJson> two = pair.array(file, "bounds." + key);
        if (two.size() != 2) {
            throw pair.error(file, "bounds." + key + " must be [lower, upper]");
        }
        double l = two.get(0).value == null ? Double.NEGATIVE_INFINITY : two.get(0).number(file, "lower bound");
        double h = two.get(1).value == null ? Double.POSITIVE_INFINITY : two.get(1).number(file, "upper bound");
        if (l > h) {
            throw pair.error(file, "bounds." + key + " has lower " + l + " > upper " + h);
        }
        lo.add(l);
        hi.add(h);
    }

    private static double required(Path file, LocatedJson owner, Map<String, LocatedJson> obj, String key)
            throws SpectralFileException {
        LocatedJson v = obj.get(key);
        if (v == null) {
            throw owner.error(file, "missing \"" + key + "\"");
        }
        return v.number(file, key);
    }

    private static String optionalString(Path file, Map<String, LocatedJson> obj, String key)
            throws SpectralFileException {
        LocatedJson v = obj.get(key);
        return v == null || v.value == null ? "" : v.string(file, key);
    }

    private static double[] toArray(List<Double> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    /** Writes the library atomically (temporary file + rename). */
    public static void write(MineralLibrary library, Path file) throws SpectralFileException {
        AtomicFiles.write(file, out -> {
            JsonFactory factory = new JsonFactory();
            try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
                writeLibrary(g, library);
            }
        });
    }

    /** The library as JSON text. */
    public static String toJson(MineralLibrary library) {
        java.io.StringWriter sw = new java.io.StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(sw)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            writeLibrary(g, library);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static void writeLibrary(JsonGenerator g, MineralLibrary library) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeStringField("name", library.name());
        g.writeStringField("description", library.description());
        g.writeArrayFieldStart("minerals");
        for (Mineral m : library.minerals()) {
            writeMineral(g, m);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeMineral(JsonGenerator g, Mineral mineral) throws IOException {
        ParameterLayout layout = mineral.layout();
        ParameterBounds b = mineral.bounds();
        g.writeStartObject();
        g.writeStringField("name", mineral.name());
        g.writeStringField("category", mineral.category());
        g.writeStringField("source", mineral.source());
        g.writeArrayFieldStart("modes");
        for (int m = 0; m < mineral.modes().size(); m++) {
            Mode mode = mineral.modes().get(m);
            g.writeStartObject();
            // Double.toString-style output round-trips every double exactly (Jackson writes shortest repr).
            g.writeNumberField("eps_inf", mode.epsInf());
            g.writeNumberField("weight", mode.weight());
            if (b != null) {
                g.writeObjectFieldStart("bounds");
                writeBound(g, "eps_inf", b, layout.epsInfIndex(m));
                writeBound(g, "weight", b, layout.weightIndex(m));
                g.writeEndObject();
            }
            g.writeArrayFieldStart("oscillators");
            for (int j = 0; j < mode.size(); j++) {
                Oscillator o = mode.oscillators().get(j);
                g.writeStartObject();
                g.writeNumberField("omega0", o.omega0());
                g.writeNumberField("S", o.strength());
                g.writeNumberField("gamma", o.gamma());
                if (b != null) {
                    g.writeObjectFieldStart("bounds");
                    writeBound(g, "omega0", b, layout.index(m, j, ParameterKind.OMEGA0));
                    writeBound(g, "S", b, layout.index(m, j, ParameterKind.STRENGTH));
                    writeBound(g, "gamma", b, layout.index(m, j, ParameterKind.GAMMA));
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeBound(JsonGenerator g, String key, ParameterBounds b, int i) throws IOException {
        double lo = b.lower(i);
        double hi = b.upper(i);
        if (Double.isInfinite(lo) && Double.isInfinite(hi)) {
            return;
        }
        g.writeArrayFieldStart(key);
        if (Double.isInfinite(lo)) {
            g.writeNull();
        } else {
            g.writeNumber(lo);
        }
        if (Double.isInfinite(hi)) {
            g.writeNull();
        } else {
            g.writeNumber(hi);
        }
        g.writeEndArray();
    }
}
