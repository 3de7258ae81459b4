package dev.oscilla.unmix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.io.InfraRenderHdfReader;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.physics.ParameterKind;
import dev.oscilla.physics.ParameterLayout;
import dev.oscilla.physics.Quantity;
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

/**
 * Analysis-by-synthesis on synthetic mixtures of published mineral models whose parameters were moved inside
 * their boxes: the truth is known exactly, so recovery can be asserted.
 */
@UsesSharedData
class AnalysisBySynthesisTest {

    static MineralLibrary library;
    static double[] axis;

    @BeforeAll
    static void load() throws Exception {
        MineralLibrary all = InfraRenderHdfReader.read(SharedData.feely("feely_params.hdf"));
        List<Mineral> picked = new ArrayList<>();
        for (String name : new String[] {"Quartz [BUR-4120]", "Albite [WAR-0235]", "Augite [WAR-6474]",
            "Calcite [BUR-1100F]", "Olivine-Fo [BUR-3720]", "Hornblende [WAR-0404]"}) {
            picked.add(all.require(name));
        }
        library = all.withMinerals(picked);
        axis = new double[830];
        for (int c = 0; c < axis.length; c++) {
            axis[c] = 400 + c * (1600.0 / 829);
        }
    }

    /** The mineral with every flexible parameter moved to a random point inside 80 % of its box. */
    static Mineral flexed(Mineral m, FlexTolerances t, Random rnd) {
        double[] p = m.parameters();
        ParameterLayout layout = m.layout();
        for (int j = 0; j < p.length; j++) {
            ParameterKind kind = layout.kindOf(j);
            if (kind.isOscillatorKind()) {
                p[j] *= 1 + 0.8 * t.of(kind) * (2 * rnd.nextDouble() - 1);
            }
        }
        return m.withParameters(p);
    }

    static Spectrum mixture(List<Mineral> minerals, double[] x, double blackbody, double noise, Random rnd) {
        DispersionEvaluator ev = new DispersionEvaluator(axis);
        double[] sum = new double[axis.length];
        double[] e = new double[axis.length];
        for (int i = 0; i < minerals.size(); i++) {
            if (x[i] == 0) {
                continue;
            }
            ev.evaluate(minerals.get(i), Quantity.EMISSIVITY, e);
            for (int c = 0; c < axis.length; c++) {
                sum[c] += x[i] * e[c];
            }
        }
        for (int c = 0; c < axis.length; c++) {
            sum[c] += blackbody + noise * rnd.nextGaussian();
        }
        return new Spectrum("synthetic", SpectrumKind.EMISSIVITY, axis, sum);
    }

    @Test
    void fitsAMixtureOfFlexedMineralsThatFixedEndmembersCannot() {
        Random rnd = new Random(42);
        AbsSettings settings = AbsSettings.defaults(WavenumberWindow.ALL).withTolerances(FlexTolerances.PUBLISHED);
        List<Mineral> truth = new ArrayList<>();
        for (Mineral m : library.minerals()) {
            truth.add(flexed(m, settings.tolerances(), rnd));
        }
        double[] x = {0.45, 0.25, 0.15, 0, 0, 0};
        Spectrum b = mixture(truth, x, 0.15, 2e-4, rnd);

        AnalysisBySynthesis fixed = new AnalysisBySynthesis(library, axis, settings.withMaxSweeps(0));
        AnalysisBySynthesis abs = new AnalysisBySynthesis(library, axis, settings.withMaxSweeps(20)
                .withRelativeTolerance(1e-6));
        UnmixResult r0 = fixed.newUnmixer().unmix(b);
        UnmixResult r1 = abs.newUnmixer().unmix(b);
        double e0 = abundanceError(r0, x);
        double e1 = abundanceError(r1, x);
        assertThat(r1.rms()).isLessThan(0.1 * r0.rms());
        // Band strength and abundance are nearly degenerate (x_i (1 - E_i) changes alike with either), so the
        // misfit falls far more than the abundance error; the abundances stay close to the truth.
        assertThat(e1).isLessThan(0.05);
        assertThat(e0).isGreaterThan(0.01);
        assertThat(r1.blackbodyFraction()).isCloseTo(0.15, org.assertj.core.data.Offset.offset(0.03));
        // every flexed parameter stays inside its box
        for (int i = 0; i < library.size(); i++) {
            Mineral moved = r1.flexedMinerals().get(i);
            ParameterBounds box = settings.tolerances().boxFor(library.get(i));
            assertThat(box.contains(moved.parameters())).as(moved.name()).isTrue();
        }
        assertThat(r1.method()).isEqualTo(UnmixMethod.ABS);
    }

