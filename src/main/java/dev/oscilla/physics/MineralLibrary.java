package dev.oscilla.physics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An ordered set of minerals with unique names (the unit a user exports, shares and unmixes with).
 * Immutable.
 *
 * @param name        library title
 * @param description free text (provenance, fit settings, licence)
 * @param minerals    the entries, names unique (case-insensitive)
 */
public record MineralLibrary(String name, String description, List<Mineral> minerals) {

    public MineralLibrary {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        minerals = List.copyOf(minerals);
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Mineral m : minerals) {
            if (seen.put(m.name().toLowerCase(Locale.ROOT), Boolean.TRUE) != null) {
                throw new IllegalArgumentException("library '" + name + "' has two minerals named '" + m.name() + "'");
            }
        }
    }

    public int size() {
        return minerals.size();
    }

    public Mineral get(int index) {
        return minerals.get(index);
    }

    /** Case-insensitive lookup by name. */
    public Optional<Mineral> find(String mineralName) {
        for (Mineral m : minerals) {
            if (m.name().equalsIgnoreCase(mineralName)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public Mineral require(String mineralName) {
        return find(mineralName).orElseThrow(() -> new IllegalArgumentException(
                "no mineral named '" + mineralName + "' in library '" + name + "' (it has " + names() + ")"));
    }

    public List<String> names() {
        List<String> out = new ArrayList<>(minerals.size());
        for (Mineral m : minerals) {
            out.add(m.name());
        }
        return out;
    }

    public int totalOscillators() {
        int total = 0;
        for (Mineral m : minerals) {
            total += m.oscillatorCount();
        }
        return total;
    }

    /** A copy with {@code mineral} added, or replacing the entry of the same name in place. */
    public MineralLibrary with(Mineral mineral) {
        List<Mineral> out = new ArrayList<>(minerals);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equalsIgnoreCase(mineral.name())) {
                out.set(i, mineral);
                return new MineralLibrary(name, description, out);
            }
        }
        out.add(mineral);
        return new MineralLibrary(name, description, out);
    }

    public MineralLibrary without(String mineralName) {
        List<Mineral> out = new ArrayList<>(minerals);
        out.removeIf(m -> m.name().equalsIgnoreCase(mineralName));
        return new MineralLibrary(name, description, out);
    }

    public MineralLibrary withMinerals(List<Mineral> list) {
        return new MineralLibrary(name, description, list);
    }
}
