package dev.oscilla.ui.unmix;

import dev.oscilla.physics.Mineral;
import dev.oscilla.spectrum.Blackbody;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.ui.session.LibraryDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The candidate endmembers of the Unmix view: the open library's minerals or the measured library's spectra (the
 * blackbody excluded: the blackbody option adds it), each used or not, forced or not. The list follows its source;
 * the choices made for a name survive edits of the library. Warns when endmembers have no group (group sums and
 * scores then go per endmember). UI-thread confined.
 */
final class EndmemberChoices {

    private final LibraryDocument document;
    private final UnmixInputs inputs;
    private final Runnable changed;
    private final ObservableList<EndmemberChoice> list = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper groupWarning = new ReadOnlyStringWrapper(this, "groupWarning", "");

    /** @param changed told when a choice (used, forced) or the list changes */
    EndmemberChoices(LibraryDocument document, UnmixInputs inputs, Runnable changed) {
        this.document = document;
        this.inputs = inputs;
        this.changed = changed;
        inputs.sourceProperty().addListener(obs -> sync());
        inputs.measuredLibraryProperty().addListener(obs -> sync());
        document.libraryProperty().addListener(obs -> sync());
        sync();
    }

    private void sync() {
        Map<String, EndmemberChoice> old = new HashMap<>();
        for (EndmemberChoice c : list) {
            old.put(c.name(), c);
        }
        List<EndmemberChoice> fresh = new ArrayList<>();
        if (inputs.sourceProperty().get() == UnmixViewModel.Source.LIBRARY) {
            for (Mineral m : document.library().minerals()) {
                if (!m.isBlackbody()) {
                    fresh.add(keep(old, m.name(), m.category()));
                }
            }
        } else if (inputs.measuredLibraryProperty().get() != null) {
            SpectrumSet set = inputs.measuredLibraryProperty().get();
            for (int i = 0; i < set.size(); i++) {
                String category = i < set.categories().size() ? set.categories().get(i) : "";
                if (!Blackbody.isNamed(set.get(i).name(), category)) {
                    fresh.add(keep(old, set.get(i).name(), category));
                }
            }
        }
        boolean same = fresh.size() == list.size();
        for (int i = 0; same && i < fresh.size(); i++) {
            same = fresh.get(i) == list.get(i);
        }
        if (!same) {
            list.setAll(fresh);
        }
        long ungrouped = fresh.stream().filter(c -> c.group().isBlank()).count();
        groupWarning.set(ungrouped == 0 ? "" : ungrouped + " endmember" + (ungrouped == 1 ? " has" : "s have")
                + " no group: group sums and scores use " + (ungrouped == 1 ? "its name" : "their names") + ". "
                + (inputs.sourceProperty().get() == UnmixViewModel.Source.LIBRARY
                ? "Assign groups in the Library view (Group\u2026, or import them from a meta CSV)."
                : "A meta file with a category column gives the groups."));
        changed.run();
    }

    private EndmemberChoice keep(Map<String, EndmemberChoice> old, String name, String group) {
        EndmemberChoice c = old.get(name);
        if (c != null && c.group().equals(group)) {
            return c;
        }
        EndmemberChoice fresh = new EndmemberChoice(name, group == null ? "" : group);
        if (c != null) {
            fresh.usedProperty().set(c.usedProperty().get());
            fresh.forcedProperty().set(c.forcedProperty().get());
        }
        fresh.usedProperty().addListener(obs -> changed.run());
        fresh.forcedProperty().addListener(obs -> changed.run());
        return fresh;
    }

    ObservableList<EndmemberChoice> list() {
        return list;
    }

    /** Names of the endmembers in use, in list order. */
    List<String> used() {
        return list.stream().filter(c -> c.usedProperty().get()).map(EndmemberChoice::name).toList();
    }

    /** Names of the forced endmembers in use. */
    List<String> forced() {
        return list.stream().filter(c -> c.usedProperty().get() && c.forcedProperty().get())
                .map(EndmemberChoice::name).toList();
    }

    /** Endmembers without a group, said once; empty when every endmember has one. */
    ReadOnlyStringProperty groupWarningProperty() {
        return groupWarning.getReadOnlyProperty();
    }
}
