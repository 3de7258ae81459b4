package dev.oscilla.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN.md section 4: physics and numerics never touch JavaFX or the UI. */
@AnalyzeClasses(packages = "dev.oscilla", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses().that().resideOutsideOfPackage("dev.oscilla.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..", "org.controlsfx..")
            .because("physics, numerics, I/O and the CLI must run without JavaFX");

    @ArchTest
    static final ArchRule coreDoesNotDependOnUi = noClasses().that()
            .resideInAnyPackage("dev.oscilla.physics..", "dev.oscilla.spectrum..", "dev.oscilla.io..",
                    "dev.oscilla.fit..", "dev.oscilla.unmix..", "dev.oscilla.learn..", "dev.oscilla.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.oscilla.ui..");

    @ArchTest
    static final ArchRule physicsDependsOnlyOnSpectrum = noClasses().that().resideInAPackage("dev.oscilla.physics..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.oscilla.io..", "dev.oscilla.fit..",
                    "dev.oscilla.unmix..", "dev.oscilla.learn..", "dev.oscilla.cli..", "dev.oscilla.ui..");

    @ArchTest
    static final ArchRule spectrumIsALeaf = noClasses().that().resideInAPackage("dev.oscilla.spectrum..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.oscilla.physics..", "dev.oscilla.io..",
                    "dev.oscilla.fit..", "dev.oscilla.unmix..", "dev.oscilla.learn..", "dev.oscilla.cli..");

    @ArchTest
    static final ArchRule numericsDoNotDependOnCli = noClasses().that()
            .resideInAnyPackage("dev.oscilla.fit..", "dev.oscilla.unmix..", "dev.oscilla.learn..")
            .should().dependOnClassesThat().resideInAPackage("dev.oscilla.cli..")
            .allowEmptyShould(true);
}
