package dev.oscilla.samples;

import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.InfraRenderHdfReader;
import dev.oscilla.io.LibraryJson;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Mode;
import dev.oscilla.physics.Oscillator;
import dev.oscilla.physics.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Makes everything in {@code sample-data/} (see sample-data/README.md): the sample oscillator library, a noisy
 * synthetic quartz spectrum to fit, and synthetic mixtures with known abundances to unmix. Deterministic: fixed
 * seeds, {@link Random#nextGaussian()} (whose algorithm the Java specification fixes) and the strict IEEE
 * arithmetic of Java 17, so a rerun reproduces the committed files ({@code SampleDataTest} checks it).
 *
 * <pre>mvn -q test-compile exec:java ... or run main(outputDir, sharedDataDir) from the IDE;
 * defaults: sample-data and ../shared/data</pre>
 */
public final class SampleDataGenerator {

    /** The rendered grid of the sample spectra: 400-1800 cm^-1 in 2 cm^-1 steps (701 channels). */
    public static final double AXIS_LOW = 400;
    public static final double AXIS_HIGH = 1800;
    public static final double AXIS_STEP = 2;

    /** Noise of the pure quartz spectrum (emissivity units, Gaussian, seed {@link #QUARTZ_SEED}). */
    public static final double QUARTZ_SIGMA = 0.002;
    public static final long QUARTZ_SEED = 1961L;
    /** Noise of the mixtures (emissivity units, Gaussian, seed {@link #MIXTURE_SEED}). */
    public static final double MIXTURE_SIGMA = 0.001;
    public static final long MIXTURE_SEED = 2020L;

    /**
     * Minerals imported from the InfraRender parameter file: HDF group (mineral and ASU sample id), name used here,
     * group from feely/library_meta.csv.
     */
    static final List<String[]> INFRARENDER = List.of(
            new String[] {"Calcite [BUR-1100F]", "Calcite", "calcite-dolomite"},
            new String[] {"Dolomite [BUR-1840C]", "Dolomite", "calcite-dolomite"},
            new String[] {"Olivine-Fo [BUR-3720]", "Olivine-Fo", "olivine"},
            new String[] {"Albite [WAR-0235]", "Albite", "feldspar"},
            new String[] {"Enstatite [NMNH-R1440]", "Enstatite", "pyroxene"});

    /** Mineral columns of mixtures_meta.csv, in order. */
    static final List<String> MIXTURE_MINERALS = List.of("Quartz", "Calcite", "Dolomite", "Olivine-Fo", "Albite",
            "Enstatite");

    /**
     * The mixtures: name, blackbody fraction, then one abundance per {@link #MIXTURE_MINERALS} entry (mineral
     * abundances sum to 1; the blackbody fraction is mixed in on top and is not part of them).
     */
    static final List<Object[]> MIXTURES = List.of(
            new Object[] {"mix01-quartz-albite", 0.0, new double[] {0.5, 0, 0, 0, 0.5, 0}},
            new Object[] {"mix02-carbonates", 0.0, new double[] {0, 0.7, 0.3, 0, 0, 0}},
            new Object[] {"mix03-ultramafic-bb10", 0.10, new double[] {0, 0, 0, 0.6, 0, 0.4}},
            new Object[] {"mix04-granitoid-bb05", 0.05, new double[] {0.3, 0, 0, 0, 0.4, 0.3}},
            new Object[] {"mix05-five-equal", 0.0, new double[] {0.2, 0.2, 0, 0.2, 0.2, 0.2}},
            new Object[] {"mix06-albite-olivine-bb20", 0.20, new double[] {0, 0, 0, 0.2, 0.8, 0}});

    private SampleDataGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Paths.get(args.length > 0 ? args[0] : "sample-data");
        Path shared = Paths.get(args.length > 1 ? args[1] : "../shared/data");
        generate(out, shared);
        System.out.println("sample data written to " + out.toAbsolutePath());
    }

    /** Writes every generated sample file into {@code out}, reading the InfraRender parameters from {@code shared}. */
    public static void generate(Path out, Path shared) throws IOException, SpectralFileException {
        Files.createDirectories(out);
        MineralLibrary library = library(shared.resolve("feely").resolve("feely_params.hdf"));
        LibraryJson.write(library, out.resolve("oscilla-samples.json"));

        double[] axis = axis();
        DispersionEvaluator evaluator = new DispersionEvaluator(axis);

        // the pure mineral to fit
        double[] quartz = new double[axis.length];
        evaluator.evaluate(library.require("Quartz"), Quantity.EMISSIVITY, quartz);
        Random noise = new Random(QUARTZ_SEED);
        for (int c = 0; c < axis.length; c++) {
            quartz[c] += QUARTZ_SIGMA * noise.nextGaussian();
        }
        StringBuilder csv = new StringBuilder("wavenumber_cm-1,emissivity\n");
        StringBuilder tab = new StringBuilder();
        for (int c = 0; c < axis.length; c++) {
            csv.append(fmtAxis(axis[c])).append(',').append(fmtValue(quartz[c])).append('\n');
            tab.append(fmtAxis(axis[c])).append('\t').append(fmtValue(quartz[c])).append('\n');
        }
        AtomicFiles.writeString(out.resolve("quartz-emissivity.csv"), csv.toString());
        AtomicFiles.writeString(out.resolve("quartz_tab.txt"), tab.toString());
        AtomicFiles.writeString(out.resolve("quartz_meta.csv"), "sample_name,category\nquartz-synthetic,quartz\n");

        // the mixtures to unmix
        double[][] endmembers = new double[MIXTURE_MINERALS.size()][axis.length];
        for (int i = 0; i < endmembers.length; i++) {
            evaluator.evaluate(library.require(MIXTURE_MINERALS.get(i)), Quantity.EMISSIVITY, endmembers[i]);
        }
        Random mixNoise = new Random(MIXTURE_SEED);
        double[][] mixtures = new double[MIXTURES.size()][axis.length];
        for (int s = 0; s < MIXTURES.size(); s++) {
            double bb = (Double) MIXTURES.get(s)[1];
            double[] x = (double[]) MIXTURES.get(s)[2];
            for (int c = 0; c < axis.length; c++) {
                double v = 0;
                for (int i = 0; i < x.length; i++) {
                    v += x[i] * endmembers[i][c];
                }
                mixtures[s][c] = (1 - bb) * v + bb * 1.0;
            }
        }
        // noise drawn channel by channel, mixture by mixture, in file order
        for (int c = 0; c < axis.length; c++) {
            for (int s = 0; s < MIXTURES.size(); s++) {
                mixtures[s][c] += MIXTURE_SIGMA * mixNoise.nextGaussian();
            }
        }
        StringBuilder mixTab = new StringBuilder();
        for (int c = 0; c < axis.length; c++) {
            mixTab.append(fmtAxis(axis[c]));
            for (double[] mixture : mixtures) {
                mixTab.append('\t').append(fmtValue(mixture[c]));
            }
            mixTab.append('\n');
        }
        AtomicFiles.writeString(out.resolve("mixtures_tab.txt"), mixTab.toString());
        StringBuilder meta = new StringBuilder("sample_name,category");
        for (String m : MIXTURE_MINERALS) {
            meta.append(',').append(m);
        }
        meta.append('\n');
        for (Object[] mix : MIXTURES) {
            meta.append(mix[0]).append(",mixture");
            for (double a : (double[]) mix[2]) {
                meta.append(',').append(a == Math.rint(a) ? Long.toString((long) a) : Double.toString(a));
            }
            meta.append('\n');
        }
        AtomicFiles.writeString(out.resolve("mixtures_meta.csv"), meta.toString());
    }

    /** The sample library: quartz from Spitzer & Kleinman, five InfraRender minerals, a blackbody. */
    static MineralLibrary library(Path feelyParams) throws SpectralFileException {
        List<Mineral> minerals = new ArrayList<>();
        minerals.add(quartz());
        MineralLibrary infraRender = InfraRenderHdfReader.read(feelyParams);
        for (String[] entry : INFRARENDER) {
            Mineral m = infraRender.require(entry[0]);
            String source = "Janiczek et al. (2020), \"Differentiable Programming for Hyperspectral Unmixing using a "
                    + "Physics-based Dispersion Model\", ECCV 2020: oscillator parameters published in "
                    + "feely_params.hdf (repository johnjaniczek/InfraRender), group '" + entry[0] + "', imported "
                    + "with Oscilla's InfraRenderHdfReader (values clamped into the stored box, mode weights "
                    + "normalised, box kept as bounds). Reader note: " + m.source();
            minerals.add(m.withName(entry[1]).withCategory(entry[2]).withSource(source));
        }
        minerals.add(Mineral.blackbody());
        return new MineralLibrary("Oscilla samples",
                "Sample oscillator library bundled with Oscilla: alpha-quartz transcribed from Spitzer & Kleinman "
                        + "(1961), five minerals imported from the InfraRender parameters of Janiczek et al. (2020), "
                        + "and the blackbody endmember. Made by SampleDataGenerator; see sample-data/README.md.",
                minerals);
    }

    /**
     * Alpha-quartz at room temperature, Spitzer & Kleinman (1961), Phys. Rev. 121, 1324, Table I: classical
     * oscillator parameters (omega0 cm^-1, 4*pi*rho, gamma as a fraction of omega0) for the ordinary ray (E
     * perpendicular to c; weight 2/3, eps_inf 2.356) and the extraordinary ray (E parallel to c; weight 1/3,
     * eps_inf 2.383). Transcribed by hand.
     */
    static Mineral quartz() {
        double[][] ordinary = {
            {1227, 0.009, 0.11}, {1163, 0.010, 0.006}, {1072, 0.67, 0.0071}, {797, 0.11, 0.009},
            {697, 0.018, 0.012}, {450, 0.82, 0.009}, {394, 0.33, 0.007}};
        double[][] extraordinary = {
            {1220, 0.011, 0.15}, {1080, 0.67, 0.0069}, {778, 0.10, 0.010}, {539, 0.006, 0.04},
            {509, 0.05, 0.014}, {495, 0.66, 0.009}, {364, 0.68, 0.014}};
        List<Mode> modes = List.of(new Mode(2.356, 2.0 / 3.0, oscillators(ordinary)),
                new Mode(2.383, 1.0 / 3.0, oscillators(extraordinary)));
        String source = "Spitzer, W. G. & Kleinman, D. A. (1961), \"Infrared lattice bands of quartz\", Phys. Rev. "
                + "121, 1324, Table I (room temperature): mode 1 = ordinary ray (E perpendicular to c, weight 2/3, "
                + "eps_inf 2.356), mode 2 = extraordinary ray (E parallel to c, weight 1/3, eps_inf 2.383); "
                + "omega0 (cm^-1), 4*pi*rho and gamma/omega0 transcribed by hand from the table.";
        return new Mineral("Quartz", "quartz", modes, null, source);
    }

    private static List<Oscillator> oscillators(double[][] rows) {
        List<Oscillator> list = new ArrayList<>();
        for (double[] r : rows) {
            list.add(new Oscillator(r[0], r[1], r[2]));
        }
        return list;
    }

    /** 400, 402, ... 1800 cm^-1. */
    public static double[] axis() {
        int n = (int) Math.round((AXIS_HIGH - AXIS_LOW) / AXIS_STEP) + 1;
        double[] axis = new double[n];
        for (int c = 0; c < n; c++) {
            axis[c] = AXIS_LOW + c * AXIS_STEP;
        }
        return axis;
    }

    static String fmtAxis(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Eight decimals: far below the noise, and a stable text form for the regeneration check. */
    static String fmtValue(double v) {
        return String.format(Locale.ROOT, "%.8f", v);
    }

    /** Reads a generated tab + meta pair back (used by the test). */
    static SpectrumSet read(Path tab) throws SpectralFileException {
        return SpectrumFiles.read(tab);
    }
}
