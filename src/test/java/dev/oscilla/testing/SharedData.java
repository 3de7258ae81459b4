package dev.oscilla.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the read-only lab data beside the checkout ({@code ../shared/data}); tests read it in place.
 *
 * <p>A clone of the repository alone has no such folder: then every test that asks for it is skipped (an aborted
 * assumption; in {@code @BeforeAll} the whole class), and one notice is printed. CI must never skip them: it sets
 * the environment variable {@value #REQUIRED_ENV}, and then a missing folder fails the test instead. Classes that
 * read the data carry {@link UsesSharedData}, so {@code -DexcludedGroups=shared-data} leaves them out on purpose.
 */
public final class SharedData {

    /** Environment variable that turns a missing data folder from a skip into a failure ({@code .ci/run} sets it). */
    public static final String REQUIRED_ENV = "OSCILLA_REQUIRE_SHARED_DATA";

    private static final AtomicBoolean NOTICE_PRINTED = new AtomicBoolean();

    private SharedData() {
    }

    /** True when the data folder is there. */
    public static boolean present() {
        return Files.isDirectory(location());
    }

    /**
     * The data folder; when it is missing, skips the calling test (or fails it when {@value #REQUIRED_ENV} is set).
     */
    public static Path root() {
        Path p = location();
        if (!Files.isDirectory(p)) {
            String message = "shared lab data not found at " + p.toAbsolutePath()
                    + " (expected ../shared/data beside the checkout)";
            String required = System.getenv(REQUIRED_ENV);
            if (required != null && !required.isBlank() && !required.equals("0")) {
                throw new IllegalStateException(message + "; " + REQUIRED_ENV + " is set, so this is a failure");
            }
            if (NOTICE_PRINTED.compareAndSet(false, true)) {
                System.err.println("NOTICE: " + message + ": the tests that read it are skipped.");
            }
            Assumptions.abort(message);
        }
        return p;
    }

    public static Path feely(String file) {
        return root().resolve("feely").resolve(file);
    }

    public static Path reference(String file) {
        return root().resolve("reference").resolve(file);
    }

    /** A file under {@code formats/} (one real file per exchange format). */
    public static Path formats(String file) {
        return root().resolve("formats").resolve(file);
    }

    private static Path location() {
        String configured = System.getProperty("oscilla.shared.data");
        return configured != null ? Paths.get(configured) : Paths.get("..", "shared", "data");
    }
}
