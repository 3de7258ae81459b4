package dev.oscilla.ui.session;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.ui.common.CommandHistory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The document the workbench edits: one oscillator library (immutable {@link MineralLibrary} snapshots), the file
 * it belongs to, the mineral the views currently work on, and the undo history of every edit made to it (from
 * any view: a slider in Explore, a rename in Library).
 *
 * <p>Each edit replaces the library snapshot and records a {@link LibraryChange} holding the snapshots before
 * and after (minerals are immutable and shared between snapshots, so this costs a list of references per step).
 * Undo and redo also bring the edited mineral back into view. UI-thread confined.
 */
public final class LibraryDocument {

    /** Undo steps kept. */
    public static final int HISTORY_LIMIT = 1000;

    private final ReadOnlyObjectWrapper<MineralLibrary> library = new ReadOnlyObjectWrapper<>(this, "library");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final StringProperty current = new SimpleStringProperty(this, "current");
    private final CommandHistory history = new CommandHistory(HISTORY_LIMIT);
    private final StringBinding displayName;

    public LibraryDocument(MineralLibrary initial, Path initialFile) {
        library.set(Objects.requireNonNull(initial));
        file.set(initialFile);
        current.set(initial.size() > 0 ? initial.get(0).name() : null);
        displayName = Bindings.createStringBinding(() -> {
            Path f = file.get();
            if (f != null) {
                return f.getFileName().toString();
            }
            String n = library.get().name();
            return n.isBlank() ? "Untitled library" : n;
        }, file, library);
        history.setOnUndoRedo(command -> {
            if (command instanceof LibraryChange change && change.focus() != null
                    && library.get().find(change.focus()).isPresent()) {
                current.set(library.get().find(change.focus()).get().name());
            }
        });
    }

    // ---- queries

    public MineralLibrary library() {
        return library.get();
    }

    public ReadOnlyObjectProperty<MineralLibrary> libraryProperty() {
        return library.getReadOnlyProperty();
    }

    /** The file this library was opened from or last saved to; null for the bundled samples or a new library. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }

    /** Name of the mineral the views work on (Explore edits it, Library highlights it); null for none. */
    public StringProperty currentProperty() {
        return current;
    }

    public Optional<Mineral> currentMineral() {
        String name = current.get();
        return name == null ? Optional.empty() : library.get().find(name);
    }

    public CommandHistory history() {
        return history;
    }

    public ReadOnlyBooleanProperty modifiedProperty() {
        return history.modifiedProperty();
    }

    public boolean isModified() {
        return history.isModified();
    }

    /** File name, or library title, for the window title. */
    public StringBinding displayNameProperty() {
        return displayName;
    }

