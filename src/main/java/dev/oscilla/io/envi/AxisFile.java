package dev.oscilla.io.envi;

import dev.oscilla.io.SpectralFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A cube's spectral axis given by the user in a text file, for cubes whose header has no wavelengths (e.g. global
 * emissivity maps): one value per band, in band order, in the first column (separated by commas, tabs, semicolons
 * or spaces); lines starting with {@code #} or {@code ;} and blank lines are skipped; an optional header line
 * names the unit ("wavenumber_cm-1", "wavelength (um)", "nm"). Without a unit in the file or from the caller, values
 * below 100 are micrometres and larger values are refused as ambiguous (nanometres or wavenumbers).
 */
public final class AxisFile {

    private AxisFile() {
    }

    /**
     * Reads the axis as wavenumbers (cm^-1), one per band in file order.
     *
     * @param unit the unit of the values when the caller knows it (null: from the file's header line)
     */
    public static double[] read(Path file, EnviWavelengthUnit unit) throws SpectralFileException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new SpectralFileException(file, "no such file");
        } catch (IOException e) {
            throw new SpectralFileException(file, Files.isDirectory(file) ? "is a directory, not an axis file"
                    : "cannot read: " + e.getMessage(), e);
        }
        EnviWavelengthUnit fromFile = null;
        List<Double> values = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace("\u00ef\u00bb\u00bf", "").trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String first = line.split("[,;\\t ]+")[0].trim();
            try {
                double v = Double.parseDouble(first);
                if (!Double.isFinite(v) || !(v > 0)) {
                    throw new SpectralFileException(file, i + 1, 1, "axis value " + first + " is not a positive number");
                }
                values.add(v);
                lineNumbers.add(i + 1);
            } catch (NumberFormatException e) {
                if (!values.isEmpty()) {
                    throw new SpectralFileException(file, i + 1, 1, "'" + first + "' is not a number");
                }
                if (fromFile == null) {
                    fromFile = unitOf(line).orElse(null);
                }
            }
        }
        if (values.isEmpty()) {
            throw new SpectralFileException(file, "holds no axis values");
        }
        EnviWavelengthUnit u = unit != null ? unit : fromFile;
        if (u == null) {
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            if (max < BandAxis.MICROMETRE_ONLY_BELOW) {
                u = EnviWavelengthUnit.MICROMETERS;
            } else {
                throw new SpectralFileException(file, String.format(Locale.ROOT, "the axis values (up to %s) name no "
                        + "unit; they could be nanometres or wavenumbers: put a header line such as "
                        + "'wavenumber_cm-1' or 'wavelength_nm' first, or give the unit", EnviHeader.formatNumber(max)));
            }
        }
        if (!u.isSpectral()) {
            throw new SpectralFileException(file, "an axis in " + u.description() + " has no wavenumbers");
        }
        double[] out = new double[values.size()];
        for (int b = 0; b < out.length; b++) {
            out[b] = u.toWavenumber(values.get(b));
        }
        return out;
    }

    /** The unit a header line names ("wavenumber_cm-1", "Wavelength (um)", "nm"). */
    static Optional<EnviWavelengthUnit> unitOf(String headerLine) {
        String h = headerLine.toLowerCase(Locale.ROOT).replace('µ', 'u').replace('μ', 'u');
        if (h.contains("wavenumber") || h.contains("cm-1") || h.contains("cm^-1") || h.contains("1/cm")) {
            return Optional.of(EnviWavelengthUnit.WAVENUMBER);
        }
        if (h.contains("micro") || h.matches(".*(\\b|_)um(\\b|_).*")) {
            return Optional.of(EnviWavelengthUnit.MICROMETERS);
        }
        if (h.contains("nanomet") || h.matches(".*(\\b|_)nm(\\b|_).*")) {
            return Optional.of(EnviWavelengthUnit.NANOMETERS);
        }
        return Optional.empty();
    }

    /** Writes an axis file: a {@code wavenumber_cm-1} header line, then one value per line. */
    public static void write(Path file, double[] wavenumbers) throws SpectralFileException {
        StringBuilder sb = new StringBuilder("wavenumber_cm-1\n");
        for (double v : wavenumbers) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("axis value " + v + " is not a positive number");
            }
            sb.append(v).append('\n');
        }
        dev.oscilla.io.AtomicFiles.writeString(file, sb.toString());
    }
}