    private static double abundanceError(UnmixResult r, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double d = r.abundance(i) - x[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    @Test
    void withoutSweepsItIsFclsOnTheRenderedLibrary() {
        Random rnd = new Random(1);
        AbsSettings settings = AbsSettings.defaults(WavenumberWindow.ALL).withMaxSweeps(0);
        Spectrum b = mixture(library.minerals(), new double[] {0.2, 0.3, 0.1, 0.1, 0.2, 0.1}, 0, 1e-3, rnd);
        UnmixResult r = new AnalysisBySynthesis(library, axis, settings).newUnmixer().unmix(b);
        // the same problem through the linear unmixer
        DispersionEvaluator ev = new DispersionEvaluator(axis);
        List<double[]> rendered = new ArrayList<>();
        List<Mineral> withBlackbody = new ArrayList<>(library.minerals());
        withBlackbody.add(Mineral.blackbody());
        for (Mineral m : withBlackbody) {
            double[] v = new double[axis.length];
            ev.evaluate(m, Quantity.EMISSIVITY, v);
            rendered.add(v);
        }
        UnmixSettings linear = UnmixSettings.defaults();
        UnmixResult f = new LinearUnmixer(EndmemberMatrix.fromRendered(withBlackbody, rendered, axis, linear), linear)
                .unmix(b);
        for (int i = 0; i < r.size(); i++) {
            assertThat(r.abundance(i)).isCloseTo(f.abundance(i), org.assertj.core.data.Offset.offset(1e-10));
        }
    }

    @Test
    void warmStartFromTheTruthStaysThereAndGapsAreHandled() {
        Random rnd = new Random(7);
        AbsSettings settings = AbsSettings.defaults(WavenumberWindow.ALL);
        List<Mineral> truth = new ArrayList<>();
        for (Mineral m : library.minerals()) {
            truth.add(flexed(m, settings.tolerances(), rnd));
        }
        double[] x = {0.3, 0.3, 0.2, 0.2, 0, 0};
        Spectrum b = mixture(truth, x, 0, 1e-4, rnd);
        // a spectrum with a gap: 40 channels masked
        boolean[] keep = new boolean[axis.length];
        for (int c = 0; c < keep.length; c++) {
            keep[c] = c < 300 || c >= 340;
        }
        Spectrum gappy = b.withMask(keep);
        AnalysisBySynthesis abs = new AnalysisBySynthesis(library, axis, settings.withMaxSweeps(6));
        double[][] start = new double[abs.endmembers()][];
        for (int i = 0; i < truth.size(); i++) {
            start[i] = truth.get(i).parameters();
        }
        UnmixResult warm = abs.newUnmixer().unmix(gappy, start);
        assertThat(warm.axis()).hasSize(axis.length - 40);
        assertThat(warm.rms()).isLessThan(2e-4);
        for (int i = 0; i < x.length; i++) {
            assertThat(warm.abundance(i)).isCloseTo(x[i], org.assertj.core.data.Offset.offset(5e-3));
        }
    }

    @Test
    void anAbundancePriorPullsTheSolutionTowardsIt() {
        Random rnd = new Random(21);
        AbsSettings settings = AbsSettings.defaults(WavenumberWindow.ALL).withMaxSweeps(2);
        Spectrum b = mixture(library.minerals(), new double[] {0.5, 0.3, 0.2, 0, 0, 0}, 0, 1e-3, rnd);
        AnalysisBySynthesis abs = new AnalysisBySynthesis(library, axis, settings);
        double[] prior = {0.1, 0.1, 0.1, 0.1, 0.1, 0.4, 0.1}; // six minerals and the blackbody
        UnmixResult free = abs.newUnmixer().unmix(b, null, null, 0);
        UnmixResult none = abs.newUnmixer().unmix(b, null, prior, 0);
        UnmixResult strong = abs.newUnmixer().unmix(b, null, prior, 1e6);
        for (int i = 0; i < prior.length; i++) {
            assertThat(none.abundance(i)).isEqualTo(free.abundance(i));
            assertThat(strong.abundance(i)).isCloseTo(prior[i], org.assertj.core.data.Offset.offset(1e-3));
        }
        assertThat(strong.rms()).isGreaterThan(free.rms());
    }
}
