package dev.oscilla.io;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ASU "tab + meta" pair used by the ASU spectral library and by {@code ../shared/data/feely}:
 * a whitespace-separated table (column 1 = wavenumber in cm^-1, then one emissivity column per sample, no
 * header) and a CSV naming the samples in column order ({@code sample_name,category[,abundance columns...]}).
 */
public final class AsuTabReader {

    private AsuTabReader() {
    }

    public static SpectrumSet read(Path tab, Path meta) throws SpectralFileException {
        MetaTable metaTable = MetaTable.read(meta);
        List<double[]> rows = readTable(tab);
        int columns = rows.get(0).length;
        int samples = columns - 1;
        if (samples != metaTable.names().size()) {
            throw new SpectralFileException(tab, 1, 0, "has " + samples + " spectrum columns but " + meta.getFileName()
                    + " names " + metaTable.names().size() + " samples");
        }
        int n = rows.size();
        double[] axis = new double[n];
        double[][] values = new double[samples][n];
        for (int r = 0; r < n; r++) {
            double[] row = rows.get(r);
            axis[r] = row[0];
            for (int s = 0; s < samples; s++) {
                values[s][r] = row[s + 1];
            }
        }
        AxisCheck.Sorted sorted = AxisCheck.ascending(tab, axis, values);
        List<Spectrum> spectra = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            spectra.add(new Spectrum(metaTable.names().get(s), SpectrumKind.EMISSIVITY, sorted.axis(),
                    sorted.values()[s], null));
        }
        return new SpectrumSet(spectra, metaTable.categories(), metaTable.abundanceColumns(),
                metaTable.abundances());
    }

    /** The whitespace table: every line the same number of numeric columns, at least two. */
    static List<double[]> readTable(Path tab) throws SpectralFileException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(tab, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            int width = -1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] cells = trimmed.split("\\s+");
                if (width < 0) {
                    width = cells.length;
                    if (width < 2) {
                        throw new SpectralFileException(tab, lineNo, 0,
                                "expected a wavenumber column and at least one spectrum column, found 1 column");
                    }
                } else if (cells.length != width) {
                    throw new SpectralFileException(tab, lineNo, 0,
                            "has " + cells.length + " columns, earlier lines have " + width);
                }
                double[] row = new double[width];
                for (int c = 0; c < width; c++) {
                    row[c] = NumberCells.parse(tab, lineNo, c + 1, cells[c]);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new SpectralFileException(tab, "cannot read: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new SpectralFileException(tab, "is empty (no data rows)");
        }
        if (rows.size() < 2) {
            throw new SpectralFileException(tab, "has a single channel; a spectrum needs at least two");
        }
        return rows;
    }
}