    /** {@code base}, or {@code base (2)}, {@code base (3)}... whichever is free in the library. */
    public String uniqueName(String base) {
        String b = base == null || base.isBlank() ? "Mineral" : base.trim();
        if (library.get().find(b).isEmpty()) {
            return b;
        }
        for (int i = 2; ; i++) {
            String candidate = b + " (" + i + ")";
            if (library.get().find(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    // ---- edits (each one undo step, or merged into the previous one when the merge keys match)

    /**
     * Replaces the mineral {@code name} with {@code change.apply(it)} (the result must keep the name).
     *
     * @param mergeKey non-null to merge with the previous edit carrying the same key (one slider drag)
     */
    public void editMineral(String name, UnaryOperator<Mineral> change, String label, Object mergeKey) {
        Mineral before = library.get().require(name);
        Mineral after = change.apply(before);
        if (!after.name().equalsIgnoreCase(before.name())) {
            throw new IllegalArgumentException("editMineral cannot rename; use renameMineral");
        }
        if (after.equals(before)) {
            return;
        }
        apply(label, library.get().with(after), before.name(), before.name(), mergeKey);
    }

    /** Adds a mineral (its name must be unused) and makes it current. */
    public void addMineral(Mineral mineral, String label) {
        if (library.get().find(mineral.name()).isPresent()) {
            throw new IllegalArgumentException("the library already has a mineral named '" + mineral.name() + "'");
        }
        apply(label, library.get().with(mineral), current.get(), mineral.name(), null);
    }

    /**
     * Adds minerals as one undo step, renaming any whose name is taken ({@code Calcite (2)}); returns the names
     * used, in order.
     */
    public List<String> addMinerals(List<Mineral> minerals, String label) {
        MineralLibrary lib = library.get();
        List<String> names = new ArrayList<>();
        for (Mineral m : minerals) {
            String name = m.name();
            if (lib.find(name).isPresent()) {
                String b = name;
                int i = 2;
                while (lib.find(b + " (" + i + ")").isPresent()) {
                    i++;
                }
                name = b + " (" + i + ")";
            }
            lib = lib.with(m.withName(name));
            names.add(name);
        }
        if (!names.isEmpty()) {
            apply(label, lib, current.get(), names.get(0), null);
        }
        return names;
    }

    /** Problem with renaming {@code oldName} to {@code newName}, or null when the rename is fine. */
    public String renameProblem(String oldName, String newName) {
        if (newName == null || newName.isBlank()) {
            return "A mineral needs a name.";
        }
        Optional<Mineral> clash = library.get().find(newName.trim());
        if (clash.isPresent() && !clash.get().name().equalsIgnoreCase(oldName)) {
            return "The library already has a mineral named \"" + clash.get().name() + "\".";
        }
        return null;
    }

    public void renameMineral(String oldName, String newName) {
        String problem = renameProblem(oldName, newName);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String target = newName.trim();
        Mineral before = library.get().require(oldName);
        if (before.name().equals(target)) {
            return;
        }
        List<Mineral> list = new ArrayList<>(library.get().minerals());
        list.replaceAll(m -> m == before ? m.withName(target) : m);
        apply("rename " + before.name() + " to " + target, library.get().withMinerals(list), before.name(), target,
                null);
    }

    /**
     * Replaces the mineral {@code oldName} by {@code after}, which may carry another name: one undo step for a rename
     * together with other changes (naming and filing a fitted model).
     */
    public void replaceMineral(String oldName, Mineral after, String label) {
        String problem = renameProblem(oldName, after.name());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Mineral before = library.get().require(oldName);
        if (after.equals(before)) {
            return;
        }
        List<Mineral> list = new ArrayList<>(library.get().minerals());
        list.replaceAll(m -> m == before ? after : m);
        apply(label, library.get().withMinerals(list), before.name(), after.name(), null);
    }

    /** Changes a mineral's group (used for group sums in unmixing). */
    public void setCategory(String name, String category) {
        editMineral(name, m -> m.withCategory(category == null ? "" : category.trim()),
                "change category of " + name, null);
    }

    public void removeMineral(String name) {
        MineralLibrary lib = library.get();
        Mineral gone = lib.require(name);
        int index = lib.minerals().indexOf(gone);
        MineralLibrary after = lib.without(gone.name());
        String focus = null;
        if (after.size() > 0) {
            focus = after.get(Math.min(index, after.size() - 1)).name();
        }
        apply("delete " + gone.name(), after, gone.name(), focus, null);
    }

    /**
     * @param focusOnUndo the mineral to show when this edit is undone (the one it changed, as it was)
     * @param focusAfter  the mineral to show now and when the edit is redone
     */
    private void apply(String label, MineralLibrary after, String focusOnUndo, String focusAfter, Object mergeKey) {
        MineralLibrary before = library.get();
        LibraryChange change = new LibraryChange(this, label, before, after, focusOnUndo, focusAfter, mergeKey);
        setState(after, focusAfter);
        history.record(change);
    }

    void setState(MineralLibrary lib, String focus) {
        library.set(lib);
        if (focus != null && lib.find(focus).isPresent()) {
            current.set(lib.find(focus).get().name());
        } else if (current.get() != null && lib.find(current.get()).isEmpty()) {
            current.set(lib.size() > 0 ? lib.get(0).name() : null);
        }
    }

    // ---- life cycle (not undoable: opening a file starts a new history)

    /**
     * Makes {@code lib} the document (File > Open, restore after a crash, the bundled samples at start).
     *
     * @param modified true when the content is not what {@code source} holds (a restored session)
     */
    public void replace(MineralLibrary lib, Path source, boolean modified, String focus) {
        library.set(Objects.requireNonNull(lib));
        file.set(source);
        String f = focus != null && lib.find(focus).isPresent() ? lib.find(focus).get().name()
                : lib.size() > 0 ? lib.get(0).name() : null;
        current.set(f);
        history.reset(modified);
    }

    /** The state identified by {@code stateId} (see {@link CommandHistory#stateId()}) is now in {@code savedTo}. */
    public void markSaved(Path savedTo, long stateId) {
        file.set(savedTo);
        history.markSaved(stateId);
    }

    @Override
    public String toString() {
        return "LibraryDocument[" + displayName.get() + (isModified() ? ", modified" : "") + ", "
                + library.get().size() + " minerals, current " + current.get() + "]";
    }
}
