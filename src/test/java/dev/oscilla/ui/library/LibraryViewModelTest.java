package dev.oscilla.ui.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.VmHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryViewModelTest {

    @TempDir
    Path dir;

    private VmHarness h;
    private LibraryViewModel vm;

    private void open() {
        h = new VmHarness(Fixtures.smallLibrary(), dir);
        vm = new LibraryViewModel(h.context);
    }

    @Test
    void rowsDescribeEveryEntry() {
        open();
        assertThat(vm.rows()).extracting(MineralRow::name).containsExactly("Twomode", "Onemode", "Blackbody");
        MineralRow two = vm.rows().get(0);
        assertThat(two.modes()).isEqualTo(2);
        assertThat(two.oscillators()).isEqualTo(3);
        assertThat(two.category()).isEqualTo("test");
        assertThat(two.source()).isEqualTo("test mineral");
    }

    @Test
    void renameAsksForANameAndRejectsAClash() {
        open();
        vm.selectedNameProperty().set("Onemode");
        h.dialogs.text("Twomode");
        vm.rename();
        assertThat(h.dialogs.errors).singleElement().asString().contains("already has");
        assertThat(vm.rows().get(1).name()).isEqualTo("Onemode");
        h.dialogs.text("Forsterite");
        vm.rename();
        assertThat(vm.rows().get(1).name()).isEqualTo("Forsterite");
        assertThat(vm.selectedNameProperty().get()).isEqualTo("Forsterite");
        h.dialogs.text(null); // cancelled
        vm.rename();
        assertThat(vm.rows().get(1).name()).isEqualTo("Forsterite");
        assertThat(h.dialogs.allAnswersUsed()).isTrue();
    }

    @Test
    void deleteIsUndoableAndNeedsASelection() {
        open();
        vm.selectedNameProperty().set("Onemode");
        assertThat(vm.hasSelectionBinding().get()).isTrue();
        vm.delete();
        assertThat(vm.rows()).extracting(MineralRow::name).containsExactly("Twomode", "Blackbody");
        assertThat(h.status.current()).contains("Deleted Onemode");
        h.document.history().undo();
        assertThat(vm.rows()).hasSize(3);
        vm.selectedNameProperty().set(null);
        assertThat(vm.hasSelectionBinding().get()).isFalse();
        vm.delete(); // nothing selected: nothing happens
        assertThat(vm.rows()).hasSize(3);
    }

    @Test
    void theGroupCanBeEdited() {
        open();
        vm.selectedNameProperty().set("Twomode");
        h.dialogs.text("  pyroxene ");
        vm.editCategory();
        assertThat(vm.rows().get(0).category()).isEqualTo("pyroxene");
    }

    @Test
    void openInExploreNavigatesOnlyWithASelection() {
        open();
        vm.openInExplore();
        assertThat(h.navigated).containsExactly("explore");
        vm.selectedNameProperty().set(null);
        vm.openInExplore();
        assertThat(h.navigated).hasSize(1);
    }
}
