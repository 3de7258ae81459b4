package dev.oscilla.io;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads spectra from any supported file: an ASU tab file (with its {@code _meta.csv} sibling when present)
 * or a headerless whitespace table. (The delimited-text reader with unit detection replaces the fallback.)
 */
public final class SpectrumFiles {

    private SpectrumFiles() {
    }

    public static SpectrumSet read(Path file) throws SpectralFileException {
        if (!Files.isRegularFile(file)) {
            throw new SpectralFileException(file, "no such file");
        }
        Path meta = AsuPairs.metaFor(file);
        if (meta != null) {
            return AsuTabReader.read(file, meta);
        }
        List<double[]> rows = AsuTabReader.readTable(file);
        int n = rows.size();
        int columns = rows.get(0).length;
        double[] axis = new double[n];
        double[][] values = new double[columns - 1][n];
        for (int r = 0; r < n; r++) {
            axis[r] = rows.get(r)[0];
            for (int c = 1; c < columns; c++) {
                values[c - 1][r] = rows.get(r)[c];
            }
        }
        AxisCheck.Sorted sorted = AxisCheck.ascending(file, axis, values);
        List<Spectrum> spectra = new ArrayList<>();
        String base = file.getFileName().toString();
        for (int c = 0; c < columns - 1; c++) {
            spectra.add(new Spectrum(columns == 2 ? base : base + "#" + (c + 1), SpectrumKind.UNKNOWN,
                    sorted.axis(), sorted.values()[c], null));
        }
        return SpectrumSet.of(spectra);
    }
}
