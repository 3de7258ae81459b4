package dev.oscilla.cli;

import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.io.SpectrumReadOptions;
import dev.oscilla.spectrum.Spectrum;

/** Parsing of axis options shared by commands. */
final class AxisOptions {

    private AxisOptions() {
    }

    /** LO:HI:STEP in cm^-1, inclusive of HI when it falls on the grid. */
    static double[] parseAxis(String text) {
        String[] p = text.split(":");
        if (p.length != 3) {
            throw new UserException("--axis must be LO:HI:STEP in cm^-1, got '" + text + "'");
        }
        double lo;
        double hi;
        double step;
        try {
            lo = Double.parseDouble(p[0]);
            hi = Double.parseDouble(p[1]);
            step = Double.parseDouble(p[2]);
        } catch (NumberFormatException e) {
            throw new UserException("--axis must be LO:HI:STEP in cm^-1, got '" + text + "'");
        }
        if (!(lo > 0) || !(hi > lo) || !(step > 0)) {
            throw new UserException("--axis needs 0 < LO < HI and STEP > 0, got '" + text + "'");
        }
        long n = (long) Math.floor((hi - lo) / step + 1e-9) + 1;
        if (n > 10_000_000) {
            throw new UserException("--axis '" + text + "' has " + n + " channels; at most 10,000,000");
        }
        double[] axis = new double[(int) n];
        for (int i = 0; i < n; i++) {
            axis[i] = lo + i * step;
        }
        return axis;
    }

    /** The axis (cm^-1, ascending) of the first spectrum in a spectrum file. */
    static double[] axisOf(java.nio.file.Path file, SpectrumReadOptions options) throws SpectralFileException {
        Spectrum s = SpectrumFiles.read(file, options).get(0);
        return s.axis();
    }
}
