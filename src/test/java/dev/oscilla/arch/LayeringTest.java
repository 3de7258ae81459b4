package dev.oscilla.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md section 4: physics and numerics never touch JavaFX, files or the front ends; {@code io}
 * reads and writes; {@code pipeline} is the shared glue of the front ends; {@code ui} and {@code cli} sit on top.
 */
@AnalyzeClasses(packages = "dev.oscilla", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    /** The core packages that must hold no file I/O, JavaFX or front-end code. */
    private static final String[] NUMERICS = {"dev.oscilla.physics..", "dev.oscilla.spectrum..", "dev.oscilla.fit..",
            "dev.oscilla.unmix..", "dev.oscilla.learn..", "dev.oscilla.task..", "dev.oscilla.pipeline.."};

    /** Every package of the architecture; a rule over a package that no longer exists would pass vacuously. */
    private static final List<String> PACKAGES = List.of("physics", "spectrum", "task", "io", "fit", "unmix", "learn",
            "pipeline", "cli", "ui", "ui.common", "ui.explore", "ui.fit", "ui.library", "ui.unmix", "ui.network", "io.envi", "io.cube", "ui.scene");

    @Test
    void everyPackageOfTheArchitectureExists() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.oscilla");
        for (String p : PACKAGES) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().equals("dev.oscilla." + p)))
                    .as("package dev.oscilla.%s has classes", p).isTrue();
        }
    }

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses().that().resideOutsideOfPackage("dev.oscilla.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..", "org.controlsfx..")
            .because("physics, numerics, I/O and the CLI must run without JavaFX");

    @ArchTest
    static final ArchRule coreDoesNotDependOnFrontEnds = noClasses().that()
            .resideInAnyPackage("dev.oscilla.physics..", "dev.oscilla.spectrum..", "dev.oscilla.io..",
                    "dev.oscilla.fit..", "dev.oscilla.unmix..", "dev.oscilla.learn..", "dev.oscilla.task..",
                    "dev.oscilla.pipeline..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.oscilla.ui..", "dev.oscilla.cli..");

    @ArchTest
    static final ArchRule numericsDoNotReadOrWriteFiles = noClasses().that().resideInAnyPackage(NUMERICS)
            .should().dependOnClassesThat().resideInAnyPackage("dev.oscilla.io..", "java.nio.file..",
                    "com.fasterxml.jackson..", "org.apache.commons.csv..", "io.jhdf..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .because("reading and writing files belongs to dev.oscilla.io");

    @ArchTest
    static final ArchRule physicsDependsOnlyOnSpectrum = noClasses().that().resideInAPackage("dev.oscilla.physics..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.oscilla.io..", "dev.oscilla.fit..",
                    "dev.oscilla.unmix..", "dev.oscilla.learn..", "dev.oscilla.pipeline..");

    @ArchTest
    static final ArchRule spectrumIsALeaf = noClasses().that().resideInAPackage("dev.oscilla.spectrum..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.oscilla.physics..", "dev.oscilla.io..",
                    "dev.oscilla.fit..", "dev.oscilla.unmix..", "dev.oscilla.learn..", "dev.oscilla.pipeline..");

    @ArchTest
    static final ArchRule unmixingDoesNotDependOnLearning = noClasses().that().resideInAPackage("dev.oscilla.unmix..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.oscilla.learn..", "dev.oscilla.pipeline..");

    @ArchTest
    static final ArchRule viewsBindToViewModelsOnly = noClasses().that()
            .resideInAnyPackage("dev.oscilla.ui.explore..", "dev.oscilla.ui.fit..", "dev.oscilla.ui.library..",
                    "dev.oscilla.ui.unmix..", "dev.oscilla.ui.network..", "dev.oscilla.ui.scene..")
            .and().haveSimpleNameEndingWith("View")
            .should().dependOnClassesThat().resideInAnyPackage("dev.oscilla.fit..", "dev.oscilla.unmix..",
                    "dev.oscilla.learn..", "dev.oscilla.io..", "dev.oscilla.pipeline..")
            .because("views only bind to their view-model; computation and files go through the view-model");
}
