package dev.oscilla.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers inside the UI: common (executor, history, charts) <- session (document, recovery) <- module (the
 * registration contract) <- the views (explore, library, later fit and unmix) <- app (main window). Views never
 * depend on each other or on the app, so a view is added without touching another.
 */
@AnalyzeClasses(packages = "dev.oscilla.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class UiLayeringTest {

    @ArchTest
    static final ArchRule commonIsTheBottom = noClasses().that().resideInAPackage("dev.oscilla.ui.common..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.oscilla.ui.session..", "dev.oscilla.ui.module..",
                    "dev.oscilla.ui.explore..", "dev.oscilla.ui.library..", "dev.oscilla.ui.app..");

    @ArchTest
    static final ArchRule sessionKnowsNoView = noClasses().that().resideInAPackage("dev.oscilla.ui.session..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.oscilla.ui.module..", "dev.oscilla.ui.explore..",
                    "dev.oscilla.ui.library..", "dev.oscilla.ui.app..");

    @ArchTest
    static final ArchRule moduleKnowsNoView = noClasses().that().resideInAPackage("dev.oscilla.ui.module..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.oscilla.ui.explore..", "dev.oscilla.ui.library..",
                    "dev.oscilla.ui.app..");

    @ArchTest
    static final ArchRule exploreIsIndependent = noClasses().that().resideInAPackage("dev.oscilla.ui.explore..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.oscilla.ui.library..", "dev.oscilla.ui.app..");

    @ArchTest
    static final ArchRule libraryIsIndependent = noClasses().that().resideInAPackage("dev.oscilla.ui.library..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.oscilla.ui.explore..", "dev.oscilla.ui.app..");

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "io.fair_acc.chartfx..")
            .because("view-models are tested without a window; only views build nodes");
}
