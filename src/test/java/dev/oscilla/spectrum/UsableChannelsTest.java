package dev.oscilla.spectrum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.io.AsuTabReader;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UsableChannelsTest {

    /** 200-2000 cm^-1 at 2 cm^-1, a smooth band with noise 0.002. */
    private static Spectrum clean(String name, long seed) {
        Random r = new Random(seed);
        double[] x = new double[901];
        double[] y = new double[x.length];
        for (int c = 0; c < x.length; c++) {
            x[c] = 200 + 2 * c;
            y[c] = 0.95 - 0.3 * Math.exp(-Math.pow((x[c] - 1100) / 60, 2)) + 0.002 * r.nextGaussian();
        }
        return new Spectrum(name, SpectrumKind.EMISSIVITY, x, y);
    }

    /** {@code s} with instrument noise below {@code edge} cm^-1: wild values, a fifth of them impossible. */
    private static Spectrum noisyBelow(Spectrum s, double edge, long seed) {
        Random r = new Random(seed);
        double[] y = s.values();
        for (int c = 0; c < y.length; c++) {
            if (s.wavenumber(c) < edge) {
                y[c] = r.nextDouble() < 0.2 ? 5 * r.nextGaussian() + (r.nextBoolean() ? 3 : -3)
                        : 0.5 + 0.3 * r.nextGaussian() * 0.3;
            }
        }
        return s.withValues(y);
    }

    @Test
    void cleanDataKeepTheirWholeValidRange() {
        UsableChannels u = UsableChannels.of(clean("a", 1));
        assertThat(u.window()).isEqualTo(new WavenumberWindow(200, 2000));
        assertThat(u.hasUsableChannels()).isTrue();
        assertThat(u.edgeChannels()).isZero();
        assertThat(u.notes()).isEmpty();
    }

    @Test
    void theNoisyEndOfTheRangeIsLeftOutOfTheDefaultWindow() {
        Spectrum s = noisyBelow(clean("a", 2), 300, 3);
        UsableChannels u = UsableChannels.of(s);
        assertThat(u.window().lo()).as("within a few channels of the edge").isBetween(270.0, 302.0);
        assertThat(u.window().hi()).isEqualTo(2000);
        assertThat(u.notes()).anySatisfy(n -> assertThat(n).startsWith("channels below"));
        assertThat(u.isFlagged(s, 0)).isTrue();
        assertThat(u.isFlagged(s, 450)).isFalse();
    }

    @Test
    void aSpikeInsideTheRangeIsFlaggedAloneAndDoesNotShortenTheWindow() {
        double[] y = clean("a", 4).values();
        y[450] = 7.5;
        Spectrum s = clean("a", 4).withValues(y);
        UsableChannels u = UsableChannels.of(s);
        assertThat(u.window()).isEqualTo(new WavenumberWindow(200, 2000));
        assertThat(u.spikes()).isEqualTo(1);
        assertThat(UsableChannels.isUsable(s, 450)).isFalse();
        assertThat(UsableChannels.isImplausible(s, 450)).isTrue();
        assertThat(u.isFlagged(s, 450)).isTrue();
        assertThat(u.isFlagged(s, 451)).isFalse();
    }

    @Test
    void zeroFilledChannelsAreGapsNotData() {
        double[] y = clean("a", 5).values();
        for (int c = 0; c < 50; c++) {
            y[c] = 0;
        }
        y[600] = 0;
        Spectrum s = clean("a", 5).withValues(y);
        UsableChannels u = UsableChannels.of(s);
        assertThat(u.window()).isEqualTo(new WavenumberWindow(300, 2000));
        assertThat(UsableChannels.isUsable(s, 600)).isFalse();
        assertThat(u.spikes()).as("a gap is no spike").isZero();
    }

    @Test
    void spectraOfOneFileAreJudgedTogether() {
        // one spectrum noisy below 400, the other clean: the instrument's noise region is the file's
        Spectrum a = noisyBelow(clean("a", 6), 400, 7);
        Spectrum b = clean("b", 8);
        UsableChannels u = UsableChannels.of(List.of(a, b));
        assertThat(u.window().lo()).isBetween(390.0, 410.0);
        assertThat(UsableChannels.of(b).window().lo()).isEqualTo(200);
    }

    @Test
    void spectraOnDifferentAxesGetTheIntersectionOfTheirWindows() {
        Spectrum a = clean("a", 9).window(new WavenumberWindow(300, 1500));
        Spectrum b = clean("b", 10).window(new WavenumberWindow(500, 2000));
        assertThat(UsableChannels.of(List.of(a, b)).window()).isEqualTo(new WavenumberWindow(500, 1500));
    }

    @Test
    void percentValuesAreNotPlausibleFractionsAndSaySo() {
        Spectrum s = clean("a", 11).scaled(100);
        UsableChannels u = UsableChannels.of(s);
        assertThat(u.hasUsableChannels()).isFalse();
        assertThat(u.notes()).singleElement().asString().contains("percent");
    }

    @Test
    void plausibilityFollowsThePhysicsOfFractions() {
        assertThat(UsableChannels.isPlausible(SpectrumKind.EMISSIVITY, 1.104)).isTrue();
        assertThat(UsableChannels.isPlausible(SpectrumKind.REFLECTANCE, -0.05)).isTrue();
        assertThat(UsableChannels.isPlausible(SpectrumKind.UNKNOWN, 1.5)).isFalse();
        assertThat(UsableChannels.isPlausible(SpectrumKind.EMISSIVITY, Double.NaN)).isFalse();
    }

    @Test
    @UsesSharedData
    void theDevelopmentFilesStartWhereTheirInstrumentNoiseEnds() throws Exception {
        SpectrumSet library = AsuTabReader.read(SharedData.feely("library_tab.txt"),
                SharedData.feely("library_meta.csv"));
        SpectrumSet rocks = AsuTabReader.read(SharedData.feely("rocks_tab.txt"), SharedData.feely("rocks_meta.csv"));
        UsableChannels lib = UsableChannels.of(library.spectra());
        UsableChannels rock = UsableChannels.of(rocks.spectra());
        assertThat(lib.window().lo()).isCloseTo(380.0, within(0.1));
        assertThat(rock.window().lo()).isCloseTo(378.07, within(0.1));
        assertThat(lib.window().hi()).isCloseTo(1998.38, within(0.01));
        assertThat(rock.window().hi()).isCloseTo(1998.38, within(0.01));
        // inside the published window nothing is implausible: it is all signal
        for (Spectrum s : library.spectra()) {
            for (int c = 0; c < s.size(); c++) {
                if (WavenumberWindow.FEELY.contains(s.wavenumber(c))) {
                    assertThat(UsableChannels.isImplausible(s, c)).as("%s at %s", s.name(), s.wavenumber(c))
                            .isFalse();
                }
            }
        }
        // a single library spectrum: its own noise region, somewhere in 300-400 cm^-1
        UsableChannels actinolite = UsableChannels.of(library.get(0));
        assertThat(actinolite.window().lo()).isBetween(300.0, 400.0);
    }
}
