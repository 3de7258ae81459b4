package dev.oscilla.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.ui.testing.Fixtures;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibraryDocumentTest {

    private final LibraryDocument doc = new LibraryDocument(Fixtures.smallLibrary(), null);

    @Test
    void startsCleanOnTheFirstMineral() {
        assertThat(doc.isModified()).isFalse();
        assertThat(doc.currentProperty().get()).isEqualTo("Twomode");
        assertThat(doc.displayNameProperty().get()).isEqualTo("Small");
    }

    @Test
    void anEditIsUndoableAndMarksTheDocumentModified() {
        doc.editMineral("Onemode", m -> m.withCategory("other"), "regroup", null);
        assertThat(doc.library().require("Onemode").category()).isEqualTo("other");
        assertThat(doc.isModified()).isTrue();
        doc.history().undo();
        assertThat(doc.library().require("Onemode").category()).isEqualTo("test");
        assertThat(doc.isModified()).isFalse();
    }

    @Test
    void undoBringsTheEditedMineralIntoView() {
        doc.editMineral("Onemode", m -> m.withSource("changed"), "edit source", null);
        doc.currentProperty().set("Twomode");
        doc.history().undo();
        assertThat(doc.currentProperty().get()).isEqualTo("Onemode");
    }

    @Test
    void editsWithTheSameKeyMergeIntoOneStep() {
        Object drag = new Object();
        for (int i = 1; i <= 10; i++) {
            double g = 0.01 * i;
            doc.editMineral("Onemode", m -> m.withParameters(new double[] {2.0, 1.0, 1100, 0.5, g}), "drag", drag);
        }
        assertThat(doc.history().undoSize()).isEqualTo(1);
        doc.history().undo();
        assertThat(doc.library().require("Onemode").modes().get(0).oscillators().get(0).gamma()).isEqualTo(0.02);
    }

    @Test
    void anEditThatChangesNothingIsNotRecorded() {
        doc.editMineral("Onemode", m -> m, "nothing", null);
        assertThat(doc.history().canUndoProperty().get()).isFalse();
    }

    @Test
    void renameKeepsPositionFollowsSelectionAndRejectsClashes() {
        doc.currentProperty().set("Onemode");
        doc.renameMineral("Onemode", "Renamed");
        assertThat(doc.library().names()).containsExactly("Twomode", "Renamed", "Blackbody");
        assertThat(doc.currentProperty().get()).isEqualTo("Renamed");
        assertThat(doc.renameProblem("Renamed", "twomode")).contains("already has");
        assertThat(doc.renameProblem("Renamed", "  ")).isNotNull();
        assertThat(doc.renameProblem("Renamed", "RENAMED")).as("a change of case is fine").isNull();
        assertThatThrownBy(() -> doc.renameMineral("Renamed", "Twomode")).isInstanceOf(IllegalArgumentException.class);
        doc.history().undo();
        assertThat(doc.library().names()).containsExactly("Twomode", "Onemode", "Blackbody");
        assertThat(doc.currentProperty().get()).isEqualTo("Onemode");
    }

    @Test
    void removingTheCurrentMineralSelectsItsNeighbour() {
        doc.currentProperty().set("Onemode");
        doc.removeMineral("Onemode");
        assertThat(doc.currentProperty().get()).isEqualTo("Blackbody");
        doc.removeMineral("Blackbody");
        assertThat(doc.currentProperty().get()).isEqualTo("Twomode");
        doc.removeMineral("Twomode");
        assertThat(doc.currentProperty().get()).isNull();
        assertThat(doc.currentMineral()).isEmpty();
        doc.history().undo();
        assertThat(doc.currentProperty().get()).isEqualTo("Twomode");
    }

    @Test
    void importedMineralsWithTakenNamesAreRenamedInOneStep() {
        List<String> names = doc.addMinerals(List.of(Mineral.blackbody(), Fixtures.manyBands(3)), "import");
        assertThat(names).containsExactly("Blackbody (2)", "Many bands");
        assertThat(doc.library().size()).isEqualTo(5);
        assertThat(doc.currentProperty().get()).isEqualTo("Blackbody (2)");
        doc.history().undo();
        assertThat(doc.library().size()).isEqualTo(3);
        assertThat(doc.uniqueName("Blackbody")).isEqualTo("Blackbody (2)");
        assertThat(doc.uniqueName("Fresh")).isEqualTo("Fresh");
    }

    @Test
    void replaceStartsANewHistoryAndSaveMarksClean() {
        doc.editMineral("Onemode", m -> m.withCategory("x"), "regroup", null);
        doc.replace(new MineralLibrary("Other", "", List.of(Mineral.blackbody())), Paths.get("other.json"), true,
                "Blackbody");
        assertThat(doc.history().canUndoProperty().get()).isFalse();
        assertThat(doc.isModified()).as("a restored session is unsaved").isTrue();
        assertThat(doc.displayNameProperty().get()).isEqualTo("other.json");
        doc.markSaved(Paths.get("saved.json"), doc.library());
        assertThat(doc.isModified()).isFalse();
        assertThat(doc.file()).isEqualTo(Paths.get("saved.json"));
    }
}
