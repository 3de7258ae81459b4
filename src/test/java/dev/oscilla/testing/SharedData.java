package dev.oscilla.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the read-only lab data beside the checkout ({@code ../shared/data}); tests read it in place. */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("oscilla.shared.data");
        Path p = configured != null ? Paths.get(configured) : Paths.get("..", "shared", "data");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("shared data not found at " + p.toAbsolutePath()
                    + " (expected ../shared/data beside the checkout)");
        }
        return p;
    }

    public static Path feely(String file) {
        return root().resolve("feely").resolve(file);
    }

    public static Path reference(String file) {
        return root().resolve("reference").resolve(file);
    }
}
