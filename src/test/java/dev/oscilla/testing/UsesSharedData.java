package dev.oscilla.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class (or method) that reads {@code ../shared/data} through {@link SharedData}: tagged
 * {@code shared-data}; the tests that touch the data are skipped when it is absent (see {@link SharedData}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("shared-data")
public @interface UsesSharedData {
}
