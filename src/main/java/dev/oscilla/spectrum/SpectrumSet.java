package dev.oscilla.spectrum;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spectra read from one source, with optional per-spectrum categories and known abundances (e.g. an ASU
 * tab + meta pair: rocks with their modal mineralogy, or a library with mineral groups), and the reader's
 * notes: one human-readable sentence per detection or conversion applied while reading (units converted,
 * percent scaled, channels dropped, axis sorted), for the GUI and {@code oscilla info} to show.
 *
 * @param spectra           the spectra, in file order
 * @param categories        one per spectrum ("" when the source gives none)
 * @param abundanceColumns  names of the abundance columns (empty when the source has none)
 * @param abundances        one row per spectrum, one value per abundance column; empty list when none
 * @param notes             what the reader detected or changed, in the order it happened; may be empty
 */
public record SpectrumSet(List<Spectrum> spectra, List<String> categories, List<String> abundanceColumns,
                          List<double[]> abundances, List<String> notes) {

    public SpectrumSet {
        notes = List.copyOf(notes);
        spectra = List.copyOf(spectra);
        categories = List.copyOf(categories);
        abundanceColumns = List.copyOf(abundanceColumns);
        List<double[]> copy = new ArrayList<>(abundances.size());
        for (double[] row : abundances) {
            copy.add(row.clone());
        }
        abundances = List.copyOf(copy);
        if (categories.size() != spectra.size()) {
            throw new IllegalArgumentException("one category per spectrum expected");
        }
        if (!abundances.isEmpty() && abundances.size() != spectra.size()) {
            throw new IllegalArgumentException("one abundance row per spectrum expected");
        }
    }

    /** A set without reader notes. */
    public SpectrumSet(List<Spectrum> spectra, List<String> categories, List<String> abundanceColumns,
                       List<double[]> abundances) {
        this(spectra, categories, abundanceColumns, abundances, List.of());
    }

    public static SpectrumSet of(List<Spectrum> spectra) {
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < spectra.size(); i++) {
            categories.add("");
        }
        return new SpectrumSet(spectra, categories, List.of(), List.of());
    }

    /** A copy with {@code more} appended to the notes. */
    public SpectrumSet withNotes(List<String> more) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new SpectrumSet(spectra, categories, abundanceColumns, abundances, all);
    }

    /** A copy whose spectra all have the given kind. */
    public SpectrumSet withKind(SpectrumKind kind) {
        List<Spectrum> out = new ArrayList<>(spectra.size());
        for (Spectrum s : spectra) {
            out.add(s.withKind(kind));
        }
        return new SpectrumSet(out, categories, abundanceColumns, abundances, notes);
    }

    public int size() {
        return spectra.size();
    }

    public Spectrum get(int i) {
        return spectra.get(i);
    }

    public boolean hasAbundances() {
        return !abundances.isEmpty();
    }

    /**
     * The category an ASU meta file gives a spectrum whose known abundances cannot be scored (a rock with minerals
     * the library does not hold; {@code data/README.md}): such spectra are unmixed but left out of the scores.
     */
    public static final String UNSCORED_CATEGORY = "invalid";

    /**
     * Known abundances of spectrum {@code i} that scores may use: present, and the spectrum not filed as
     * {@value #UNSCORED_CATEGORY}.
     */
    public Optional<double[]> scorableAbundances(int i) {
        boolean unscored = i < categories.size() && categories.get(i).trim().equalsIgnoreCase(UNSCORED_CATEGORY);
        return unscored ? Optional.empty() : abundances(i);
    }

    /** Known abundances of spectrum {@code i}, aligned with {@link #abundanceColumns()}. */
    public Optional<double[]> abundances(int i) {
        return abundances.isEmpty() ? Optional.empty() : Optional.of(abundances.get(i).clone());
    }

    /** The spectrum of the given name (exact match first, then case-insensitive). */
    public Optional<Spectrum> find(String name) {
        for (Spectrum s : spectra) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        for (Spectrum s : spectra) {
            if (s.name().equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
