package dev.oscilla.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The meta CSV of an ASU tab + meta pair: a header, then one row per spectrum column of the tab file, in order.
 *
 * <p>Columns are found by name, in any order: the sample name is {@code sample_name} (else a first column whose
 * header contains "name"), the group is {@code category} (else {@code group}). Two layouts exist: the short one
 * of the InfraRender data, {@code sample_name,category,<abundance columns...>}, where every further column is a
 * known abundance (an empty cell means "not present" and reads as 0; a negative or non-numeric one is an error);
 * and the ASU spectral library export, {@code spec_id,sample_id,sample_name,group,type_subgroup,...,category,...},
 * whose further columns are descriptive metadata and are not used. The file is parsed as a whole, so quoted cells
 * may contain commas and line breaks.
 *
 * @param lines               the 1-based file line of each sample's row
 * @param emptyAbundanceCells how many abundance cells were empty and read as 0
 * @param unusedColumns       header names of the metadata columns that were not used
 * @param categoryColumn      the header of the column the categories came from, empty when there is none
 */
record MetaTable(List<String> names, List<String> categories, List<String> abundanceColumns,
                 List<double[]> abundances, List<Long> lines, int emptyAbundanceCells, List<String> unusedColumns,
                 String categoryColumn) {

    static MetaTable read(Path meta) throws SpectralFileException {
        return parse(meta, TextFiles.read(meta).content());
    }

    /** One parsed CSV record with the file line it starts on. */
    private record Rec(long line, String[] cells) {
        int width() {
            return cells.length;
        }
    }

    private static List<Rec> records(Path meta, String text) throws SpectralFileException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).setCommentMarker('#').get();
        List<Rec> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            var iterator = parser.iterator();
            int scanned = 0; // characters counted so far, and the line the next character is on
            long line = 1;
            while (true) {
                CSVRecord r;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    r = iterator.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
                    throw new SpectralFileException(meta, parser.getCurrentLineNumber() + 1, 0, "malformed CSV ("
                            + DelimitedText.oneLine(cause.getMessage()) + ")", e);
                }
                long offset = Math.min(r.getCharacterPosition(), text.length());
                for (; scanned < offset; scanned++) {
                    char c = text.charAt(scanned);
                    if (c == '\n' || (c == '\r' && (scanned + 1 >= text.length() || text.charAt(scanned + 1) != '\n'))) {
                        line++;
                    }
                }
                out.add(new Rec(line, r.values()));
            }
        } catch (IOException e) {
            throw new SpectralFileException(meta, "cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    static MetaTable parse(Path meta, String text) throws SpectralFileException {
        List<Rec> rows = records(meta, text);
        if (rows.isEmpty()) {
            throw new SpectralFileException(meta, 1, 1, "is empty (expected a header with sample_name and"
                    + " category columns)");
        }
        Rec header = rows.get(0);
        int width = header.width();
        String[] lower = new String[width];
        for (int c = 0; c < width; c++) {
            lower[c] = header.cells()[c].trim().toLowerCase(Locale.ROOT);
        }
        int nameColumn = indexOf(lower, "sample_name", "sample name", "samplename");
        if (nameColumn < 0 && lower[0].contains("name")) {
            nameColumn = 0;
        }
        if (nameColumn < 0) {
            String cells = String.join(",", header.cells());
            throw new SpectralFileException(meta, header.line(), 1, "has no sample_name column (header: "
                    + (cells.length() > 200 ? cells.substring(0, 200) + "..." : cells) + ")");
        }
        int categoryColumn = indexOf(lower, "category");
        if (categoryColumn < 0) {
            categoryColumn = indexOf(lower, "group");
        }
        boolean shortLayout = nameColumn == 0 && (categoryColumn == 1 || categoryColumn < 0 && width >= 2);
        if (shortLayout && categoryColumn < 0) {
            categoryColumn = 1; // the short layout's second column is the group, whatever its header says
        }
        List<String> abundanceColumns = new ArrayList<>();
        List<Integer> abundanceIndex = new ArrayList<>();
        List<String> unused = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < width; c++) {
            if (c == nameColumn || c == categoryColumn) {
                continue;
            }
            String name = header.cells()[c];
            if (!shortLayout) {
                unused.add(name);
                continue;
            }
            if (name.isBlank()) {
                throw new SpectralFileException(meta, header.line(), c + 1, "abundance column " + (c + 1)
                        + " has no name");
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new SpectralFileException(meta, header.line(), c + 1, "abundance column \"" + name
                        + "\" appears twice");
            }
            abundanceColumns.add(name);
            abundanceIndex.add(c);
        }
        List<String> names = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<double[]> abundances = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        int empty = 0;
        for (int r = 1; r < rows.size(); r++) {
            Rec rec = rows.get(r);
            long line = rec.line();
            if (rec.width() != width) {
                throw new SpectralFileException(meta, line, Math.min(rec.width(), width) + 1,
                        "has " + rec.width() + " fields, the header has " + width);
            }
            String name = rec.cells()[nameColumn].trim();
            if (name.isBlank()) {
                throw new SpectralFileException(meta, line, nameColumn + 1, "sample name is empty");
            }
            names.add(name);
            categories.add(categoryColumn >= 0 ? rec.cells()[categoryColumn].trim() : "");
            lines.add(line);
            if (!abundanceColumns.isEmpty()) {
                double[] row = new double[abundanceColumns.size()];
                for (int k = 0; k < row.length; k++) {
                    int c = abundanceIndex.get(k);
                    row[k] = NumberCells.parse(meta, line, c + 1, rec.cells()[c]);
                    if (Double.isNaN(row[k])) {
                        row[k] = 0;
                        empty++;
                    } else if (row[k] < 0) {
                        throw new SpectralFileException(meta, line, c + 1, "abundance " + row[k] + " of \""
                                + abundanceColumns.get(k) + "\" is negative");
                    }
                }
                abundances.add(row);
            }
        }
        if (names.isEmpty()) {
            throw new SpectralFileException(meta, header.line(), 1, "names no samples (header only)");
        }
        return new MetaTable(names, categories, abundanceColumns, abundances, lines, empty, unused,
                categoryColumn >= 0 ? header.cells()[categoryColumn] : "");
    }

    private static int indexOf(String[] lower, String... candidates) {
        for (String c : candidates) {
            for (int i = 0; i < lower.length; i++) {
                if (lower[i].equals(c)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** True when the first record of {@code text} is a meta header: it has a sample_name column. */
    static boolean looksLikeMetaHeader(List<String> firstLines) {
        for (String line : firstLines) {
            String t = line.replace("\ufeff", "").trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            for (String cell : t.split(",")) {
                String c = cell.trim().replace("\"", "").toLowerCase(Locale.ROOT);
                if (c.equals("sample_name") || c.equals("sample name")) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }
}
