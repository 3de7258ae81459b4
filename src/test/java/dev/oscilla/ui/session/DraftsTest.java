package dev.oscilla.ui.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oscilla.physics.Mineral;
import dev.oscilla.ui.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Working copies: edited and undone like the library, but only explicit steps put them into it. */
class DraftsTest {

    private final LibraryDocument doc = new LibraryDocument(Fixtures.smallLibrary(), null);
    private final Mineral onemode = doc.library().require("Onemode");

    @Test
    void editingAWorkingCopyLeavesTheLibraryAndItsSavedStateAlone() {
        doc.setDraft("fit", new Draft(onemode, "Onemode"), "start from Onemode", null);
        Object drag = new Object();
        for (int i = 1; i <= 5; i++) {
            double g = 0.01 * i;
            doc.editDraft("fit", m -> m.withParameters(new double[] {2.0, 1.0, 1100, 0.5, g}), "drag", drag);
        }
        assertThat(doc.library().require("Onemode")).isEqualTo(onemode);
        assertThat(doc.isModified()).as("working copies are not the library").isFalse();
        assertThat(doc.draft("fit").orElseThrow().mineral().modes().get(0).oscillators().get(0).gamma())
                .isEqualTo(0.05);
        assertThat(doc.history().undoSize()).as("a drag is one step").isEqualTo(2);
        doc.history().undo();
        assertThat(doc.draft("fit").orElseThrow().mineral()).isEqualTo(onemode);
        assertThat(doc.touchedSlotProperty().get()).isEqualTo("fit");
        doc.history().undo();
        assertThat(doc.draft("fit")).isEmpty();
    }

    @Test
    void applyingReplacesTheOriginUnderItsNameInOneUndoableStep() {
        Mineral changed = onemode.withName("whatever").withSource("edited");
        doc.setDraft("explore:1", new Draft(changed, "Onemode"), "edit", null);
        doc.applyDraft("explore:1", false, "apply");
        assertThat(doc.library().require("Onemode").source()).isEqualTo("edited");
        assertThat(doc.library().names()).containsExactly("Twomode", "Onemode", "Blackbody");
        assertThat(doc.draft("explore:1")).isEmpty();
        assertThat(doc.isModified()).isTrue();
        doc.history().undo();
        assertThat(doc.library().require("Onemode")).isEqualTo(onemode);
        assertThat(doc.draft("explore:1")).isPresent();
        assertThat(doc.isModified()).isFalse();
    }

    @Test
    void addingMakesANewEntryAndTheWorkingCopyFollowsIt() {
        doc.setDraft("fit", new Draft(onemode.withName("Onemode fit"), null), "fit", null);
        Mineral added = doc.addDraftToLibrary("fit", "My fit", "oxides", true, "add");
        assertThat(added.category()).isEqualTo("oxides");
        assertThat(doc.library().names()).containsExactly("Twomode", "Onemode", "Blackbody", "My fit");
        assertThat(doc.draft("fit").orElseThrow().origin()).isEqualTo("My fit");
        assertThatThrownBy(() -> doc.addDraftToLibrary("fit", "twomode", "", true, "add"))
                .hasMessageContaining("already has");
    }

    @Test
    void renamingOrDeletingAnEntryCarriesItsWorkingCopiesAlong() {
        doc.setDraft("fit", new Draft(onemode, "Onemode"), "start", null);
        doc.renameMineral("Onemode", "Renamed");
        assertThat(doc.draft("fit").orElseThrow().origin()).isEqualTo("Renamed");
        doc.removeMineral("Renamed");
        assertThat(doc.draft("fit").orElseThrow().origin()).as("the work stays, as a new mineral").isNull();
        doc.history().undo();
        assertThat(doc.draft("fit").orElseThrow().origin()).isEqualTo("Renamed");
        doc.history().undo();
        assertThat(doc.draft("fit").orElseThrow().origin()).isEqualTo("Onemode");
    }
}
