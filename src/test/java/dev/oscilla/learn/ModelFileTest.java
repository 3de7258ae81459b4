package dev.oscilla.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oscilla.io.InverseRenderModelFile;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    private final MineralLibrary library = TinyLibraries.threeMinerals();

    @Test
    void roundTripKeepsEveryWeightAndEveryPrediction() throws Exception {
        InverseRenderModel model = perturbed(TinyModels.untrained(library));
        Path file = dir.resolve("model.bin");
        InverseRenderModelFile.write(file, model);
        InverseRenderModel read = InverseRenderModelFile.read(file, library);
        assertThat(read.weightsView()).containsExactly(model.weightsView());
        assertThat(read.axis()).containsExactly(model.axis());
        assertThat(read.window()).isEqualTo(model.window());
        assertThat(read.architecture()).isEqualTo(model.architecture());
        assertThat(read.training()).containsEntry("note", "untrained");
        Spectrum s = new Spectrum("mix", SpectrumKind.EMISSIVITY, TinyModels.AXIS, mixture(0.5, 0.3, 0.2));
        assertThat(read.newPredictor().predict(s).abundances())
                .containsExactly(model.newPredictor().predict(s).abundances());
        assertThat(Files.list(dir)).containsExactly(file); // no temporary file left behind
    }

    @Test
    void headerIsVersionedAndRecordsTheLibraryAndAxis() throws Exception {
        Path file = dir.resolve("model.bin");
        InverseRenderModelFile.write(file, TinyModels.untrained(library));
        JsonNode header = header(file);
        assertThat(header.path("format").asText()).isEqualTo("oscilla-inverse-render-model");
        assertThat(header.path("version").asInt()).isEqualTo(1);
        assertThat(header.path("library").path("minerals")).hasSize(3);
        assertThat(header.path("library").path("minerals").get(2).path("name").asText()).isEqualTo("Calcitish");
        assertThat(header.path("library").path("minerals").get(2).path("fingerprint").asText()).hasSize(32);
        assertThat(header.path("axis").path("channels").asInt()).isEqualTo(60);
        assertThat(header.path("architecture").path("conv_channels").toString()).isEqualTo("[3,4]");
    }

    @Test
    void anotherLibraryIsAnErrorNamingTheMismatch() throws Exception {
        Path file = dir.resolve("model.bin");
        InverseRenderModelFile.write(file, TinyModels.untrained(library));

        MineralLibrary renamed = replace(library, 1, library.get(1).withName("Feldspar-2"));
        assertThatThrownBy(() -> InverseRenderModelFile.read(file, renamed)).isInstanceOf(SpectralFileException.class)
                .hasMessageContaining("model.bin").hasMessageContaining("'Feldsparish' is missing");

        double[] p = library.get(3).parameters();
        p[3] *= 1.001; // one oscillator's omega0
        MineralLibrary edited = replace(library, 3, library.get(3).withParameters(p));
        assertThatThrownBy(() -> InverseRenderModelFile.read(file, edited))
                .hasMessageContaining("mineral 'Calcitish' has other oscillator parameters or bounds");

        MineralLibrary smaller = library.without("Quartzish");
        assertThatThrownBy(() -> InverseRenderModelFile.read(file, smaller))
                .hasMessageContaining("'Quartzish' is missing");

        MineralLibrary larger = library.with(library.get(0).withName("Extra"));
        assertThatThrownBy(() -> InverseRenderModelFile.read(file, larger))
                .hasMessageContaining("has mineral 'Extra', which the model does not know");

        List<Mineral> swapped = new ArrayList<>(library.minerals());
        swapped.set(0, library.get(1));
        swapped.set(1, library.get(0));
        assertThatThrownBy(() -> InverseRenderModelFile.read(file, library.withMinerals(swapped)))
                .hasMessageContaining("position 1 is 'Quartzish' in the model but 'Feldsparish'");

        // the blackbody is not part of the network: dropping it from the library is accepted
        assertThat(InverseRenderModelFile.read(file, library.without("Blackbody")).endmembers().size()).isEqualTo(3);
    }

    @Test
    void damagedOrForeignFilesAreClearErrors() throws Exception {
        Path file = dir.resolve("model.bin");
        InverseRenderModelFile.write(file, TinyModels.untrained(library));
        byte[] bytes = Files.readAllBytes(file);

        Path foreign = dir.resolve("foreign.bin");
        Files.writeString(foreign, "{\"format\": \"oscilla-library\"}");
        assertThatThrownBy(() -> InverseRenderModelFile.read(foreign, library))
                .hasMessageContaining("not an Oscilla inverse-rendering model file");

        Path truncated = dir.resolve("truncated.bin");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> InverseRenderModelFile.read(truncated, library)).hasMessageContaining("truncated");

        Path flipped = dir.resolve("flipped.bin");
        byte[] copy = bytes.clone();
        copy[copy.length - 20] ^= 0x10; // inside the last weight
        Files.write(flipped, copy);
        assertThatThrownBy(() -> InverseRenderModelFile.read(flipped, library)).hasMessageContaining("checksum");

        Path newer = dir.resolve("newer.bin");
        String header = new String(bytes, 12, ByteBuffer.wrap(bytes, 8, 4).getInt(), StandardCharsets.UTF_8);
        String bumped = header.replace("\"version\":1", "\"version\":2");
        assertThat(bumped).isNotEqualTo(header);
        byte[] hb = bumped.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(bytes.length - header.length() + hb.length);
        out.put(bytes, 0, 8).putInt(hb.length).put(hb).put(bytes, 12 + header.length(),
                bytes.length - 12 - header.length());
        Files.write(newer, out.array());
        assertThatThrownBy(() -> InverseRenderModelFile.read(newer, library))
                .hasMessageContaining("version 2 is not supported");

        assertThatThrownBy(() -> InverseRenderModelFile.read(dir.resolve("absent.bin"), library))
                .hasMessageContaining("no such file");
    }

    private static JsonNode header(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            byte[] magic = new byte[8];
            in.readFully(magic);
            assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("OSCIRNN\n");
            byte[] header = new byte[in.readInt()];
            in.readFully(header);
            return new ObjectMapper().readTree(header);
        }
    }

    /** The model with every weight nudged, so a swapped or dropped weight would show in predictions. */
    static InverseRenderModel perturbed(InverseRenderModel model) {
        double[] w = model.weightsView().clone();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(9);
        for (int i = 0; i < w.length; i++) {
            w[i] += 0.05 * rnd.nextGaussian();
        }
        return new InverseRenderModel(model.network(), model.window(), w, model.training());
    }

    static double[] mixture(double... abundances) {
        double[] out = new double[TinyModels.AXIS.length];
        dev.oscilla.physics.DispersionEvaluator ev = new dev.oscilla.physics.DispersionEvaluator(TinyModels.AXIS);
        double[] e = new double[out.length];
        EndmemberModels models = EndmemberModels.of(TinyLibraries.threeMinerals(),
                EndmemberModels.PUBLISHED_IR_TOLERANCES);
        for (int i = 0; i < abundances.length; i++) {
            ev.evaluate(models.mineral(i), dev.oscilla.physics.Quantity.EMISSIVITY, e);
            for (int c = 0; c < out.length; c++) {
                out[c] += abundances[i] * e[c];
            }
        }
        return out;
    }

    private static MineralLibrary replace(MineralLibrary library, int index, Mineral mineral) {
        List<Mineral> list = new ArrayList<>(library.minerals());
        list.set(index, mineral);
        return library.withMinerals(list);
    }
}
