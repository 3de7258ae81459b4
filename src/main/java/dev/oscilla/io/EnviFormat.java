package dev.oscilla.io;

import dev.oscilla.io.envi.AxisFile;
import dev.oscilla.io.envi.EnviCube;
import dev.oscilla.io.envi.EnviFiles;
import dev.oscilla.io.envi.EnviHeader;
import dev.oscilla.io.envi.EnviLibrary;
import dev.oscilla.io.envi.EnviWavelengthUnit;
import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ENVI data sets as spectra ({@link dev.oscilla.io.envi}): a spectral library ({@code .sli} + {@code .hdr}) gives
 * one spectrum per entry; a small image cube gives one spectrum per pixel (larger cubes are unmixed tile by tile with
 * {@code unmix-cube}). Recognised by the header's first line {@code ENVI}, or by a binary data file with such a
 * header beside it. Writes spectral libraries (float64 wavenumbers: exact).
 */
final class EnviFormat implements SpectrumFormat {

    /**
     * Cubes up to this many pixels are read as a spectrum set (about 35 MB of spectra for 432 bands); a larger cube is
     * an error that points to {@code unmix-cube}, which reads it in tiles.
     */
    static final long MAX_CUBE_PIXELS_AS_SPECTRA = 10_000;

    private static final List<String> DATA_EXTENSIONS = List.of("sli", "img", "dat", "bsq", "bil", "bip", "raw");

    @Override
    public String id() {
        return "envi";
    }

    @Override
    public String label() {
        return "ENVI";
    }

    @Override
    public List<String> extensions() {
        return List.of("sli", "hdr");
    }

    @Override
    public List<String> writeExtensions() {
        return List.of("sli");
    }

    @Override
    public Match recognise(FileHead head, SpectrumReadOptions options) {
        if (startsWithEnvi(head)) {
            return Match.CONTENT;
        }
        if (head.isText() && !head.hasExtension(DATA_EXTENSIONS)) {
            return Match.NONE; // a text file beside an unrelated .hdr is not ENVI data
        }
        try {
            EnviFiles.Pair pair = EnviFiles.locate(head.file());
            return EnviHeader.looksLikeHeader(pair.header()) ? Match.CONTENT : Match.NONE;
        } catch (SpectralFileException | RuntimeException e) {
            return Match.NONE;
        }
    }

    /** An ENVI header: its first line is {@code ENVI} (a byte-order mark is dropped by the head). */
    private static boolean startsWithEnvi(FileHead head) {
        List<String> lines = head.contentLines(1);
        return !lines.isEmpty() && lines.get(0).equalsIgnoreCase("ENVI");
    }

    @Override
    public SpectrumSet read(Path file, SpectrumReadOptions options) throws SpectralFileException {
        EnviWavelengthUnit unit = options.axisUnit().map(EnviFormat::enviUnit).orElse(null);
        SpectrumSet set;
        if (EnviLibrary.isLibrary(file)) {
            set = EnviLibrary.read(file, unit);
        } else {
            set = cube(file, options, unit);
        }
        return scaled(file, set, options);
    }

    private static SpectrumSet cube(Path file, SpectrumReadOptions options, EnviWavelengthUnit unit)
            throws SpectralFileException {
        EnviCube.OpenOptions open = EnviCube.OpenOptions.none();
        if (options.axisFile().isPresent()) {
            Path axisFile = options.axisFile().get();
            open = EnviCube.OpenOptions.axis(AxisFile.read(axisFile, unit), axisFile.getFileName().toString());
        } else if (unit != null) {
            open = EnviCube.OpenOptions.unit(unit);
        }
        try (EnviCube cube = EnviCube.open(file, open)) {
            if (!cube.hasSpectralAxis()) {
                throw new SpectralFileException(cube.headerFile(), "the cube has no wavelengths ('wavelength' missing or"
                        + " in band numbers); give its axis with --axis-file");
            }
            if (cube.pixels() > MAX_CUBE_PIXELS_AS_SPECTRA) {
                throw new SpectralFileException(cube.headerFile(), "is an image cube of " + cube.pixels() + " pixels x "
                        + cube.bands() + " bands; read it tile by tile with unmix-cube (spectra are listed for cubes"
                        + " of up to " + MAX_CUBE_PIXELS_AS_SPECTRA + " pixels)");
            }
            List<Spectrum> spectra = new ArrayList<>((int) cube.pixels());
            for (int line = 0; line < cube.lines(); line++) {
                for (int sample = 0; sample < cube.samples(); sample++) {
                    spectra.add(cube.spectrum(line, sample));
                }
            }
            return SpectrumSet.of(spectra).withNotes(cube.notes());
        }
    }

    /** The quantity and scale rules every reader applies: options first, then percent-like medians. */
    private static SpectrumSet scaled(Path file, SpectrumSet set, SpectrumReadOptions options) {
        ReadContext ctx = new ReadContext(file, options);
        SpectrumKind stated = set.size() == 0 ? SpectrumKind.UNKNOWN : set.get(0).kind();
        SpectrumKind kind = options.kind().isPresent() ? ctx.kind(stated, "") : stated;
        double[][] values = new double[set.size()][];
        for (int i = 0; i < set.size(); i++) {
            Spectrum s = set.get(i);
            double[] v = s.values();
            for (int c = 0; c < v.length; c++) {
                if (!s.isValid(c)) {
                    v[c] = Double.NaN;
                }
            }
            values[i] = v;
        }
        boolean percent = ctx.percent(false, "", kind, values);
        if (kind == stated && !percent) {
            return set.withNotes(ctx.notes);
        }
        List<Spectrum> out = new ArrayList<>(set.size());
        for (Spectrum s : set.spectra()) {
            Spectrum t = s.withKind(kind);
            out.add(percent ? t.scaled(0.01) : t);
        }
        return new SpectrumSet(out, set.categories(), set.abundanceColumns(), set.abundances(), set.notes())
                .withNotes(ctx.notes);
    }

    static EnviWavelengthUnit enviUnit(AxisUnit unit) {
        switch (unit) {
            case MICROMETRE:
                return EnviWavelengthUnit.MICROMETERS;
            case NANOMETRE:
                return EnviWavelengthUnit.NANOMETERS;
            default:
                return EnviWavelengthUnit.WAVENUMBER;
        }
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public void write(Path file, SpectrumSet spectra) throws SpectralFileException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".sli")) {
            throw new IllegalArgumentException("an ENVI library is written as X.sli (with X.hdr beside it)");
        }
        EnviLibrary.write(file, spectra);
    }
}
