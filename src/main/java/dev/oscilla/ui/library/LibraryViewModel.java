package dev.oscilla.ui.library;

import dev.oscilla.physics.Mineral;
import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.common.Navigator;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.module.ViewIds;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.ui.session.DocumentActions;
import dev.oscilla.ui.session.LibraryDocument;
import dev.oscilla.ui.session.WorkbenchSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * View-model of the Library view: the entries of the document as table rows, entry actions (rename, group,
 * delete, open in Explore), the document's file actions ({@link DocumentActions}, shared with the File menu) and
 * the comparison with a measured spectrum. Every edit goes through the {@link LibraryDocument} and is undoable;
 * every question to the user goes through {@link Dialogs}. UI-thread confined.
 */
public final class LibraryViewModel {

    /** The id of the Explore view, where "Open in Explore" navigates. */
    public static final String EXPLORE_VIEW = ViewIds.EXPLORE;

    private final WorkbenchSession session;
    private final LibraryDocument document;
    private final DocumentActions documents;
    private final Dialogs dialogs;
    private final StatusLine status;
    private final Navigator navigator;
    private final ObservableList<MineralRow> rows = FXCollections.observableArrayList();
    private final BooleanBinding hasSelection;
    private final CompareModel compare;

    public LibraryViewModel(WorkbenchContext context) {
        this.session = context.session();
        this.document = session.document();
        this.documents = context.documents();
        this.dialogs = context.dialogs();
        this.status = context.status();
        this.navigator = context.navigator();
        this.compare = new CompareModel(session, context.tasks(), documents);
        hasSelection = Bindings.createBooleanBinding(() -> document.currentMineral().isPresent(),
                document.currentProperty(), document.libraryProperty());
        document.libraryProperty().addListener(obs -> syncRows());
        syncRows();
    }

    private void syncRows() {
        List<MineralRow> list = new ArrayList<>();
        for (Mineral m : document.library().minerals()) {
            list.add(MineralRow.of(m));
        }
        if (!list.equals(rows)) {
            rows.setAll(list);
        }
    }

    // ------------------------------------------------------------------ entry actions

    /** Asks for a new name for the selected entry. */
    public void rename() {
        Optional<Mineral> m = document.currentMineral();
        if (m.isEmpty()) {
            return;
        }
        Optional<String> name = dialogs.askText("Rename mineral", "New name for " + m.get().name() + ":",
                m.get().name());
        if (name.isEmpty()) {
            return;
        }
        String problem = document.renameProblem(m.get().name(), name.get());
        if (problem != null) {
            dialogs.showError("Rename mineral", problem);
            return;
        }
        document.renameMineral(m.get().name(), name.get());
    }

    /** Asks for the selected entry's group (used for group sums when unmixing). */
    public void editCategory() {
        Optional<Mineral> m = document.currentMineral();
        if (m.isEmpty()) {
            return;
        }
        dialogs.askText("Mineral group", "Group of " + m.get().name() + " (e.g. feldspar, pyroxene):",
                m.get().category()).ifPresent(c -> document.setCategory(m.get().name(), c));
    }

    /** Deletes the selected entry (undoable, so no confirmation). */
    public void delete() {
        document.currentMineral().ifPresent(m -> {
            document.removeMineral(m.name());
            status.post("Deleted " + m.name() + " (Edit \u25b8 Undo brings it back)");
        });
    }

    /** Shows the selected entry in the Explore view. */
    public void openInExplore() {
        if (document.currentMineral().isPresent()) {
            navigator.show(EXPLORE_VIEW);
        }
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<MineralRow> rows() {
        return rows;
    }

    /** The selected entry's name; the same property as the document's current mineral. */
    public StringProperty selectedNameProperty() {
        return document.currentProperty();
    }

    /** Rename, delete, open in Explore, compare: need a selected entry. */
    public BooleanBinding hasSelectionBinding() {
        return hasSelection;
    }

    /** Open, import, save, export (the same actions as the File menu). */
    public DocumentActions documents() {
        return documents;
    }

    public CompareModel compare() {
        return compare;
    }

    public LibraryDocument document() {
        return document;
    }

    public WorkbenchSession session() {
        return session;
    }
}
