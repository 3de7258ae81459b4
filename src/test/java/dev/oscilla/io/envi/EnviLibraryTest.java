package dev.oscilla.io.envi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.io.SpectralFileException;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UsesSharedData
class EnviLibraryTest {

    @TempDir
    Path dir;

    @Test
    void realUsgsLibraryReadsWithBadValuesMissingAndTheAxisSorted() throws Exception {
        Path sli = SharedData.formats("envi/s06av95a_envi.sli");
        assertThat(EnviLibrary.isLibrary(sli)).isTrue();
        SpectrumSet set = EnviLibrary.read(sli);
        assertThat(set.size()).isEqualTo(1365);
        Spectrum first = set.get(0);
        assertThat(first.size()).isEqualTo(224);
        assertThat(first.name()).isEqualTo("Acmite NMNH133746 Pyroxene s06av95a=a");
        assertThat(first.kind()).isEqualTo(SpectrumKind.REFLECTANCE);
        assertThat(first.minWavenumber()).isCloseTo(3986.9, within(0.05));
        assertThat(first.maxWavenumber()).isCloseTo(26099.4, within(0.05));
        long missing = 0;
        double max = 0;
        for (Spectrum s : set.spectra()) {
            assertThat(s.axis()).isEqualTo(first.axis());
            missing += s.size() - s.validCount();
            for (int c = 0; c < s.size(); c++) {
                if (s.isValid(c)) {
                    assertThat(s.value(c)).isGreaterThan(-1e30);
                    max = Math.max(max, s.value(c));
                }
            }
        }
        // 50,067 values of the file are -1.23e34 (counted independently with numpy)
        assertThat(missing).isEqualTo(50067);
        assertThat(max).isCloseTo(1.2105090618133545, within(1e-15));
        assertThat(set.notes()).anyMatch(n -> n.contains("1365 spectra x 224 channels, float64 little-endian"))
                .anyMatch(n -> n.contains("micrometres converted to cm^-1, sorted to ascending wavenumber"))
                .anyMatch(n -> n.contains("50067 missing values"));
    }

    @Test
    void realLibraryRoundTripsExactly() throws Exception {
        SpectrumSet set = EnviLibrary.read(SharedData.formats("envi/s06av95a_envi.hdr"));
        Path out = dir.resolve("copy.sli");
        EnviLibrary.write(out, set);
        SpectrumSet back = EnviLibrary.read(dir.resolve("copy.hdr"));
        assertSame(set, back);
    }

    @Test
    void writtenLibrariesRoundTripExactlyWithNamesCategoriesAndMasks() throws Exception {
        double[] axis = {400.5, 401.25, 600, 1200.125, 1999.0};
        Spectrum a = new Spectrum("Quartz, fine", SpectrumKind.EMISSIVITY, axis, new double[] {0.91, 0.5, 0.97, Double.NaN,
            1.0 / 3});
        Spectrum b = new Spectrum("Albite {An5}", SpectrumKind.EMISSIVITY, axis, new double[] {0.99, 0.98, 0.97, 0.96,
            0.95}, new boolean[] {true, false, true, true, true});
        SpectrumSet set = new SpectrumSet(List.of(a, b), List.of("silica", "feldspar"), List.of(), List.of());
        EnviLibrary.write(dir.resolve("lib"), set);
        assertThat(Files.exists(dir.resolve("lib.sli"))).isTrue();
        assertThat(Files.readString(dir.resolve("lib.hdr"))).contains("spectra names = {Quartz; fine, Albite (An5)}")
                .contains("wavelength units = Wavenumber").contains("data ignore value = -1.23e34")
                .contains("z plot titles = {Wavenumber (cm-1), Emissivity}");
        SpectrumSet back = EnviLibrary.read(dir.resolve("lib.sli"));
        assertThat(back.get(0).name()).isEqualTo("Quartz; fine");
        assertThat(back.get(1).name()).isEqualTo("Albite (An5)");
        assertThat(back.categories()).containsExactly("silica", "feldspar");
        assertThat(back.get(0).kind()).isEqualTo(SpectrumKind.EMISSIVITY);
        for (int s = 0; s < 2; s++) {
            assertThat(back.get(s).axis()).isEqualTo(axis);
            assertThat(back.get(s).mask()).isEqualTo(set.get(s).mask());
            for (int c = 0; c < axis.length; c++) {
                if (set.get(s).isValid(c)) {
                    assertThat(back.get(s).value(c)).isEqualTo(set.get(s).value(c));
                }
            }
        }
    }

