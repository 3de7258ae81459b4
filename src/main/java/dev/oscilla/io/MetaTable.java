package dev.oscilla.io;

import dev.oscilla.io.DelimitedText.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The meta CSV of an ASU tab + meta pair: header {@code sample_name,category[,abundance columns...]}, one row
 * per spectrum column of the tab file, in order. An empty abundance cell means "not present" and reads as 0
 * (the published data leave absent groups blank in places); a negative or non-numeric one is an error.
 *
 * @param lines               the 1-based file line of each sample's row
 * @param emptyAbundanceCells how many abundance cells were empty and read as 0
 */
record MetaTable(List<String> names, List<String> categories, List<String> abundanceColumns,
                 List<double[]> abundances, List<Long> lines, int emptyAbundanceCells) {

    static MetaTable read(Path meta) throws SpectralFileException {
        TextFiles.Text text = TextFiles.read(meta);
        List<Row> rows = DelimitedText.split(meta, DelimitedText.contentLines(text.lines()), ',');
        if (rows.isEmpty()) {
            throw new SpectralFileException(meta, 1, 1, "is empty (expected a header sample_name,category,...)");
        }
        Row header = rows.get(0);
        if (!header.cells()[0].toLowerCase(Locale.ROOT).contains("name")) {
            throw new SpectralFileException(meta, header.line(), 1,
                    "expected a header starting with sample_name, found \"" + header.cells()[0] + "\"");
        }
        int width = header.width();
        boolean hasCategory = width >= 2;
        List<String> abundanceColumns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 2; c < width; c++) {
            String name = header.cells()[c];
            if (name.isBlank()) {
                throw new SpectralFileException(meta, header.line(), c + 1, "abundance column " + (c + 1)
                        + " has no name");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new SpectralFileException(meta, header.line(), c + 1, "abundance column \"" + name
                        + "\" appears twice");
            }
            abundanceColumns.add(name);
        }
        List<String> names = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<double[]> abundances = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        int empty = 0;
        for (int r = 1; r < rows.size(); r++) {
            Row rec = rows.get(r);
            long line = rec.line();
            if (rec.width() != width) {
                throw new SpectralFileException(meta, line, Math.min(rec.width(), width) + 1,
                        "has " + rec.width() + " fields, the header has " + width);
            }
            String name = rec.cells()[0];
            if (name.isBlank()) {
                throw new SpectralFileException(meta, line, 1, "sample name is empty");
            }
            names.add(name);
            categories.add(hasCategory ? rec.cells()[1] : "");
            lines.add(line);
            if (!abundanceColumns.isEmpty()) {
                double[] row = new double[abundanceColumns.size()];
                for (int c = 0; c < row.length; c++) {
                    String cell = rec.cells()[c + 2];
                    row[c] = NumberCells.parse(meta, line, c + 3, cell);
                    if (Double.isNaN(row[c])) {
                        row[c] = 0;
                        empty++;
                    } else if (row[c] < 0) {
                        throw new SpectralFileException(meta, line, c + 3, "abundance " + row[c] + " of \""
                                + abundanceColumns.get(c) + "\" is negative");
                    }
                }
                abundances.add(row);
            }
        }
        if (names.isEmpty()) {
            throw new SpectralFileException(meta, header.line(), 1, "names no samples (header only)");
        }
        return new MetaTable(names, categories, abundanceColumns, abundances, lines, empty);
    }
}
