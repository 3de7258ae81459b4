package dev.oscilla.ui.fit;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.ParameterBounds;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.mineral.MineralEdits;
import dev.oscilla.ui.session.Draft;
import dev.oscilla.ui.session.LibraryDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Fit view's model: a working copy ({@link Draft}, slot {@value #SLOT} of the document), never a library entry.
 * It starts from a library entry (a copy) or empty; an auto-fit makes a new one, a re-fit or a knob edits it, each
 * one undo step. Only {@link #addToLibrary} (a new entry, asking its name and group) and {@link #replaceInLibrary}
 * (the entry it started from, explicitly) put it into the library, so a fit never overwrites a saved mineral.
 * UI-thread confined.
 */
final class WorkingModel {

    /** The document slot of the Fit view's working copy. */
    static final String SLOT = "fit";

    private final LibraryDocument document;
    private final FitSetup setup;
    private final Dialogs dialogs;
    private final StatusLine status;
    private final ReadOnlyObjectWrapper<Mineral> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper(this, "origin");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");
    private final ReadOnlyBooleanWrapper inLibrary = new ReadOnlyBooleanWrapper(this, "inLibrary");
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final BooleanBinding canReplace;

    WorkingModel(LibraryDocument document, FitSetup setup, Dialogs dialogs, StatusLine status) {
        this.document = document;
        this.setup = setup;
        this.dialogs = dialogs;
        this.status = status;
        canReplace = Bindings.createBooleanBinding(() -> model.get() != null && origin.get() != null
                && !inLibrary.get(), model, origin, inLibrary);
        document.draftsProperty().addListener(obs -> refresh());
        document.libraryProperty().addListener(obs -> refresh());
        refresh();
    }

    /** Re-reads the document (and the spectrum, which names a new model). */
    void refresh() {
        List<String> names = new ArrayList<>();
        for (Mineral m : document.library().minerals()) {
            if (!m.isBlackbody()) {
                names.add(m.name());
            }
        }
        if (!names.equals(choices)) {
            choices.setAll(names);
        }
        Optional<Draft> d = document.draft(SLOT);
        Mineral m = d.map(Draft::mineral).orElse(null);
        String o = d.map(Draft::origin).orElse(null);
        if (m != model.get()) {
            model.set(m);
        }
        origin.set(o);
        name.set(m != null ? m.name() : proposedName());
        Optional<Mineral> entry = o == null ? Optional.empty() : document.library().find(o);
        inLibrary.set(m != null && entry.isPresent() && sameModel(entry.get(), m));
        if (m == null) {
            info.set("New model \u201c" + name.get() + "\u201d: run the auto-fit, or start from a library entry.");
        } else {
            int modes = m.modes().size();
            String size = m.oscillatorCount() + " band" + (m.oscillatorCount() == 1 ? "" : "s") + " in " + modes
                    + " mode" + (modes == 1 ? "" : "s");
            info.set(size + " \u00b7 " + (o == null ? "not in the library: Add to library\u2026 keeps it"
                    : entry.isEmpty() ? "from " + o + ", which is no longer in the library"
                    : inLibrary.get() ? "the same as library entry " + o
                    : "from library entry " + o + ", changed here (the entry is unchanged)"));
        }
    }

    /** Same parameters, bounds and modes (names and notes may differ). */
    private static boolean sameModel(Mineral a, Mineral b) {
        return a.modes().equals(b.modes()) && Objects.equals(a.bounds(), b.bounds());
    }

    /** The name a new model gets: the spectrum's, with " fit". */
    String proposedName() {
        Spectrum s = setup.spectrum();
        return (s == null ? "Fitted mineral" : s.name()) + " fit";
    }

    /** Starts from a copy of the library entry {@code entryName}: one undo step. */
    void startFrom(String entryName) {
        Optional<Mineral> m = document.library().find(entryName);
        if (m.isEmpty() || m.get().isBlackbody()) {
            return;
        }
        Optional<Draft> now = document.draft(SLOT);
        if (now.isPresent() && now.get().mineral().equals(m.get()) && entryName.equals(now.get().origin())) {
            return;
        }
        document.setDraft(SLOT, new Draft(m.get(), m.get().name()), "start the fit model from " + m.get().name(),
                null);
    }

    /** No model: the next auto-fit makes one. One undo step. */
    void clear() {
        if (document.draft(SLOT).isPresent()) {
            document.setDraft(SLOT, null, "new fit model", null);
        }
    }

    /** A fit's result becomes the model (one undo step); {@code keepOrigin} for a re-fit of the model. */
    void fitted(Mineral result, String label, boolean keepOrigin) {
        String o = keepOrigin ? origin.get() : null;
        document.setDraft(SLOT, new Draft(result, o), label, null);
    }

    /** Sets parameter {@code index} (one step, merged over one slider drag). */
    void editParameter(int index, double value, Object mergeKey, String label) {
        if (model.get() != null) {
            document.editDraft(SLOT, x -> MineralEdits.withParameter(x, index, value), label, mergeKey);
        }
    }

    void setBounds(ParameterBounds bounds, String label) {
        if (model.get() != null) {
            document.editDraft(SLOT, x -> x.withBounds(bounds), label, null);
        }
    }

    /** Adds the model to the library as a new entry (asks its name and group): one undo step. */
    void addToLibrary() {
        Mineral m = model.get();
        if (m == null) {
            return;
        }
        Optional<String> chosen = dialogs.askText("Add to library", "Name of the fitted mineral in the library:",
                document.uniqueName(m.name()));
        if (chosen.isEmpty()) {
            return;
        }
        String problem = document.renameProblem(null, chosen.get());
        if (problem != null) {
            dialogs.showError("Add to library", problem);
            return;
        }
        Optional<String> group = dialogs.askText("Add to library", "Mineral group of " + chosen.get().trim()
                + " (e.g. feldspar, carbonate; used for group sums when unmixing):", m.category());
        if (group.isEmpty()) {
            return;
        }
        Mineral added = document.addDraftToLibrary(SLOT, chosen.get().trim(), group.get(), true,
                "add " + chosen.get().trim() + " to the library");
        status.post("Added " + added.name() + " to the library" + (added.category().isBlank() ? ""
                : " (group " + added.category() + ")") + "; File \u25b8 Save writes the library to disk.");
    }

    /** Replaces the library entry the model started from with the model (explicit, one undo step). */
    void replaceInLibrary() {
        if (!canReplace.get() || document.library().find(origin.get()).isEmpty()) {
            return;
        }
        String o = origin.get();
        document.applyDraft(SLOT, true, "replace " + o + " in the library with the fit model");
        status.post("Replaced " + o + " in the library with the fit model (Edit \u25b8 Undo brings it back).");
    }

    /** The model, or null when there is none yet. */
    ReadOnlyObjectProperty<Mineral> modelProperty() {
        return model.getReadOnlyProperty();
    }

    Mineral model() {
        return model.get();
    }

    /** The model's name (or the one a new model will get). */
    ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** The library entry the model came from (and would replace), or null. */
    ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    /** One line: its size and how it stands to the library. */
    ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** True when the model equals the entry it came from. */
    ReadOnlyBooleanProperty inLibraryProperty() {
        return inLibrary.getReadOnlyProperty();
    }

    /** Library entries a model can start from (every entry but blackbodies). */
    ObservableList<String> choices() {
        return choices;
    }

    BooleanBinding canReplaceBinding() {
        return canReplace;
    }
}
