package dev.oscilla.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.io.LibraryJson;
import dev.oscilla.testing.UsesSharedData;
import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.testing.Fixtures;
import dev.oscilla.ui.testing.VmHarness;
import dev.oscilla.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UsesSharedData
class DocumentActionsTest {

    @TempDir
    Path dir;

    private VmHarness harness() {
        return new VmHarness(Fixtures.smallLibrary(), dir);
    }

    @Test
    void saveWithoutAFileAsksForOneAddsTheExtensionAndMarksTheDocumentClean() throws Exception {
        VmHarness h = harness();
        h.document.editMineral("Onemode", m -> m.withCategory("x"), "edit", null);
        h.dialogs.file(dir.resolve("mine"));
        h.documents.save();
        Path saved = dir.resolve("mine.json");
        assertThat(LibraryJson.read(saved)).isEqualTo(h.document.library());
        assertThat(h.document.isModified()).isFalse();
        assertThat(h.document.file()).isEqualTo(saved);
        assertThat(h.status.current()).isEqualTo("Saved mine.json");

        h.document.editMineral("Onemode", m -> m.withCategory("y"), "edit", null);
        h.documents.save(); // has a JSON file now: no question
        assertThat(LibraryJson.read(saved).require("Onemode").category()).isEqualTo("y");
        assertThat(h.dialogs.allAnswersUsed()).isTrue();
    }

    @Test
    void aFailedSaveReportsTheFileAndKeepsTheDocumentModified() throws Exception {
        VmHarness h = harness();
        h.document.editMineral("Onemode", m -> m.withCategory("x"), "edit", null);
        Path blocked = dir.resolve("a-file");
        Files.writeString(blocked, "not a folder");
        h.dialogs.file(blocked.resolve("lib.json")); // parent is a file: cannot write
        h.documents.saveAs();
        assertThat(h.dialogs.errors).singleElement().asString().startsWith("Save library: ").contains("lib.json");
        assertThat(h.document.isModified()).isTrue();
    }

    @Test
    void unsavedChangesAreSettledBeforeProceeding() {
        VmHarness h = harness();
        int[] proceeded = {0};
        h.documents.whenChangesSettled("quit", () -> proceeded[0]++);
        assertThat(proceeded[0]).as("nothing unsaved: no question").isEqualTo(1);
        h.document.editMineral("Onemode", m -> m.withCategory("x"), "edit", null);
        h.dialogs.unsaved(Dialogs.UnsavedChoice.CANCEL);
        h.documents.whenChangesSettled("quit", () -> proceeded[0]++);
        assertThat(proceeded[0]).isEqualTo(1);
        h.dialogs.unsaved(Dialogs.UnsavedChoice.SAVE).cancelFile(); // save, but the file dialog is cancelled
        h.documents.whenChangesSettled("quit", () -> proceeded[0]++);
        assertThat(proceeded[0]).isEqualTo(1);
        h.dialogs.unsaved(Dialogs.UnsavedChoice.SAVE).file(dir.resolve("kept.json"));
        h.documents.whenChangesSettled("quit", () -> proceeded[0]++);
        assertThat(proceeded[0]).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("kept.json"))).isTrue();
        h.document.editMineral("Onemode", m -> m.withCategory("z"), "edit", null);
        h.dialogs.unsaved(Dialogs.UnsavedChoice.DISCARD);
        h.documents.whenChangesSettled("quit", () -> proceeded[0]++);
        assertThat(proceeded[0]).isEqualTo(3);
    }

    @Test
    void anInfraRenderFileOpensAndIsSavedAsJson() throws Exception {
        VmHarness h = harness();
        Path hdf = SharedData.feely("feely_params.hdf");
        h.dialogs.file(hdf);
        h.documents.openLibrary();
        assertThat(h.document.library().size()).isEqualTo(38);
        assertThat(h.document.isModified()).isFalse();
        assertThat(h.document.displayNameProperty().get()).isEqualTo("feely_params.hdf");
        h.dialogs.file(dir.resolve("feely.json"));
        h.documents.save(); // an HDF cannot be written back: asks for a JSON file
        assertThat(h.dialogs.questions.get(h.dialogs.questions.size() - 1)).contains("[feely_params.json]");
        assertThat(LibraryJson.read(dir.resolve("feely.json")).size()).isEqualTo(38);
    }

    @Test
    void aBrokenFileIsReportedAndTheDocumentKept() throws Exception {
        VmHarness h = harness();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"oscilla-library\", \"version\": 1, \"minerals\": [ {\"name\": \"X\"} ]}");
        h.documents.openLibrary(bad);
        assertThat(h.dialogs.errors).singleElement().asString().contains("bad.json").contains("modes");
        assertThat(h.document.library()).isEqualTo(Fixtures.smallLibrary());
    }

    @Test
    void importedMineralsAreAddedAsOneUndoStep() throws Exception {
        VmHarness h = harness();
        Path other = dir.resolve("other.json");
        LibraryJson.write(Fixtures.smallLibrary(), other);
        h.dialogs.file(other);
        h.documents.importMinerals();
        assertThat(h.document.library().names()).containsExactly("Twomode", "Onemode", "Blackbody", "Twomode (2)",
                "Onemode (2)", "Blackbody (2)");
        assertThat(h.status.current()).isEqualTo("Imported 3 minerals from other.json");
        h.document.history().undo();
        assertThat(h.document.library().size()).isEqualTo(3);
    }

    @Test
    void theLibraryExportsAsAnOscillatorTableThatImportsBack() throws Exception {
        VmHarness h = harness();
        h.dialogs.file(dir.resolve("table"));
        h.documents.exportCsvTable();
        Path table = dir.resolve("table.csv");
        List<String> lines = Files.readAllLines(table);
        assertThat(lines.get(0)).startsWith("mineral,category,mode,eps_inf,weight,oscillator,omega0_cm-1,S,rho,gamma,"
                + "width_cm-1");
        assertThat(h.status.current()).isEqualTo("Exported 3 minerals to table.csv");
        // the table is a library format of its own: importing it back adds the same minerals, bounds included
        h.dialogs.file(table);
        h.documents.importMinerals();
        assertThat(h.document.library().require("Twomode (2)").withName("Twomode"))
                .isEqualTo(Fixtures.smallLibrary().require("Twomode"));
        assertThat(h.document.library().require("Onemode (2)").modes())
                .isEqualTo(Fixtures.smallLibrary().require("Onemode").modes());
    }

    @Test
    void openingSpectraSelectsTheOneNamedLikeTheCurrentMineral() throws Exception {
        VmHarness h = harness();
        Path samples = BundledSamples.extractTo(dir.resolve("samples"));
        h.document.addMineral(Fixtures.smallLibrary().require("Onemode").withName("mix02-carbonates"), "add");
        h.dialogs.file(samples.resolve("mixtures_tab.txt"));
        h.documents.openSpectra();
        assertThat(h.session.spectraProperty().get().size()).isEqualTo(6);
        assertThat(h.session.spectrumProperty().get().name()).isEqualTo("mix02-carbonates");
        assertThat(h.session.spectraFileProperty().get()).isEqualTo(samples.resolve("mixtures_tab.txt"));
    }
}
