package dev.oscilla.io;

import dev.oscilla.spectrum.Spectrum;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spectra read from one source, with optional per-spectrum categories and known abundances (e.g. an ASU
 * tab + meta pair: rocks with their modal mineralogy, or a library with mineral groups).
 *
 * @param spectra           the spectra, in file order
 * @param categories        one per spectrum ("" when the source gives none)
 * @param abundanceColumns  names of the abundance columns (empty when the source has none)
 * @param abundances        one row per spectrum, one value per abundance column; empty list when none
 */
public record SpectrumSet(List<Spectrum> spectra, List<String> categories, List<String> abundanceColumns,
                          List<double[]> abundances) {

    public SpectrumSet {
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

    public static SpectrumSet of(List<Spectrum> spectra) {
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < spectra.size(); i++) {
            categories.add("");
        }
        return new SpectrumSet(spectra, categories, List.of(), List.of());
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
