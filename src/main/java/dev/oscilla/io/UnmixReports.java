package dev.oscilla.io;

import dev.oscilla.unmix.UnmixResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tables of unmixing results, as the CLI and the workbench export them. */
public final class UnmixReports {

    private UnmixReports() {
    }

    /**
     * One row per spectrum: name, method, RMS, blackbody fraction, then per endmember the normalised abundance
     * and its standard error, then the group sums. All results must share the same endmembers.
     */
    public static void writeCsv(Path file, List<UnmixResult> results) throws SpectralFileException {
        String csv = toCsv(results); // built (and its values checked) before the file is touched
        AtomicFiles.writeString(file, csv);
    }

    public static String toCsv(List<UnmixResult> results) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("spectrum", "method", "rms", "blackbody", "iterations"));
        if (results.isEmpty()) {
            return CsvTables.headerLine(header) + "\n";
        }
        UnmixResult first = results.get(0);
        List<Integer> shown = new ArrayList<>();
        for (int j = 0; j < first.size(); j++) {
            if (!first.isBlackbody(j)) {
                shown.add(j);
                String name = first.endmembers().get(j);
                header.add(first.isForced(j) ? name + " (forced, raw)" : name);
                header.add(name + " stderr");
            }
        }
        Set<String> groups = new LinkedHashSet<>();
        for (UnmixResult r : results) {
            groups.addAll(r.groupSums().keySet());
        }
        for (String g : groups) {
            header.add("group:" + g);
        }
        sb.append(CsvTables.headerLine(header)).append('\n');
        for (UnmixResult r : results) {
            if (!r.endmembers().equals(first.endmembers())) {
                throw new IllegalArgumentException("results differ in endmembers; write them to separate files");
            }
            List<String> row = new ArrayList<>();
            row.add(CsvTables.quote(r.spectrumName()));
            row.add(r.method().label());
            row.add(CsvTables.format(r.rms()));
            row.add(CsvTables.format(r.blackbodyFraction()));
            row.add(String.valueOf(r.iterations()));
            for (int j : shown) {
                row.add(CsvTables.format(r.isForced(j) ? r.abundance(j) : r.normalized(j)));
                row.add(CsvTables.format(r.isForced(j) ? r.standardErrors()[j] : r.normalizedErrors()[j]));
            }
            for (String g : groups) {
                row.add(CsvTables.format(r.groupSums().getOrDefault(g, 0.0)));
            }
            sb.append(String.join(",", row)).append('\n');
        }
        return sb.toString();
    }

    /** A JSON-ready map of one result (abundances raw and normalised, errors, groups, notes, flexed minerals). */
    public static Map<String, Object> toMap(UnmixResult r, boolean withSpectra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spectrum", r.spectrumName());
        m.put("method", r.method().label());
        m.put("rms", r.rms());
        m.put("blackbody", r.blackbodyFraction());
        m.put("iterations", r.iterations());
        m.put("stop", r.stopReason());
        List<Map<String, Object>> endmembers = new ArrayList<>();
        for (int j = 0; j < r.size(); j++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", r.endmembers().get(j));
            e.put("category", r.categories().get(j));
            e.put("abundance", r.abundance(j));
            e.put("stderr", r.standardErrors()[j]);
            e.put("normalized", r.normalized(j));
            e.put("normalized_stderr", r.normalizedErrors()[j]);
            e.put("blackbody", r.isBlackbody(j));
            e.put("forced", r.isForced(j));
            endmembers.add(e);
        }
        m.put("endmembers", endmembers);
        m.put("groups", r.groupSums());
        m.put("notes", r.notes());
        if (withSpectra) {
            m.put("wavenumber", r.axis());
            m.put("measured", r.measured());
            m.put("modelled", r.modelled());
        }
        return m;
    }
}
