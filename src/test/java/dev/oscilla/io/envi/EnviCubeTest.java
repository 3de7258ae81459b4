package dev.oscilla.io.envi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.io.SpectralFileException;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@UsesSharedData
class EnviCubeTest {

    @TempDir
    Path dir;

    @Test
    void realAvirisNgSubsetReadsWithItsAxisAndBadBands() throws Exception {
        try (EnviCube cube = EnviCube.open(SharedData.formats(
                "envi/ang20140912t192359_corr_v1c_img_2580-2590_540-550.hdr"))) {
            assertThat(cube.lines()).isEqualTo(10);
            assertThat(cube.samples()).isEqualTo(10);
            assertThat(cube.bands()).isEqualTo(432);
            assertThat(cube.interleave()).isEqualTo(EnviInterleave.BIP);
            assertThat(cube.dataType()).isEqualTo(EnviDataType.FLOAT32);
            double[] axis = cube.axis();
            // 346.2995778-2505.0363678 nm
            assertThat(axis[0]).isCloseTo(1e7 / 2505.0363678, within(1e-9));
            assertThat(axis[431]).isCloseTo(1e7 / 346.2995778, within(1e-6));
            int bad = 0;
            for (int b = 0; b < 432; b++) {
                bad += cube.isBadBand(b) ? 1 : 0;
            }
            assertThat(bad).isEqualTo(59);
            assertThat(cube.goodChannels()).hasSize(432 - 59);
            assertThat(cube.isBadBand(0)).isTrue();
            assertThat(cube.isBadBand(7)).isFalse();
            // pixel (line 4, sample 8), band 101 (847.17 nm) is 0.2776605 (read independently with numpy)
            Spectrum s = cube.spectrum(3, 7);
            assertThat(s.name()).isEqualTo("line 4, sample 8");
            int channel = cube.channel(100);
            assertThat(s.wavenumber(channel)).isCloseTo(1e7 / 847.1665778, within(1e-9));
            assertThat(s.value(channel)).isCloseTo(0.2776605, within(1e-7));
            assertThat(s.isValid(cube.channel(0))).isFalse();
            assertThat(s.validCount()).isEqualTo(432 - 59);
            assertThat(cube.notes()).anyMatch(n -> n.contains("10 lines x 10 samples x 432 bands, float32 "
                    + "little-endian, bip")).anyMatch(n -> n.contains("axis in nanometres converted to cm^-1, "
                    + "reversed to ascending wavenumber")).anyMatch(n -> n.contains("59 bad band(s)"));
            // all 100 pixels through a tile read agree with the pixel reads
            int[] all = new int[432];
            for (int c = 0; c < all.length; c++) {
                all[c] = c;
            }
            double[] tile = new double[100 * 432];
            cube.readLines(0, 10, all, tile);
            for (int p = 0; p < 100; p++) {
                double[] px = cube.pixel(p / 10, p % 10);
                for (int c = 0; c < 432; c++) {
                    assertThat(Double.compare(tile[p * 432 + c], px[c])).isZero();
                }
            }
        }
    }

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        int[] types = {1, 2, 3, 4, 5, 12, 13, 14, 15};
        String[] interleaves = {"bsq", "bil", "bip"};
        int k = 0;
        for (int type : types) {
            for (String il : interleaves) {
                ByteOrder order = (k++ % 2 == 0) ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                out.add(Arguments.of(type, il, order, k % 3 == 0 ? 0 : 17 * k));
            }
        }
        return out.stream();
    }

    /** A value representable in every type: 0-250, distinct per (line, sample, band). */
    private static double value(int line, int sample, int band) {
        return (line * 7 + sample * 3 + band * 11) % 251;
    }

    @ParameterizedTest(name = "type {0}, {1}, {2}, offset {3}")
    @MethodSource("variants")
    void everyTypeInterleaveByteOrderAndOffsetReadsTheSameValues(int type, String interleave, ByteOrder order,
                                                                  int offset) throws Exception {
        int lines = 5;
        int samples = 4;
        int bands = 3;
        TestCubes.data(dir, "v", lines, samples, bands, type, interleave, order, offset, EnviCubeTest::value);
        TestCubes.header(dir, "v", lines, samples, bands, type, interleave, order, offset,
                "wavelength units = Micrometers", "wavelength = {8.0, 10.0, 12.5}");
        try (EnviCube cube = EnviCube.open(dir.resolve("v.img"))) {
            assertThat(cube.axis()).containsExactly(800, 1000, 1250);
            // channel 0 = 12.5 um = band 2
            int[] channels = {0, 2, 1};
            double[] tile = new double[2 * samples * 3];
            cube.readLines(2, 2, channels, tile);
            double[] region = new double[3 * 2 * 3];
            cube.readRegion(1, 3, 1, 2, channels, region);
            for (int l = 0; l < 2; l++) {
                for (int s = 0; s < samples; s++) {
                    int p = (l * samples + s) * 3;
                    assertThat(tile[p]).isEqualTo(value(2 + l, s, 2));
                    assertThat(tile[p + 1]).isEqualTo(value(2 + l, s, 0));
                    assertThat(tile[p + 2]).isEqualTo(value(2 + l, s, 1));
                }
            }
            for (int l = 0; l < 3; l++) {
                for (int s = 0; s < 2; s++) {
                    int p = (l * 2 + s) * 3;
                    assertThat(region[p]).isEqualTo(value(1 + l, 1 + s, 2));
                    assertThat(region[p + 2]).isEqualTo(value(1 + l, 1 + s, 1));
                }
            }
            float[] image = new float[lines * samples];
            cube.readChannelImage(1, image);
            assertThat(image[3 * samples + 2]).isEqualTo((float) value(3, 2, 1));
        }
    }

    @Test
    void extremeValuesOfTheUnsignedAndWideTypesConvertExactly() throws Exception {
        double[] values = {65535, 4294967295.0, -9.0e15, 1.8446744073709550e19};
        int[] types = {12, 13, 14, 15};
        for (int i = 0; i < types.length; i++) {
            double v = values[i];
            TestCubes.data(dir, "x" + i, 1, 1, 1, types[i], "bsq", ByteOrder.BIG_ENDIAN, 0, (l, s, b) -> v);
            TestCubes.header(dir, "x" + i, 1, 1, 1, types[i], "bsq", ByteOrder.BIG_ENDIAN, 0);
            try (EnviCube cube = EnviCube.open(dir.resolve("x" + i + ".hdr"))) {
                assertThat(cube.hasSpectralAxis()).isFalse();
                assertThat(cube.pixel(0, 0)[0]).as("type %d", types[i]).isEqualTo(v);
            }
        }
    }

    @Test
    void ignoreValuesBadMarkersNanAndBadBandsAreMissingAndGainsApply() throws Exception {
        TestCubes.data(dir, "m", 1, 4, 3, 4, "bil", ByteOrder.LITTLE_ENDIAN, 0, (l, s, b) -> s == 0 ? -9999
                : s == 1 ? -1.23e34 : s == 2 ? Double.NaN : 10 * (b + 1));
        TestCubes.header(dir, "m", 1, 4, 3, 4, "bil", ByteOrder.LITTLE_ENDIAN, 0, "data ignore value = -9999",
                "bbl = {1, 0, 1}", "data gain values = {0.5, 1, 2}", "data offset values = {1, 0, 0}",
                "wavelength units = Wavenumber", "wavelength = {500, 600, 700}");
        try (EnviCube cube = EnviCube.open(dir.resolve("m.hdr"))) {
            for (int s = 0; s < 3; s++) {
                double[] px = cube.pixel(0, s);
                for (double v : px) {
                    assertThat(v).isNaN();
                }
            }
            assertThat(cube.pixel(0, 3)).containsExactly(6, Double.NaN, 60);
            assertThat(cube.ignoreValue().getAsDouble()).isEqualTo(-9999);
            assertThat(cube.notes()).anyMatch(n -> n.contains("gain and offset"));
        }
        TestCubes.data(dir, "r", 1, 1, 2, 2, "bsq", ByteOrder.LITTLE_ENDIAN, 0, (l, s, b) -> 5000 * (b + 1));
        TestCubes.header(dir, "r", 1, 1, 2, 2, "bsq", ByteOrder.LITTLE_ENDIAN, 0, "reflectance scale factor = 10000",
                "z plot titles = {Wavelength, Reflectance}");
        try (EnviCube cube = EnviCube.open(dir.resolve("r.hdr"))) {
            assertThat(cube.pixel(0, 0)).containsExactly(0.5, 1.0);
            assertThat(cube.kind()).isEqualTo(dev.oscilla.spectrum.SpectrumKind.REFLECTANCE);
        }
    }

    @Test
    void anAxisFileGivesWavelengthsToACubeWithoutThem() throws Exception {
        TestCubes.data(dir, "tes", 2, 2, 3, 4, "bsq", ByteOrder.BIG_ENDIAN, 0, (l, s, b) -> 0.9 + 0.01 * b);
        TestCubes.header(dir, "tes", 2, 2, 3, 4, "bsq", ByteOrder.BIG_ENDIAN, 0);
        Path axis = dir.resolve("axis.csv");
        Files.writeString(axis, "# TES-like\nwavenumber_cm-1\n232.7794\n243.3603\n254.9412\n");
        double[] wn = AxisFile.read(axis, null);
        try (EnviCube cube = EnviCube.open(dir.resolve("tes.hdr"), EnviCube.OpenOptions.axis(wn, "axis.csv"))) {
            assertThat(cube.hasSpectralAxis()).isTrue();
            assertThat(cube.axis()).containsExactly(232.7794, 243.3603, 254.9412);
            assertThat(cube.spectrum(1, 1).value(2)).isCloseTo(0.92, within(1e-7));
            assertThat(cube.notes()).anyMatch(n -> n.contains("axis from axis.csv"));
        }
        Files.writeString(axis, "nm\n2500\n2000\n1000\n");
        try (EnviCube cube = EnviCube.open(dir.resolve("tes.hdr"), EnviCube.OpenOptions.axis(AxisFile.read(axis, null),
                "axis.csv"))) {
            assertThat(cube.axis()).containsExactly(4000, 5000, 10000);
            assertThat(cube.band(0)).isEqualTo(0);
        }
        Files.writeString(axis, "300\n400\n500\n");
        assertThatThrownBy(() -> AxisFile.read(axis, null)).isInstanceOf(SpectralFileException.class)
                .hasMessageContaining("name no unit; they could be nanometres or wavenumbers");
        assertThat(AxisFile.read(axis, EnviWavelengthUnit.WAVENUMBER)).containsExactly(300, 400, 500);
        Files.writeString(axis, "wavenumber\n300\n400\n");
        assertThatThrownBy(() -> EnviCube.open(dir.resolve("tes.hdr"), EnviCube.OpenOptions.axis(
                AxisFile.read(axis, null), "axis.csv"))).hasMessageContaining("the axis from axis.csv has 2 values, "
                + "the cube has 3 bands");
    }

    @Test
    void headerProblemsAreNamedWithTheirLine() throws Exception {
        TestCubes.data(dir, "c", 1, 1, 2, 4, "bsq", ByteOrder.LITTLE_ENDIAN, 0, (l, s, b) -> 1);
        TestCubes.header(dir, "c", 1, 1, 2, 6, "bsq", ByteOrder.LITTLE_ENDIAN, 0);
        assertThatThrownBy(() -> EnviCube.open(dir.resolve("c.img"))).hasMessage(dir.resolve("c.hdr")
                + ", line 6: data type 6 is complex (2 x float32); spectra are real-valued");
        TestCubes.header(dir, "c", 1, 1, 2, 4, "bsq", ByteOrder.LITTLE_ENDIAN, 0, "interleave = bxp");
        assertThatThrownBy(() -> EnviCube.open(dir.resolve("c.img"))).hasMessageContaining(
                "line 9: 'interleave = bxp' is not bsq, bil or bip");
        TestCubes.header(dir, "c", 1, 1, 2, 4, "bsq", ByteOrder.LITTLE_ENDIAN, 0, "wavelength = {1, 2, 3}");
        assertThatThrownBy(() -> EnviCube.open(dir.resolve("c.img"))).hasMessageContaining(
                "line 9: 'wavelength' lists 3 values for 2 bands");
        TestCubes.header(dir, "c", 1, 1, 2, 4, "bsq", ByteOrder.LITTLE_ENDIAN, 0, "wavelength units = um",
                "wavelength = {2, 2}");
        assertThatThrownBy(() -> EnviCube.open(dir.resolve("c.img"))).hasMessageContaining(
                "bands 1 and 2 have the same wavelength");
        TestCubes.header(dir, "c", 2147483647, 2147483647, 2147483647, 4, "bsq", ByteOrder.LITTLE_ENDIAN, 0);
        assertThatThrownBy(() -> EnviCube.open(dir.resolve("c.img"))).hasMessageContaining(
                "describe more than 2^63 bytes");
        Files.delete(dir.resolve("c.img"));
        assertThatThrownBy(() -> EnviCube.open(dir.resolve("c.hdr"))).hasMessageContaining("no data file beside the "
                + "header");
    }
}
