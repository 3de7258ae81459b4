package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The real file of every format in {@code ../shared/data/formats} is recognised and read with the spectra count,
 * channels, wavenumber range, quantity and fraction scale its README gives.
 */
@UsesSharedData
class RealFormatFilesTest {

    private static SpectrumSet read(String file, String expectedFormat) throws SpectralFileException {
        Path p = SharedData.formats(file);
        assertThat(SpectrumFormats.detect(p, SpectrumReadOptions.defaults()).id()).as("format of %s", file)
                .isEqualTo(expectedFormat);
        SpectrumSet set = SpectrumFiles.read(p);
        for (Spectrum s : set.spectra()) {
            for (int c = 0; c < s.size(); c++) {
                assertThat(!s.isValid(c) || Double.isFinite(s.value(c))).isTrue();
            }
        }
        return set;
    }

    private static double maxValue(Spectrum s) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < s.size(); c++) {
            if (s.isValid(c)) {
                max = Math.max(max, s.value(c));
            }
        }
        return max;
    }

    private static double minValue(Spectrum s) {
        double min = Double.POSITIVE_INFINITY;
        for (int c = 0; c < s.size(); c++) {
            if (s.isValid(c)) {
                min = Math.min(min, s.value(c));
            }
        }
        return min;
    }

    @Test
    void jcampNicoletTransmittance() throws Exception {
        SpectrumSet set = read("jcamp/SBO.jdx", "jcamp");
        assertThat(set.size()).isEqualTo(1);
        Spectrum s = set.get(0);
        assertThat(s.name()).isEqualTo("Smart Balance Original Spread");
        assertThat(s.size()).isEqualTo(1868);
        assertThat(s.validCount()).isEqualTo(1868);
        assertThat(s.minWavenumber()).isCloseTo(399.212341, within(1e-6));
        assertThat(s.maxWavenumber()).isCloseTo(3999.837646, within(1e-6));
        assertThat(s.kind()).isEqualTo(SpectrumKind.TRANSMITTANCE);
        // YFACTOR 1e-8: the header's MAXY and MINY, and the first ordinate 94453928 -> 0.94453928
        assertThat(maxValue(s)).isCloseTo(1.059585, within(1e-6));
        assertThat(minValue(s)).isCloseTo(0.523075, within(1e-6));
        assertThat(s.value(0)).isCloseTo(0.94453928, within(1e-12));
        // evenly spaced by FIRSTX, LASTX and NPOINTS
        assertThat(s.wavenumber(1) - s.wavenumber(0)).isCloseTo(1.928562, within(1e-6));
    }

    @Test
    void asterCalciteReflectanceInPercentOnADescendingMicrometreAxis() throws Exception {
        SpectrumSet set = read("aster/jhu.nicolet.mineral.carbonate.none.coarse.calcit1.spectrum.txt", "aster");
        assertThat(set.size()).isEqualTo(1);
        Spectrum s = set.get(0);
        assertThat(s.name()).isEqualTo("Calcite CaCO3");
        assertThat(s.size()).isEqualTo(2287);
        assertThat(s.minWavenumber()).isCloseTo(399.29, within(0.01));
        assertThat(s.maxWavenumber()).isCloseTo(4808.88, within(0.01));
        assertThat(s.kind()).isEqualTo(SpectrumKind.REFLECTANCE);
        assertThat(maxValue(s)).isCloseTo(0.158, within(0.0005));
        // the first data line, 25.04420302 um 8.5097 %, is the lowest wavenumber
        assertThat(s.value(0)).isCloseTo(0.085097, within(1e-12));
        assertThat(set.notes()).anyMatch(n -> n.contains("percent"));
    }

    @Test
    void usgsRecordFindsItsWavelengthFileBesideIt() throws Exception {
        SpectrumSet set = read("usgs/splib07a_Brick_GDS355_Paving_Dk_Gry_ASDFRa_AREF.txt", "usgs");
        assertThat(set.size()).isEqualTo(1);
        Spectrum s = set.get(0);
        assertThat(s.size()).isEqualTo(2151);
        assertThat(s.minWavenumber()).isCloseTo(1e4 / 2.5, within(1e-3));
        assertThat(s.maxWavenumber()).isCloseTo(1e4 / 0.35, within(0.1));
        assertThat(s.kind()).isEqualTo(SpectrumKind.REFLECTANCE);
        assertThat(minValue(s)).isBetween(0.056, 0.0575);
        assertThat(maxValue(s)).isBetween(0.084, 0.0845);
        assertThat(set.notes()).anyMatch(n -> n.contains("s07_ASD_Wavelengths_ASD_0.35-2.5_microns_2151_ch.txt"));
    }

    @Test
    void usgsWavelengthFileAloneIsNotASpectrum() {
        SpectralFileException e = org.assertj.core.api.Assertions.catchThrowableOfType(SpectralFileException.class,
                () -> SpectrumFiles.read(SharedData.formats("usgs/s07_ASD_Wavelengths_ASD_0.35-2.5_microns_2151_ch.txt")));
        assertThat(e.problem()).contains("axis record").contains("not a spectrum");
    }

    @Test
    void relabNanometreReflectanceWithItsTrailer() throws Exception {
        SpectrumSet set = read("relab/bmr1ls101.tab", "relab");
        assertThat(set.size()).isEqualTo(1);
        Spectrum s = set.get(0);
        assertThat(s.size()).isEqualTo(3424);
        assertThat(s.minWavenumber()).isCloseTo(399.20, within(0.01));
        assertThat(s.maxWavenumber()).isCloseTo(7000.84, within(0.01));
        assertThat(s.kind()).isEqualTo(SpectrumKind.REFLECTANCE);
        assertThat(maxValue(s)).isLessThan(1);
        assertThat(set.notes()).anyMatch(n -> n.contains("standard deviation"))
                .anyMatch(n -> n.contains("LS-M1O-101"));
    }

    @Test
    void rruffInfraredIsAbsorbanceNotEmissivity() throws Exception {
        SpectrumSet set = read("rruff/Quartz__R040031-1__Infrared__Infrared_Data_Processed__348.txt", "rruff");
        assertThat(set.size()).isEqualTo(1);
        Spectrum s = set.get(0);
        assertThat(s.name()).isEqualTo("Quartz R040031");
        assertThat(s.size()).isEqualTo(1868);
        assertThat(s.minWavenumber()).isCloseTo(399.19, within(0.01));
        assertThat(s.maxWavenumber()).isCloseTo(3999.64, within(0.01));
        assertThat(s.kind()).isEqualTo(SpectrumKind.ABSORBANCE);
        assertThat(s.kind().isModelled()).isFalse();
        SpectrumSet forced = SpectrumFiles.read(SharedData.formats(
                "rruff/Quartz__R040031-1__Infrared__Infrared_Data_Processed__348.txt"),
                SpectrumReadOptions.builder().kind(SpectrumKind.EMISSIVITY).build());
        assertThat(forced.get(0).kind()).isEqualTo(SpectrumKind.EMISSIVITY);
    }

    @Test
    void enviSpectralLibraryGivenEitherHalf() throws Exception {
        for (String f : new String[] {"envi/s06av95a_envi.sli", "envi/s06av95a_envi.hdr"}) {
            SpectrumSet set = read(f, "envi");
            assertThat(set.size()).isEqualTo(1365);
            Spectrum s = set.get(0);
            assertThat(s.size()).isEqualTo(224);
            assertThat(s.minWavenumber()).isCloseTo(3986.9, within(0.1));
            assertThat(s.maxWavenumber()).isCloseTo(26099.4, within(0.1));
            assertThat(s.kind()).isEqualTo(SpectrumKind.REFLECTANCE);
            // the bad-value marker -1.23e34 is missing, never a value
            int masked = 0;
            for (Spectrum t : set.spectra()) {
                masked += t.size() - t.validCount();
                assertThat(minValue(t)).isGreaterThan(-1e30);
            }
            assertThat(masked).isPositive();
        }
    }

    @Test
    void enviImageCubeGivesOneSpectrumPerPixelWithBadBandsMasked() throws Exception {
        SpectrumSet set = read("envi/ang20140912t192359_corr_v1c_img_2580-2590_540-550.hdr", "envi");
        assertThat(set.size()).isEqualTo(100);
        Spectrum s = set.get(0);
        assertThat(s.size()).isEqualTo(432);
        assertThat(s.minWavenumber()).isCloseTo(1e7 / 2505.0, within(1.0));
        assertThat(s.maxWavenumber()).isCloseTo(1e7 / 346.3, within(1.0));
        assertThat(s.validCount()).isLessThan(432);
    }
}
