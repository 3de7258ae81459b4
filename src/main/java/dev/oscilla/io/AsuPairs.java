package dev.oscilla.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the two halves of an ASU tab + meta pair: {@code x_tab.txt} pairs with {@code x_meta.csv}. */
public final class AsuPairs {

    private static final String META_SUFFIX = "_meta.csv";
    private static final String TAB_SUFFIX = "_tab.txt";

    private AsuPairs() {
    }

    /** {@code x_tab} with an optional extension; "my_table.csv" does not qualify. */
    private static final Pattern TAB_NAME = Pattern.compile("(?i)(.+)_tab(\\.[a-z0-9]+)?");

    /** The meta file paired with {@code tab}, or null when there is none. */
    public static Path metaFor(Path tab) {
        Matcher m = TAB_NAME.matcher(tab.getFileName().toString());
        if (!m.matches()) {
            return null;
        }
        Path meta = tab.resolveSibling(m.group(1) + META_SUFFIX);
        return Files.isRegularFile(meta) ? meta : null;
    }

    /** True when the file is named like the meta half of a pair ({@code x_meta.csv}). */
    public static boolean isMetaName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(META_SUFFIX);
    }

    /** The tab file named after a meta file ({@code x_meta.csv} gives {@code x_tab.txt}), existing or not. */
    public static Path expectedTabFor(Path meta) {
        String name = meta.getFileName().toString();
        return meta.resolveSibling(name.substring(0, name.length() - META_SUFFIX.length()) + TAB_SUFFIX);
    }

    /** The tab file paired with {@code meta}, or null when there is none. */
    public static Path tabFor(Path meta) {
        if (!isMetaName(meta)) {
            return null;
        }
        Path tab = expectedTabFor(meta);
        return Files.isRegularFile(tab) ? tab : null;
    }
}
