package dev.oscilla.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The meta CSV of an ASU tab + meta pair: header {@code sample_name,category[,abundance columns...]}, one row
 * per spectrum column of the tab file, in order.
 */
record MetaTable(List<String> names, List<String> categories, List<String> abundanceColumns,
                 List<double[]> abundances) {

    static MetaTable read(Path meta) throws SpectralFileException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                throw new SpectralFileException(meta, "is empty (expected a header sample_name,category,...)");
            }
            CSVRecord header = records.get(0);
            if (header.size() < 1 || !header.get(0).toLowerCase(Locale.ROOT).replace("\ufeff", "")
                    .contains("name")) {
                throw new SpectralFileException(meta, 1, 1,
                        "expected a header starting with sample_name, found \"" + header.get(0) + "\"");
            }
            boolean hasCategory = header.size() >= 2;
            List<String> abundanceColumns = new ArrayList<>();
            for (int c = 2; c < header.size(); c++) {
                abundanceColumns.add(header.get(c));
            }
            List<String> names = new ArrayList<>();
            List<String> categories = new ArrayList<>();
            List<double[]> abundances = new ArrayList<>();
            for (int r = 1; r < records.size(); r++) {
                CSVRecord rec = records.get(r);
                long line = rec.getRecordNumber();
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue;
                }
                if (rec.size() != header.size()) {
                    throw new SpectralFileException(meta, line, 0,
                            "has " + rec.size() + " fields, the header has " + header.size());
                }
                String name = rec.get(0);
                if (name.isBlank()) {
                    throw new SpectralFileException(meta, line, 1, "sample name is empty");
                }
                names.add(name);
                categories.add(hasCategory ? rec.get(1) : "");
                if (!abundanceColumns.isEmpty()) {
                    double[] row = new double[abundanceColumns.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = NumberCells.parse(meta, line, c + 3, rec.get(c + 2));
                        if (Double.isNaN(row[c])) {
                            row[c] = 0;
                        } else if (row[c] < 0) {
                            throw new SpectralFileException(meta, line, c + 3, "abundance " + row[c] + " is negative");
                        }
                    }
                    abundances.add(row);
                }
            }
            if (names.isEmpty()) {
                throw new SpectralFileException(meta, "names no samples (header only)");
            }
            return new MetaTable(names, categories, abundanceColumns, abundances);
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new SpectralFileException(meta, "cannot parse as CSV: " + e.getMessage(), e);
        }
    }
}