    @Test
    void micrometreAndFloat32LibrariesRoundTripToTheWrittenPrecision() throws Exception {
        SpectrumSet set = EnviLibrary.read(SharedData.formats("envi/s06av95a_envi.sli"));
        SpectrumSet few = new SpectrumSet(set.spectra().subList(0, 20), set.categories().subList(0, 20), List.of(),
                List.of());
        EnviLibrary.write(dir.resolve("um.sli"), few, new EnviLibrary.WriteOptions(EnviDataType.FLOAT32,
                EnviWavelengthUnit.MICROMETERS));
        assertThat(Files.readString(dir.resolve("um.hdr"))).contains("wavelength units = Micrometers")
                .contains("data type = 4").contains("wavelength = {0.38315, ");
        SpectrumSet back = EnviLibrary.read(dir.resolve("um.sli"));
        for (int s = 0; s < few.size(); s++) {
            double[] x0 = few.get(s).axis();
            double[] x1 = back.get(s).axis();
            for (int c = 0; c < x0.length; c++) {
                assertThat(x1[c]).isCloseTo(x0[c], within(2 * Math.ulp(x0[c])));
                assertThat(back.get(s).isValid(c)).isEqualTo(few.get(s).isValid(c));
                if (few.get(s).isValid(c)) {
                    assertThat(back.get(s).value(c)).isEqualTo((double) (float) few.get(s).value(c));
                }
            }
        }
    }

    @Test
    void aHeaderWithoutUnitsIsReadAsMicrometresOnlyWhenNothingElseFits() throws Exception {
        TestCubes.data(dir, "small", 2, 3, 1, 5, "bsq", ByteOrder.LITTLE_ENDIAN, 0, (l, s, b) -> 0.1 * (l + 1) + s);
        TestCubes.header(dir, "small", 2, 3, 1, 5, "bsq", ByteOrder.LITTLE_ENDIAN, 0,
                "file type = ENVI Spectral Library", "wavelength = {8, 10, 12.5}");
        SpectrumSet set = EnviLibrary.read(dir.resolve("small.hdr"));
        assertThat(set.get(0).axis()).containsExactly(800, 1000, 1250);
        assertThat(set.get(1).values()).containsExactly(2.2, 1.2, 0.2);
        assertThat(set.get(0).name()).isEqualTo("Spectrum 1");
        assertThat(set.notes()).anyMatch(n -> n.contains("no wavelength unit; values up to 12.5 can only be "
                + "micrometres")).anyMatch(n -> n.contains("no 'spectra names'"));

        TestCubes.header(dir, "small", 2, 3, 1, 5, "bsq", ByteOrder.LITTLE_ENDIAN, 0, "wavelength = {800, 1000, 1250}");
        assertThatThrownBy(() -> EnviLibrary.read(dir.resolve("small.img"))).isInstanceOf(SpectralFileException.class)
                .hasMessageContaining("line 9: the wavelengths (800-1250) have no 'wavelength units'; they could be "
                        + "nanometres or wavenumbers");
        SpectrumSet nm = EnviLibrary.read(dir.resolve("small.img"), EnviWavelengthUnit.NANOMETERS);
        assertThat(nm.get(0).axis()).containsExactly(8000, 10000, 12500);
    }

    @Test
    void cubesAndTruncatedFilesAreRefusedClearly() throws Exception {
        TestCubes.data(dir, "cube", 2, 3, 2, 4, "bsq", ByteOrder.LITTLE_ENDIAN, 0, (l, s, b) -> 1);
        TestCubes.header(dir, "cube", 2, 3, 2, 4, "bsq", ByteOrder.LITTLE_ENDIAN, 0, "wavelength units = um",
                "wavelength = {8, 10}");
        assertThatThrownBy(() -> EnviLibrary.read(dir.resolve("cube.hdr"))).hasMessageContaining(
                "is not a spectral library: it has 2 bands");
        TestCubes.header(dir, "cube", 4, 3, 1, 4, "bsq", ByteOrder.LITTLE_ENDIAN, 0, "wavelength units = um",
                "wavelength = {8, 10, 12}");
        Files.write(dir.resolve("cube.img"), new byte[40]);
        assertThatThrownBy(() -> EnviLibrary.read(dir.resolve("cube.hdr"))).hasMessageContaining(
                "cube.img: holds 40 bytes, but the header describes 3 x 4 x 1 values of 4 bytes after an offset of 0 "
                        + "(48 bytes)");
    }

    private static void assertSame(SpectrumSet a, SpectrumSet b) {
        assertThat(b.size()).isEqualTo(a.size());
        for (int s = 0; s < a.size(); s++) {
            Spectrum x = a.get(s);
            Spectrum y = b.get(s);
            assertThat(y.name()).isEqualTo(x.name());
            assertThat(y.kind()).isEqualTo(x.kind());
            assertThat(y.axis()).isEqualTo(x.axis());
            assertThat(y.mask()).isEqualTo(x.mask());
            for (int c = 0; c < x.size(); c++) {
                if (x.isValid(c)) {
                    assertThat(y.value(c)).isEqualTo(x.value(c));
                }
            }
        }
    }
}
