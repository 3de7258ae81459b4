package dev.oscilla.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oscilla.learn.Architecture;
import dev.oscilla.learn.EndmemberModels;
import dev.oscilla.learn.InverseRenderModel;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.unmix.FlexTolerances;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The model file: a versioned binary container.
 * <pre>
 *   magic      the 8 bytes "OSCIRNN\n"
 *   int32      header length in bytes (big-endian)
 *   header     UTF-8 JSON: format, version, architecture, library (name, fingerprint, rendered minerals with
 *              name, category and per-mineral fingerprint), flex tolerances, axis (values and fingerprint),
 *              window, weight count, training provenance
 *   float64[]  the weights, big-endian, as many as the header says
 *   int64      CRC-32 of everything before it
 * </pre>
 * A mineral's fingerprint covers its oscillator structure, parameter values and flex box bit for bit, so a model
 * can only be bound to the library it was trained for; any difference is reported by mineral name.
 */
public final class InverseRenderModelFile {

    static final String FORMAT = "oscilla-inverse-render-model";
    static final int VERSION = 1;
    private static final byte[] MAGIC = "OSCIRNN\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER = 64 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InverseRenderModelFile() {
    }

    /** Writes the model atomically (temporary file, sync, rename). */
    public static void write(Path file, InverseRenderModel model) throws SpectralFileException {
        byte[] header = header(model).toString().getBytes(StandardCharsets.UTF_8);
        double[] weights = model.weights();
        AtomicFiles.write(file, raw -> {
            CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, 1 << 16));
            out.write(MAGIC);
            out.writeInt(header.length);
            out.write(header);
            for (double w : weights) {
                out.writeDouble(w);
            }
            out.flush();
            long crc = checked.getChecksum().getValue();
            out.writeLong(crc);
            out.flush();
        });
    }

    private static ObjectNode header(InverseRenderModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        Architecture a = model.architecture();
        ObjectNode arch = root.putObject("architecture");
        a.convChannels().forEach(arch.putArray("conv_channels")::add);
        a.convKernels().forEach(arch.putArray("conv_kernels")::add);
        a.poolAfter().forEach(arch.putArray("pool_after")::add);
        arch.put("pool_size", a.poolSize());
        a.denseWidths().forEach(arch.putArray("dense_widths")::add);
        arch.put("leaky_slope", a.leakySlope());
        EndmemberModels e = model.endmembers();
        ObjectNode lib = root.putObject("library");
        lib.put("name", e.library().name());
        lib.put("fingerprint", e.fingerprint());
        lib.put("entries", e.library().size());
        ArrayNode minerals = lib.putArray("minerals");
        for (int i = 0; i < e.size(); i++) {
            ObjectNode m = minerals.addObject();
            m.put("name", e.name(i));
            m.put("category", e.mineral(i).category());
            m.put("parameters", e.parameterCount(i));
            m.put("fingerprint", e.mineralFingerprint(i));
        }
        FlexTolerances t = e.tolerances();
        ObjectNode tol = root.putObject("tolerances");
        tol.put("omega0", t.omega0());
        tol.put("strength", t.strength());
        tol.put("gamma", t.gamma());
        tol.put("eps_inf", t.epsInf());
        tol.put("weight", t.weight());
        double[] axis = model.axis();
        ObjectNode ax = root.putObject("axis");
        ax.put("channels", axis.length);
        ax.put("first", axis[0]);
        ax.put("last", axis[axis.length - 1]);
        ax.put("fingerprint", EndmemberModels.axisFingerprint(axis));
        ArrayNode values = ax.putArray("values");
        for (double v : axis) {
            values.add(v);
        }
        root.put("window", model.window().toString());
        root.put("weights", model.weightCount());
        root.set("training", MAPPER.valueToTree(model.training()));
        return root;
    }

    /**
     * Reads a model file and binds it to {@code library}.
     *
     * @throws SpectralFileException when the file is not a model file, is of a newer version, is damaged, or was
     *                               trained for another library (the message names the mismatch)
     */
    public static InverseRenderModel read(Path file, MineralLibrary library) throws SpectralFileException {
        InputFiles.requireRegularFile(file);
        try (InputStream raw = Files.newInputStream(file)) {
            CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), new CRC32());
            DataInputStream in = new DataInputStream(checked);
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new SpectralFileException(file, "not an Oscilla inverse-rendering model file");
            }
            int headerLength = in.readInt();
            if (headerLength <= 0 || headerLength > MAX_HEADER) {
                throw new SpectralFileException(file, "damaged model file (header length " + headerLength + ")");
            }
            byte[] headerBytes = new byte[headerLength];
            in.readFully(headerBytes);
            JsonNode header;
            try {
                header = MAPPER.readTree(headerBytes);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SpectralFileException(file, "damaged model file (header is not JSON: "
                        + DelimitedText.oneLine(e.getOriginalMessage()) + ")");
            } catch (IOException e) {
                throw new SpectralFileException(file, "damaged model file (header is not JSON: "
                        + DelimitedText.oneLine(e.getMessage()) + ")");
            }
            if (!FORMAT.equals(header.path("format").asText())) {
                throw new SpectralFileException(file, "format is '" + header.path("format").asText()
                        + "', expected '" + FORMAT + "'");
            }
            int version = header.path("version").asInt(-1);
            if (version != VERSION) {
                throw new SpectralFileException(file, "model file version " + version + " is not supported (this "
                        + "Oscilla reads version " + VERSION + ")");
            }
            Architecture architecture = architecture(file, header.path("architecture"));
            FlexTolerances tolerances = tolerances(file, header.path("tolerances"));
            double[] axis = axis(file, header.path("axis"));
            WavenumberWindow window = WavenumberWindow.parse(header.path("window").asText(":"));
            EndmemberModels models = bind(file, header.path("library"), library, tolerances);
            int needed = InverseRenderModel.weightCount(architecture, models, axis);
            long count = header.path("weights").asLong(-1);
            if (count != needed) {
                throw new SpectralFileException(file, "the file holds " + count + " weights; its architecture and "
                        + "library need " + needed);
            }
            double[] weights = new double[needed];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readDouble();
            }
            long expected = checked.getChecksum().getValue();
            long stored = in.readLong();
            if (stored != expected) {
                throw new SpectralFileException(file, "damaged model file (checksum mismatch)");
            }
            if (in.read() != -1) {
                throw new SpectralFileException(file, "damaged model file (data after the checksum)");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> training = header.has("training")
                    ? MAPPER.convertValue(header.get("training"), LinkedHashMap.class) : Map.of();
            return InverseRenderModel.restore(architecture, models, axis, window, weights, training);
        } catch (EOFException e) {
            throw new SpectralFileException(file, "damaged model file (truncated)", e);
        } catch (IOException e) {
            throw new SpectralFileException(file, "cannot read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SpectralFileException(file, "invalid model file: " + DelimitedText.oneLine(e.getMessage()), e);
        }
    }

    /**
     * Binds the stored mineral list to {@code library}: same rendered minerals, in the same order, with the same
     * fingerprints; otherwise an error naming the first difference.
     */
    private static EndmemberModels bind(Path file, JsonNode stored, MineralLibrary library, FlexTolerances tolerances)
            throws SpectralFileException {
        List<String> names = new ArrayList<>();
        List<String> prints = new ArrayList<>();
        for (JsonNode m : stored.path("minerals")) {
            names.add(m.path("name").asText());
            prints.add(m.path("fingerprint").asText());
        }
        if (names.isEmpty()) {
            throw new SpectralFileException(file, "damaged model file (no minerals recorded)");
        }
        String trainedFor = "the model was trained for library '" + stored.path("name").asText() + "' ("
                + names.size() + " minerals besides the blackbody)";
        EndmemberModels models;
        try {
            models = EndmemberModels.of(library, tolerances);
        } catch (IllegalArgumentException e) {
            throw new SpectralFileException(file, trainedFor + "; the given library: " + e.getMessage());
        }
        List<String> given = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            given.add(models.name(i));
        }
        for (String name : names) {
            if (given.stream().noneMatch(name::equals)) {
                throw new SpectralFileException(file, trainedFor + "; mineral '" + name
                        + "' is missing from the given library '" + library.name() + "'");
            }
        }
        for (String name : given) {
            if (names.stream().noneMatch(name::equals)) {
                throw new SpectralFileException(file, trainedFor + "; the given library '" + library.name()
                        + "' has mineral '" + name + "', which the model does not know");
            }
        }
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals(given.get(i))) {
                throw new SpectralFileException(file, trainedFor + "; minerals are in another order: position "
                        + (i + 1) + " is '" + names.get(i) + "' in the model but '" + given.get(i)
                        + "' in the given library");
            }
            if (!prints.get(i).equals(models.mineralFingerprint(i))) {
                throw new SpectralFileException(file, trainedFor + "; mineral '" + names.get(i)
                        + "' has other oscillator parameters or bounds in the given library (fingerprint "
                        + models.mineralFingerprint(i) + ", the model's " + prints.get(i) + ")");
            }
        }
        return models;
    }

    private static Architecture architecture(Path file, JsonNode a) throws SpectralFileException {
        try {
            List<Integer> channels = ints(a.path("conv_channels"));
            List<Integer> kernels = ints(a.path("conv_kernels"));
            List<Boolean> pools = new ArrayList<>();
            for (JsonNode n : a.path("pool_after")) {
                pools.add(n.asBoolean());
            }
            return new Architecture(channels, kernels, pools, a.path("pool_size").asInt(0),
                    ints(a.path("dense_widths")), a.path("leaky_slope").asDouble(Double.NaN));
        } catch (IllegalArgumentException e) {
            throw new SpectralFileException(file, "invalid architecture: " + e.getMessage());
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asInt());
        }
        return out;
    }

    private static FlexTolerances tolerances(Path file, JsonNode t) throws SpectralFileException {
        try {
            return new FlexTolerances(t.path("omega0").asDouble(Double.NaN), t.path("strength").asDouble(Double.NaN),
                    t.path("gamma").asDouble(Double.NaN), t.path("eps_inf").asDouble(Double.NaN),
                    t.path("weight").asDouble(Double.NaN));
        } catch (IllegalArgumentException e) {
            throw new SpectralFileException(file, "invalid tolerances: " + e.getMessage());
        }
    }

    private static double[] axis(Path file, JsonNode a) throws SpectralFileException {
        JsonNode values = a.path("values");
        double[] axis = new double[values.size()];
        for (int i = 0; i < axis.length; i++) {
            axis[i] = values.get(i).asDouble();
            if (!(axis[i] > 0) || (i > 0 && !(axis[i] > axis[i - 1]))) {
                throw new SpectralFileException(file, "invalid axis at channel " + i);
            }
        }
        if (axis.length == 0 || !EndmemberModels.axisFingerprint(axis).equals(a.path("fingerprint").asText())) {
            throw new SpectralFileException(file, "damaged model file (axis does not match its fingerprint)");
        }
        return axis;
    }
}
