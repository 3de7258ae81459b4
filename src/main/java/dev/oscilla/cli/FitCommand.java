package dev.oscilla.cli;

import dev.oscilla.fit.DispersionFitter;
import dev.oscilla.fit.FitResult;
import dev.oscilla.fit.FitSettings;
import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.CsvTables;
import dev.oscilla.io.LibraryJson;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.UsableChannels;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.task.CancellationToken;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Fits a dispersion model to one spectrum and writes it as a one-mineral library. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit Lorentz oscillators to an emissivity or reflectance spectrum.")
public final class FitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPECTRUM", description = "Spectrum file (CSV/TSV/ASU tab).")
    Path spectrumFile;

    @Option(names = "--column", description = "Spectrum to fit when the file holds several (name or 1-based number).")
    String column;

    @Option(names = "--modes", defaultValue = "0", description = "1-3, or 0 to choose 1 or 2 by BIC (default).")
    int modes;

    @Option(names = "--window", description = "Fit window LO:HI in cm^-1 (default: the usable range, without the noisy ends of the "
            + "instrument's range).")
    String window;

    @Option(names = "--max-oscillators", defaultValue = "0", description = "Cap on the oscillator count (0: none).")
    int maxOscillators;

    @Option(names = "--reflectance", description = "The spectrum is reflectance (default: emissivity, or as the "
            + "file says).")
    boolean reflectance;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (the fit is deterministic for a seed).")
    long seed;

    @Option(names = "--starts", defaultValue = "1", description = "Independent starts; the best by BIC is kept.")
    int starts;

    @Option(names = "--name", description = "Name of the fitted mineral (default: the spectrum's).")
    String name;

    @Option(names = "--category", defaultValue = "", description = "Mineral group of the fitted mineral.")
    String category;

    @Option(names = "--out", required = true, description = "Output library (Oscilla JSON).")
    Path out;

    @Option(names = "--fitted-out", description = "Also write data, model and residual (CSV).")
    Path fittedOut;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--meta", description = "Meta CSV of an ASU tab file (found automatically when named X_meta.csv"
            + " beside X_tab.txt).")
    Path meta;

    @Mixin
    SpectrumReadArgs read;

    @Override
    public Integer call() throws SpectralFileException {
        AtomicFiles.checkWritable(java.util.Arrays.asList(out, fittedOut));
        SpectrumSet set = SpectrumFiles.read(spectrumFile, read.toOptions().toBuilder().metaFile(meta).build());
        Spectrum spectrum = pick(set, column);
        if (!reflectance) {
            spectrum.kind().requireModelled(spectrum.name());
        }
        Quantity quantity = reflectance || spectrum.kind() == SpectrumKind.REFLECTANCE ? Quantity.REFLECTANCE
                : Quantity.EMISSIVITY;
        FitSettings settings = FitSettings.defaults().withModes(modes).withMaxOscillators(maxOscillators)
                .withSeed(seed).withStarts(starts).withQuantity(quantity)
                .withWindow(window == null ? defaultWindow(set, quiet) : WavenumberWindow.parse(window));
        FitResult r = new DispersionFitter(settings).fit(spectrum,
                quiet ? dev.oscilla.task.ProgressListener.NONE : CliProgress.stderr("fitting " + spectrum.name()),
                CancellationToken.NONE);
        String source = String.format(Locale.ROOT, "Fitted by Oscilla to '%s' (%s), %s, window %s: RMS %.5f, "
                        + "%d oscillators in %d mode(s)", spectrum.name(), spectrumFile.getFileName(),
                quantity.label(), settings.window(), r.rms(), r.oscillators(), r.mineral().modes().size());
        Mineral m = r.mineral().withName(name != null ? name : spectrum.name()).withCategory(category)
                .withSource(source);
        LibraryJson.write(new MineralLibrary(m.name(), source, List.of(m)), out);
        if (fittedOut != null) {
            CsvTables.writeColumns(fittedOut, List.of("wavenumber_cm-1", "data", "model", "residual"),
                    List.of(r.axis(), r.data(), r.fitted(), r.residual()));
        }
        if (!quiet) {
            System.err.printf(Locale.ROOT, "%s: RMS %.5f, %d oscillators, %d mode(s), %.2f s%n", m.name(), r.rms(),
                    r.oscillators(), m.modes().size(), r.seconds());
        }
        return 0;
    }

    static Spectrum pick(SpectrumSet set, String column) {
        if (column == null) {
            if (set.size() > 1) {
                throw new UserException("the file holds " + set.size() + " spectra; choose one with --column "
                        + "(e.g. --column \"" + set.get(0).name() + "\" or --column 1)");
            }
            return set.get(0);
        }
        try {
            int k = Integer.parseInt(column.trim());
            if (k < 1 || k > set.size()) {
                throw new UserException("--column " + k + " is out of range 1-" + set.size());
            }
            return set.get(k - 1);
        } catch (NumberFormatException e) {
            return set.find(column).orElseThrow(() -> new UserException("no spectrum named '" + column
                    + "' in the file"));
        }
    }

    /**
     * Without {@code --window}: the file's usable range ({@link UsableChannels}: the noisy ends of the instrument's
     * range left out), said on stderr when channels were left out.
     */
    static WavenumberWindow defaultWindow(SpectrumSet set, boolean quiet) {
        UsableChannels usable = UsableChannels.of(set.spectra());
        if (!quiet) {
            for (String note : usable.notes()) {
                System.err.println("window: " + note);
            }
        }
        return usable.hasUsableChannels() ? usable.window() : WavenumberWindow.ALL;
    }
}
