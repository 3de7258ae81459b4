package dev.oscilla.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers inside the UI: common (executor, history, charts) <- session (document, recovery) <- module (the
 * registration contract) and mineral (the parameter knobs and edits every view that edits a mineral shares) <- the
 * views (explore, library, fit, unmix, network) <- app (main window). Views never depend on each other or on the app, so a
 * view is added without touching another.
 */
@AnalyzeClasses(packages = "dev.oscilla.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class UiLayeringTest {

    private static final String[] VIEWS = {"dev.oscilla.ui.explore..", "dev.oscilla.ui.library..",
        "dev.oscilla.ui.fit..", "dev.oscilla.ui.unmix..", "dev.oscilla.ui.network..", "dev.oscilla.ui.scene.."};

    private static String[] viewsAnd(String... more) {
        String[] out = java.util.Arrays.copyOf(VIEWS, VIEWS.length + more.length);
        System.arraycopy(more, 0, out, VIEWS.length, more.length);
        return out;
    }

    private static String[] viewsBut(String own) {
        return java.util.Arrays.stream(viewsAnd("dev.oscilla.ui.app..")).filter(p -> !p.equals(own))
                .toArray(String[]::new);
    }

    @ArchTest
    static final ArchRule commonIsTheBottom = noClasses().that().resideInAPackage("dev.oscilla.ui.common..")
            .should().dependOnClassesThat().resideInAnyPackage(viewsAnd("dev.oscilla.ui.session..",
                    "dev.oscilla.ui.module..", "dev.oscilla.ui.mineral..", "dev.oscilla.ui.app.."));

    @ArchTest
    static final ArchRule sessionKnowsNoView = noClasses().that().resideInAPackage("dev.oscilla.ui.session..")
            .should().dependOnClassesThat().resideInAnyPackage(viewsAnd("dev.oscilla.ui.module..",
                    "dev.oscilla.ui.mineral..", "dev.oscilla.ui.app.."));

    @ArchTest
    static final ArchRule moduleKnowsNoView = noClasses().that().resideInAPackage("dev.oscilla.ui.module..")
            .should().dependOnClassesThat().resideInAnyPackage(viewsAnd("dev.oscilla.ui.mineral..",
                    "dev.oscilla.ui.app.."));

    @ArchTest
    static final ArchRule mineralKnowsNoView = noClasses().that().resideInAPackage("dev.oscilla.ui.mineral..")
            .should().dependOnClassesThat().resideInAnyPackage(viewsAnd("dev.oscilla.ui.module..",
                    "dev.oscilla.ui.app.."));

    @ArchTest
    static final ArchRule exploreIsIndependent = noClasses().that().resideInAPackage("dev.oscilla.ui.explore..")
            .should().dependOnClassesThat().resideInAnyPackage(viewsBut("dev.oscilla.ui.explore.."));

    @ArchTest
    static final ArchRule libraryIsIndependent = noClasses().that().resideInAPackage("dev.oscilla.ui.library..")
            .should().dependOnClassesThat().resideInAnyPackage(viewsBut("dev.oscilla.ui.library.."));

    @ArchTest
    static final ArchRule fitIsIndependent = noClasses().that().resideInAPackage("dev.oscilla.ui.fit..")
            .should().dependOnClassesThat().resideInAnyPackage(viewsBut("dev.oscilla.ui.fit.."));

    @ArchTest
    static final ArchRule unmixIsIndependent = noClasses().that().resideInAPackage("dev.oscilla.ui.unmix..")
            .should().dependOnClassesThat().resideInAnyPackage(viewsBut("dev.oscilla.ui.unmix.."));

    @ArchTest
    static final ArchRule networkIsIndependent = noClasses().that().resideInAPackage("dev.oscilla.ui.network..")
            .should().dependOnClassesThat().resideInAnyPackage(viewsBut("dev.oscilla.ui.network.."));

    @ArchTest
    static final ArchRule sceneIsIndependent = noClasses().that().resideInAPackage("dev.oscilla.ui.scene..")
            .should().dependOnClassesThat().resideInAnyPackage(viewsBut("dev.oscilla.ui.scene.."));

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "io.fair_acc.chartfx..")
            .because("view-models are tested without a window; only views build nodes");
}
