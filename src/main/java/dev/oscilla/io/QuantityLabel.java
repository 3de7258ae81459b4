package dev.oscilla.io;

import dev.oscilla.spectrum.SpectrumKind;
import java.util.Locale;

/**
 * What a file's own words say about its values: the quantity and whether it is in percent, from labels such as
 * JCAMP-DX {@code ##YUNITS=TRANSMITTANCE}, ASTER {@code Y Units: Reflectance (percent)}, {@code %T} or a column
 * header "Emissivity (%)".
 *
 * @param kind    the quantity named, {@link SpectrumKind#UNKNOWN} when none is
 * @param percent true when the label says percent ("%", "percent", "percentage")
 */
record QuantityLabel(SpectrumKind kind, boolean percent) {

    static final QuantityLabel NONE = new QuantityLabel(SpectrumKind.UNKNOWN, false);

    /** Reads a label; {@link #NONE} for null or blank text. */
    static QuantityLabel parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String t = text.toLowerCase(Locale.ROOT);
        boolean percent = t.contains("%") || t.contains("percent");
        String words = t.replaceAll("[^a-z0-9]+", " ").trim();
        SpectrumKind kind = SpectrumKind.UNKNOWN;
        if (t.contains("emissiv") || t.contains("emittance") || words.matches("(.* )?emission( .*)?")) {
            kind = SpectrumKind.EMISSIVITY;
        } else if (t.contains("reflect")) {
            kind = SpectrumKind.REFLECTANCE;
        } else if (t.contains("transmi") || words.equals("t") || t.contains("%t")) {
            kind = SpectrumKind.TRANSMITTANCE;
        } else if (t.contains("absorb") || t.contains("absorption") || t.contains("log(1/r)")
                || t.contains("log 1 r") || words.equals("a") || words.equals("abs") || words.equals("optical density")) {
            kind = SpectrumKind.ABSORBANCE;
        } else if (t.contains("kubelka") || t.contains("arbitrary") || t.contains("count") || t.contains("intensit")
                || t.contains("single beam") || t.contains("singlebeam") || words.equals("a u") || words.equals("au")) {
            kind = SpectrumKind.INTENSITY;
        } else if (words.equals("r")) {
            kind = SpectrumKind.REFLECTANCE;
        }
        if (kind == SpectrumKind.UNKNOWN && t.contains("%r")) {
            kind = SpectrumKind.REFLECTANCE;
        }
        return new QuantityLabel(kind, percent);
    }

    /**
     * As {@link #parse}, but only words count (emissivity, reflectance, transmittance, absorbance, Kubelka-Munk,
     * counts, intensity): for column headers, where "A", "R" or "T" are more likely names than units.
     */
    static QuantityLabel parseWords(String text) {
        if (text == null) {
            return NONE;
        }
        String t = text.toLowerCase(Locale.ROOT);
        if (!(t.contains("emissiv") || t.contains("emittance") || t.contains("reflect") || t.contains("transmi")
                || t.contains("absorb") || t.contains("kubelka") || t.contains("count") || t.contains("intensit"))) {
            return new QuantityLabel(SpectrumKind.UNKNOWN, t.contains("%") || t.contains("percent"));
        }
        return parse(text);
    }

    /** True for quantities that are fractions of 1 and may be stored as percent. */
    static boolean canBePercent(SpectrumKind kind) {
        return kind == SpectrumKind.EMISSIVITY || kind == SpectrumKind.REFLECTANCE
                || kind == SpectrumKind.TRANSMITTANCE || kind == SpectrumKind.UNKNOWN;
    }
}
