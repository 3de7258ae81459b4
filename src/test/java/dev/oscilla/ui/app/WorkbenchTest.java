package dev.oscilla.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.common.SynchronousTaskRunner;
import dev.oscilla.ui.explore.ExploreModule;
import dev.oscilla.ui.fit.FitModule;
import dev.oscilla.ui.fit.FitViewModel;
import dev.oscilla.ui.library.LibraryModule;
import dev.oscilla.ui.module.WorkbenchModule;
import dev.oscilla.ui.session.RecoveryStore;
import dev.oscilla.ui.session.SessionSnapshot;
import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.ManualScheduler;
import dev.oscilla.ui.testing.ScriptedDialogs;
import dev.oscilla.ui.unmix.UnmixModule;
import dev.oscilla.ui.unmix.UnmixViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root view-model without a window: registration, title, navigation, recovery, quitting. */
class WorkbenchTest {

    @TempDir
    Path config;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ManualScheduler scheduler = new ManualScheduler();

    private Workbench workbench() {
        return Fixtures.workbench(new SynchronousTaskRunner(), dialogs, scheduler, config);
    }

    @Test
    void everyRegisteredViewIsBuiltInOrderAndNavigable() {
        Workbench wb = workbench();
        assertThat(wb.modules()).extracting(WorkbenchModule::id).containsExactly("explore", "library", "fit", "unmix",
                "network", "scene");
        assertThat(wb.module(ExploreModule.class).viewModel().currentMineralProperty().get()).isEqualTo("Quartz");
        assertThat(wb.selectedViewProperty().get()).isEqualTo("explore");
        wb.module(LibraryModule.class).viewModel().openInExplore();
        wb.show("library");
        assertThat(wb.selectedViewProperty().get()).isEqualTo("library");
        assertThat(wb.context().session().spectrumProperty().get().name()).isEqualTo("quartz-synthetic");
        wb.show("fit");
        assertThat(wb.selectedViewProperty().get()).isEqualTo("fit");
    }

    @Test
    void theFitAndUnmixViewsOpenOnTheBundledSamples() {
        Workbench wb = workbench();
        FitViewModel fit = wb.module(FitModule.class).viewModel();
        assertThat(fit.spectrumProperty().get().name()).isEqualTo("quartz-synthetic");
        assertThat(fit.spectraSourceProperty().get()).isEqualTo("quartz_tab.txt");
        assertThat(fit.canAutoFitBinding().get()).as("ready to fit").isTrue();
        assertThat(fit.hasModelProperty().get()).as("the fit creates its own entry, the library is untouched")
                .isFalse();
        UnmixViewModel unmix = wb.module(UnmixModule.class).viewModel();
        assertThat(unmix.mixturesSourceProperty().get()).isEqualTo("mixtures_tab.txt");
        assertThat(unmix.mixturesProperty().get().size()).isEqualTo(6);
        assertThat(unmix.sourceProperty().get()).isEqualTo(UnmixViewModel.Source.LIBRARY);
        assertThat(unmix.endmembers()).hasSize(6); // the sample library's minerals; its blackbody is an option
        assertThat(unmix.canRunBinding().get()).isTrue();
    }

    @Test
    void theTitleMarksUnsavedChanges() {
        Workbench wb = workbench();
        wb.start();
        assertThat(wb.titleBinding().get()).isEqualTo("Oscilla samples \u2014 Oscilla");
        wb.context().session().document().renameMineral("Quartz", "Alpha-quartz");
        assertThat(wb.titleBinding().get()).isEqualTo("*Oscilla samples \u2014 Oscilla");
        wb.context().session().document().history().undo();
        assertThat(wb.titleBinding().get()).doesNotStartWith("*");
    }

    @Test
    void anUnsavedSessionLeftBehindIsOfferedAndRestored() throws Exception {
        MineralLibrary left = new MineralLibrary("Left behind", "", List.of(Mineral.blackbody(),
                Fixtures.manyBands(4)));
        RecoveryStore.in(config).write(new SessionSnapshot(left, config.resolve("work.json"), true, "Many bands",
                Fixtures.CLOCK.instant()));
        Workbench wb = workbench();
        dialogs.confirm(true);
        wb.start();
        assertThat(dialogs.questions).singleElement().asString().contains("work.json").contains("2 minerals");
        assertThat(wb.context().session().document().library()).isEqualTo(left);
        assertThat(wb.context().session().document().isModified()).isTrue();
        assertThat(wb.context().session().document().currentProperty().get()).isEqualTo("Many bands");
        assertThat(wb.titleBinding().get()).isEqualTo("*work.json \u2014 Oscilla");
        // still unsaved: autosave keeps the file
        assertThat(RecoveryStore.in(config).exists()).isTrue();
    }

    @Test
    void aDeclinedRecoveryIsDeleted() throws Exception {
        RecoveryStore.in(config).write(new SessionSnapshot(Fixtures.smallLibrary(), null, true, null,
                Fixtures.CLOCK.instant()));
        Workbench wb = workbench();
        dialogs.confirm(false);
        wb.start();
        assertThat(RecoveryStore.in(config).exists()).isFalse();
        assertThat(wb.context().session().document().library().name()).isEqualTo("Oscilla samples");
    }

    @Test
    void anUnreadableRecoveryFileIsReportedAndRemoved() throws Exception {
        Files.writeString(config.resolve("recovery.json"), "{ not json");
        Workbench wb = workbench();
        wb.start();
        assertThat(dialogs.errors).singleElement().asString().contains("recovery.json");
        assertThat(RecoveryStore.in(config).exists()).isFalse();
    }

    @Test
    void editsAreAutosavedAndAQuitWithoutChangesExitsAtOnce() throws Exception {
        Workbench wb = workbench();
        wb.start();
        boolean[] exited = {false};
        wb.requestQuit(() -> exited[0] = true);
        assertThat(exited[0]).isTrue();

        Workbench second = workbench();
        second.start();
        second.context().session().document().renameMineral("Quartz", "Q");
        scheduler.advance(Fixtures.QUIET.plusMillis(1));
        assertThat(RecoveryStore.in(config).read().orElseThrow().library().find("Q")).isPresent();
        dialogs.unsaved(Dialogs.UnsavedChoice.SAVE).file(config.resolve("saved.json"));
        boolean[] exited2 = {false};
        second.requestQuit(() -> exited2[0] = true);
        assertThat(exited2[0]).isTrue();
        assertThat(Files.exists(config.resolve("saved.json"))).isTrue();
        assertThat(RecoveryStore.in(config).exists()).isFalse();
    }
}
