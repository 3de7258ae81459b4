package dev.oscilla.unmix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.oscilla.io.AsuTabReader;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Linear unmixing on the real feely library and rocks. */
@UsesSharedData
class LinearUnmixerTest {

    static SpectrumSet rocks;
    static SpectrumSet library;

    @BeforeAll
    static void load() throws Exception {
        rocks = AsuTabReader.read(SharedData.feely("rocks_tab.txt"), SharedData.feely("rocks_meta.csv"));
        library = AsuTabReader.read(SharedData.feely("library_tab.txt"), SharedData.feely("library_meta.csv"));
    }

    static UnmixSettings feely(UnmixMethod method) {
        return UnmixSettings.defaults().withMethod(method).withWindow(WavenumberWindow.FEELY);
    }

    /** KKT conditions of FCLS checked from the outputs alone: g = A'(Ax - b). */
    @Test
    void fclsOnEveryValidRockMeetsTheKktConditions() {
        UnmixSettings settings = feely(UnmixMethod.FCLS);
        EndmemberMatrix a = EndmemberMatrix.fromLibrary(library, rocks.get(0).axis(), settings);
        LinearUnmixer unmixer = new LinearUnmixer(a, settings);
        int checked = 0;
        for (int r = 0; r < rocks.size(); r++) {
            if (rocks.categories().get(r).equals("invalid")) {
                continue;
            }
            UnmixResult result = unmixer.unmix(rocks.get(r));
            double[] x = result.abundances();
            double[] residual = new double[a.channels()];
            double[] measured = result.measured();
            assertThat(measured).hasSize(a.channels());
            for (int c = 0; c < a.channels(); c++) {
                double model = 0;
                for (int j = 0; j < a.endmembers(); j++) {
                    model += a.value(c, j) * x[j];
                }
                residual[c] = model - measured[c];
            }
            // the RMS comes from the normal equations and the spectra are built on demand: both must agree with
            // the model computed here
            double[] modelled = result.modelled();
            double ss = 0;
            for (int c = 0; c < a.channels(); c++) {
                assertThat(modelled[c]).isCloseTo(measured[c] + residual[c], offset(1e-13));
                ss += residual[c] * residual[c];
            }
            assertThat(result.rms()).isCloseTo(Math.sqrt(ss / a.channels()), offset(1e-12));
            double[] g = new double[a.endmembers()];
            double scale = 0;
            for (int j = 0; j < a.endmembers(); j++) {
                for (int c = 0; c < a.channels(); c++) {
                    g[j] += a.value(c, j) * residual[c];
                    scale += Math.abs(a.value(c, j) * measured[c]);
                }
            }
            // mu from any strictly positive abundance: g_i + mu = 0 there
            double mu = Double.NaN;
            double sum = 0;
            for (int j = 0; j < x.length; j++) {
                sum += x[j];
                if (x[j] > 1e-6 && Double.isNaN(mu)) {
                    mu = -g[j];
                }
            }
            assertThat(sum).isCloseTo(1.0, offset(1e-12));
            double tol = 1e-10 * scale / a.endmembers();
            for (int j = 0; j < x.length; j++) {
                assertThat(x[j]).isGreaterThanOrEqualTo(0.0);
                double lambda = g[j] + mu;
                assertThat(lambda).as("dual feasibility of %s in %s", a.name(j), result.spectrumName())
                        .isGreaterThan(-tol);
                assertThat(Math.abs(lambda * x[j])).as("complementarity").isLessThan(tol);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(60);
    }

    @Test
    void recoversANoiseFreeMixtureWithBlackbodyAndRenormalises() {
        UnmixSettings settings = feely(UnmixMethod.FCLS);
        double[] axis = rocks.get(0).axis();
        EndmemberMatrix a = EndmemberMatrix.fromLibrary(library, axis, settings);
        int quartz = a.names().indexOf("Quartz");
        int albite = a.names().indexOf("Albite");
        int bb = a.names().indexOf("Blackbody");
        assertThat(quartz).isNotNegative();
        assertThat(bb).isNotNegative();
        double[] values = new double[axis.length];
        Spectrum q = library.find("Quartz").orElseThrow();
        Spectrum ab = library.find("Albite").orElseThrow();
        for (int c = 0; c < axis.length; c++) {
            values[c] = 0.3 * q.value(c) + 0.5 * ab.value(c) + 0.2;
        }
        UnmixResult r = new LinearUnmixer(a, settings).unmix(new Spectrum("synthetic", SpectrumKind.EMISSIVITY, axis,
                values));
        assertThat(r.abundance(quartz)).isCloseTo(0.3, offset(1e-9));
        assertThat(r.abundance(albite)).isCloseTo(0.5, offset(1e-9));
        assertThat(r.blackbodyFraction()).isCloseTo(0.2, offset(1e-9));
        assertThat(r.normalized(quartz)).isCloseTo(0.375, offset(1e-9));
        assertThat(r.normalized(albite)).isCloseTo(0.625, offset(1e-9));
        assertThat(r.groupSums().get("quartz")).isCloseTo(0.375, offset(1e-9));
        assertThat(r.groupSums().get("feldspar")).isCloseTo(0.625, offset(1e-9));
        assertThat(r.rms()).isLessThan(1e-12);
    }

    @Test
    void maskedChannelsAreLeftOutExactly() {
        UnmixSettings settings = feely(UnmixMethod.FCLS);
        Spectrum rock = rocks.get(3);
        double[] axis = rock.axis();
        EndmemberMatrix a = EndmemberMatrix.fromLibrary(library, axis, settings);
        boolean[] keep = new boolean[axis.length];
        Random rnd = new Random(5);
        for (int c = 0; c < keep.length; c++) {
            keep[c] = rnd.nextDouble() > 0.1;
        }
        UnmixResult masked = new LinearUnmixer(a, settings).unmix(rock.withMask(keep));
        // the same problem with the masked channels physically removed from both data and library
        List<Spectrum> kept = new ArrayList<>();
        for (Spectrum s : library.spectra()) {
            kept.add(subset(s, keep));
        }
        SpectrumSet subLibrary = new SpectrumSet(kept, library.categories(), List.of(), List.of());
        Spectrum subRock = subset(rock, keep);
        EndmemberMatrix b = EndmemberMatrix.fromLibrary(subLibrary, subRock.axis(), settings);
        UnmixResult direct = new LinearUnmixer(b, settings).unmix(subRock);
        for (int j = 0; j < masked.size(); j++) {
            assertThat(masked.abundance(j)).isCloseTo(direct.abundance(j), offset(1e-8));
        }
        assertThat(masked.rms()).isCloseTo(direct.rms(), offset(1e-10));
    }

    private static Spectrum subset(Spectrum s, boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        double[] ax = new double[n];
        double[] v = new double[n];
        int i = 0;
        for (int c = 0; c < keep.length; c++) {
            if (keep[c]) {
                ax[i] = s.wavenumber(c);
                v[i++] = s.value(c);
            }
        }
        return new Spectrum(s.name(), s.kind(), ax, v);
    }

    @Test
    void forcedEndmemberIsOutsideTheConstraints() {
        UnmixSettings settings = feely(UnmixMethod.FCLS).withForced(List.of("Calcite"));
        double[] axis = rocks.get(0).axis();
        EndmemberMatrix a = EndmemberMatrix.fromLibrary(library, axis, settings);
        int calcite = a.names().indexOf("Calcite");
        Spectrum q = library.find("Quartz").orElseThrow();
        Spectrum c = library.find("Calcite").orElseThrow();
        double[] values = new double[axis.length];
        for (int i = 0; i < axis.length; i++) {
            values[i] = 0.9 * q.value(i) + 0.1 - 0.1 * c.value(i); // quartz + blackbody, minus a calcite "atmosphere"
        }
        UnmixResult r = new LinearUnmixer(a, settings).unmix(new Spectrum("x", SpectrumKind.EMISSIVITY, axis, values));
        assertThat(r.isForced(calcite)).isTrue();
        assertThat(r.abundance(calcite)).isCloseTo(-0.1, offset(1e-8));
        assertThat(r.normalized(calcite)).isZero();
        assertThat(r.groupSums().get("calcite-dolomite")).isCloseTo(0.0, offset(1e-9)); // only dolomite counts
        assertThatThrownBy(() -> EndmemberMatrix.fromLibrary(library, axis, feely(UnmixMethod.FCLS)
                .withForced(List.of("Unobtainium")))).hasMessageContaining("Unobtainium");
    }

    @Test
    void nnlsAndLsRelaxTheConstraints() {
        Spectrum rock = rocks.get(0);
        double[] axis = rock.axis();
        UnmixResult fcls = unmix(UnmixMethod.FCLS, rock);
        UnmixResult nnls = unmix(UnmixMethod.NNLS, rock);
        UnmixResult ls = unmix(UnmixMethod.LS, rock);
        assertThat(nnls.rms()).isLessThanOrEqualTo(fcls.rms() + 1e-15);
        assertThat(ls.rms()).isLessThanOrEqualTo(nnls.rms() + 1e-15);
        assertThat(java.util.Arrays.stream(nnls.abundances()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(java.util.Arrays.stream(ls.abundances()).min().orElseThrow()).isNegative();
        assertThat(axis).isNotEmpty();
    }

    private static UnmixResult unmix(UnmixMethod method, Spectrum rock) {
        UnmixSettings s = feely(method);
        return new LinearUnmixer(EndmemberMatrix.fromLibrary(library, rock.axis(), s), s).unmix(rock);
    }

    @Test
    void libraryOnAnotherAxisIsResampledAndDisjointAxesAreAnError() {
        Spectrum rock = rocks.get(0);
        // data on a coarser, shifted grid inside the library's range
        double[] axis = new double[300];
        for (int c = 0; c < axis.length; c++) {
            axis[c] = 401.3 + 5.0 * c;
        }
        Spectrum coarse = rock.resample(axis);
        UnmixSettings s = feely(UnmixMethod.FCLS);
        EndmemberMatrix a = EndmemberMatrix.fromLibrary(library, axis, s);
        UnmixResult r = new LinearUnmixer(a, s).unmix(coarse);
        UnmixResult full = unmix(UnmixMethod.FCLS, rock);
        assertThat(r.groupSums().get("feldspar")).isCloseTo(full.groupSums().get("feldspar"), offset(0.05));
        double[] far = {5000, 5001, 5002};
        assertThatThrownBy(() -> EndmemberMatrix.fromLibrary(library, far, s)).hasMessageContaining("overlap");
    }

    @Test
    void standardErrorsShrinkWithLessNoise() {
        UnmixSettings s = feely(UnmixMethod.FCLS);
        double[] axis = rocks.get(0).axis();
        EndmemberMatrix a = EndmemberMatrix.fromLibrary(library, axis, s);
        Spectrum q = library.find("Quartz").orElseThrow();
        Spectrum ab = library.find("Albite").orElseThrow();
        Random rnd = new Random(3);
        double[] quiet = new double[axis.length];
        double[] noisy = new double[axis.length];
        for (int c = 0; c < axis.length; c++) {
            double e = rnd.nextGaussian();
            double v = 0.4 * q.value(c) + 0.6 * ab.value(c);
            quiet[c] = v + 0.001 * e;
            noisy[c] = v + 0.01 * e;
        }
        LinearUnmixer u = new LinearUnmixer(a, s);
        int quartz = a.names().indexOf("Quartz");
        double seQuiet = u.unmix(new Spectrum("q", SpectrumKind.EMISSIVITY, axis, quiet)).standardErrors()[quartz];
        double seNoisy = u.unmix(new Spectrum("n", SpectrumKind.EMISSIVITY, axis, noisy)).standardErrors()[quartz];
        assertThat(seQuiet).isPositive();
        assertThat(seNoisy / seQuiet).isBetween(5.0, 20.0);
    }
}
