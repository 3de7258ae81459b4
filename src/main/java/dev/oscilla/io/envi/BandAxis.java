package dev.oscilla.io.envi;

import dev.oscilla.io.SpectralFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The spectral axis of an ENVI data set: one wavenumber (cm^-1) per band in file order, and the bands in ascending
 * wavenumber order (Oscilla's channel order). Built from the header's {@code wavelength} and {@code wavelength
 * units}, or from an axis the user gives when the header has none.
 *
 * @param bandWavenumbers cm^-1 per band, file order
 * @param channelBand     the band of each channel, channels in ascending wavenumber
 * @param note            how the axis was obtained (unit, conversion, order), for the reader's notes
 */
record BandAxis(double[] bandWavenumbers, int[] channelBand, String note) {

    /** Values below this in a header without {@code wavelength units} can only be micrometres (cm^-1 and nm are
     * never this small for thermal or reflected light); above it the unit is ambiguous and must be given. */
    static final double MICROMETRE_ONLY_BELOW = 100;

    /** The ascending axis, cm^-1: {@code bandWavenumbers[channelBand[c]]}. */
    double[] channelAxis() {
        double[] out = new double[channelBand.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = bandWavenumbers[channelBand[c]];
        }
        return out;
    }

    /**
     * The axis the header gives, empty when it gives none (no {@code wavelength}, or units {@code Index}).
     *
     * @param unitOverride the unit of the header's wavelengths when the user says it (null: from the header)
     */
    static Optional<BandAxis> fromHeader(EnviHeader header, int bands, EnviWavelengthUnit unitOverride)
            throws SpectralFileException {
        Path file = header.file();
        Optional<double[]> values = header.numbers("wavelength");
        if (values.isEmpty()) {
            return Optional.empty();
        }
        long line = header.entry("wavelength").orElseThrow().line();
        double[] w = values.get();
        if (w.length != bands) {
            throw new SpectralFileException(file, line, 0, "'wavelength' lists " + w.length + " values for "
                    + bands + " bands");
        }
        EnviWavelengthUnit unit = unitOverride;
        String how;
        if (unit != null) {
            how = "axis unit " + unit.description() + " as given";
        } else {
            Optional<String> unitText = header.get("wavelength units");
            unit = unitText.isPresent() ? EnviWavelengthUnit.parse(unitText.get()).orElse(null)
                    : EnviWavelengthUnit.UNKNOWN;
            if (unit == null) {
                throw new SpectralFileException(file, header.entry("wavelength units").orElseThrow().line(), 0,
                        "'wavelength units = " + unitText.get() + "' is not a unit Oscilla knows (micrometers, "
                                + "nanometers, wavenumber, ...); give the unit explicitly");
            }
            if (unit == EnviWavelengthUnit.INDEX) {
                return Optional.empty();
            }
            if (unit == EnviWavelengthUnit.UNKNOWN) {
                double max = Arrays.stream(w).max().orElse(0);
                if (max < MICROMETRE_ONLY_BELOW) {
                    unit = EnviWavelengthUnit.MICROMETERS;
                    how = String.format(Locale.ROOT, "the header names no wavelength unit; values up to %s can only "
                            + "be micrometres", EnviHeader.formatNumber(max));
                } else {
                    throw new SpectralFileException(file, line, 0, String.format(Locale.ROOT,
                            "the wavelengths (%s-%s) have no 'wavelength units'; they could be nanometres or "
                                    + "wavenumbers: give the unit (--x-unit nm|um|cm-1)",
                            EnviHeader.formatNumber(Arrays.stream(w).min().orElse(0)), EnviHeader.formatNumber(max)));
                }
            } else {
                how = "axis in " + unit.description();
            }
        }
        double[] wn = new double[bands];
        for (int b = 0; b < bands; b++) {
            if (!(w[b] > 0)) {
                throw new SpectralFileException(file, line, 0, "'wavelength' item " + (b + 1) + " is " + w[b]
                        + "; wavelengths and wavenumbers are positive");
            }
            wn[b] = unit.toWavenumber(w[b]);
            if (!(wn[b] > 0) || !Double.isFinite(wn[b])) {
                throw new SpectralFileException(file, line, 0, "'wavelength' item " + (b + 1) + " (" + w[b] + " "
                        + unit.headerName() + ") is not a usable wavenumber (" + wn[b] + " cm^-1)");
            }
        }
        return Optional.of(ordered(file, line, wn, how + (unit == EnviWavelengthUnit.WAVENUMBER ? ""
                : " converted to cm^-1")));
    }

    /** An axis given per band in cm^-1 (e.g. from an axis file), checked and ordered. */
    static BandAxis fromWavenumbers(Path file, double[] wavenumbers, String how) throws SpectralFileException {
        for (int b = 0; b < wavenumbers.length; b++) {
            if (!(wavenumbers[b] > 0) || !Double.isFinite(wavenumbers[b])) {
                throw new SpectralFileException(file, "axis value " + (b + 1) + " is " + wavenumbers[b]
                        + "; wavenumbers are positive");
            }
        }
        return ordered(file, 0, wavenumbers.clone(), how);
    }

    private static BandAxis ordered(Path file, long line, double[] wn, String how) throws SpectralFileException {
        int n = wn.length;
        int[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(b -> wn[b]))
                .mapToInt(Integer::intValue).toArray();
        for (int c = 1; c < n; c++) {
            if (wn[order[c]] == wn[order[c - 1]]) {
                int a = Math.min(order[c], order[c - 1]);
                int b = Math.max(order[c], order[c - 1]);
                throw new SpectralFileException(file, line, 0, "bands " + (a + 1) + " and " + (b + 1)
                        + " have the same wavelength (" + EnviHeader.formatNumber(wn[a]) + " cm^-1)");
            }
        }
        boolean ascending = true;
        boolean descending = true;
        for (int b = 1; b < n; b++) {
            ascending &= wn[b] > wn[b - 1];
            descending &= wn[b] < wn[b - 1];
        }
        String order2 = ascending ? "" : descending ? ", reversed to ascending wavenumber"
                : ", sorted to ascending wavenumber (the file's bands are not in order)";
        return new BandAxis(wn, order, how + order2);
    }
}
