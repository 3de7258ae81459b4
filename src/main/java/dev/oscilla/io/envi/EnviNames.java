package dev.oscilla.io.envi;

/** ENVI lists (band names, spectra names) have no escape for commas and braces: names are written without them. */
public final class EnviNames {

    private EnviNames() {
    }

    /**
     * {@code name} as it can be written into an ENVI list: commas become semicolons, braces parentheses, line
     * breaks spaces; leading and trailing spaces are dropped (ENVI trims them on reading). An empty name becomes
     * {@code fallback}.
     */
    public static String sanitise(String name, String fallback) {
        String s = name.replace(',', ';').replace('{', '(').replace('}', ')').replace('\r', ' ').replace('\n', ' ')
                .trim();
        return s.isEmpty() ? fallback : s;
    }
}
