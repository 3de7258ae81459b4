package dev.oscilla.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the meta CSV of an ASU tab file: {@code x_tab.txt} pairs with {@code x_meta.csv}. */
public final class AsuPairs {

    private AsuPairs() {
    }

    /** The meta file paired with {@code tab}, or null when there is none. */
    public static Path metaFor(Path tab) {
        String name = tab.getFileName().toString();
        int i = name.lastIndexOf("_tab");
        if (i < 0) {
            return null;
        }
        Path meta = tab.resolveSibling(name.substring(0, i) + "_meta.csv");
        return Files.isRegularFile(meta) ? meta : null;
    }
}
