package dev.oscilla.io.envi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnviCubeWriterTest {

    @TempDir
    Path dir;

    private static double value(int line, int sample, int band) {
        return band == 1 && line == 2 && sample == 1 ? -9999 : 0.001 * line + 0.01 * sample + band + 1.0 / 3;
    }

    @Test
    void linesWrittenInAnyOrderFromSeveralThreadsReadBackWithNamesAndIgnoreValue() throws Exception {
        int samples = 5;
        int lines = 7;
        int bands = 3;
        EnviHeader extra = EnviHeader.builder().text("description", "test").list("band names",
                List.of("Quartz", "Blackbody", "group:feldspar")).put("data ignore value", "-9999").build();
        Path target = dir.resolve("out").resolve("abundances.img");
        try (EnviCubeWriter w = EnviCubeWriter.create(target, samples, lines, bands, EnviDataType.FLOAT32,
                ByteOrder.BIG_ENDIAN, extra)) {
            Stream.of(new int[] {4, 3}, new int[] {0, 2}, new int[] {2, 2}).parallel().forEach(block -> {
                for (int b = 0; b < bands; b++) {
                    float[] v = new float[block[1] * samples];
                    for (int l = 0; l < block[1]; l++) {
                        for (int s = 0; s < samples; s++) {
                            v[l * samples + s] = (float) value(block[0] + l, s, b);
                        }
                    }
                    try {
                        w.writeLines(b, block[0], block[1], v, 0);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }
            });
            try (EnviCube staged = w.stagedCube()) {
                assertThat(staged.pixel(6, 4)[2]).isEqualTo((float) value(6, 4, 2));
            }
            assertThat(Files.exists(target)).isFalse();
            w.commit();
        }
        assertThat(Files.readString(dir.resolve("out/abundances.hdr"))).startsWith("ENVI\nsamples = 5\nlines = 7\n"
                + "bands = 3\n").contains("byte order = 1").contains("band names = {Quartz, Blackbody, group:feldspar}");
        try (EnviCube cube = EnviCube.open(target)) {
            assertThat(cube.bandNames()).containsExactly("Quartz", "Blackbody", "group:feldspar");
            for (int l = 0; l < lines; l++) {
                for (int s = 0; s < samples; s++) {
                    double[] px = cube.pixel(l, s);
                    for (int b = 0; b < bands; b++) {
                        if (b == 1 && l == 2 && s == 1) {
                            assertThat(px[b]).isNaN();
                        } else {
                            assertThat(px[b]).isEqualTo((float) value(l, s, b));
                        }
                    }
                }
            }
        }
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("abundances.img",
                    "abundances.hdr");
        }
    }

    @Test
    void closingWithoutCommitLeavesTheEarlierOutputAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("rms.img");
        Files.writeString(target, "earlier");
        try (EnviCubeWriter w = EnviCubeWriter.create(target, 2, 2, 1, EnviDataType.FLOAT64, ByteOrder.LITTLE_ENDIAN,
                EnviHeader.builder().build())) {
            w.writeLines(0, 0, 2, new double[] {1, 2, 3, 4}, 0);
        }
        assertThat(Files.readString(target)).isEqualTo("earlier");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("rms.img");
        }
    }

    @Test
    void float64CubesAreExact() throws Exception {
        Path target = dir.resolve("x.img");
        double[] v = {Math.PI, -1e-300, 1.0 / 3, 12345.678901234567};
        try (EnviCubeWriter w = EnviCubeWriter.create(target, 2, 1, 2, EnviDataType.FLOAT64, ByteOrder.LITTLE_ENDIAN,
                EnviHeader.builder().build())) {
            w.writeLines(0, 0, 1, v, 0);
            w.writeLines(1, 0, 1, v, 2);
            w.commit();
        }
        try (EnviCube cube = EnviCube.open(dir.resolve("x.hdr"))) {
            assertThat(cube.pixel(0, 0)).containsExactly(v[0], v[2]);
            assertThat(cube.pixel(0, 1)).containsExactly(v[1], v[3]);
        }
    }
}
