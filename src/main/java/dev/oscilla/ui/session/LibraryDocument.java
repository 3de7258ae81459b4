package dev.oscilla.ui.session;

import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.ui.common.CommandHistory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The document the workbench edits: one oscillator library (immutable {@link MineralLibrary} snapshots), the file
 * it belongs to, the mineral the views currently work on, the working copies the views edit ({@link Draft}s: the
 * Explore view's edited entries, the Fit view's model), and the undo history of every edit made to any of them (from
 * any view: a slider in Explore, a fit, a rename in Library).
 *
 * <p>Each edit replaces the state (library snapshot and working copies) and records a {@link LibraryChange} holding
 * the states before and after (minerals are immutable and shared between snapshots, so this costs a few references
 * per step). Undo and redo also bring the edited mineral back into view. The library counts as modified when it
 * differs from what was last opened or saved; working copies are not the library, so editing them does not mark it
 * (they are kept with the session instead). UI-thread confined.
 */
public final class LibraryDocument {

    /** Undo steps kept. */
    public static final int HISTORY_LIMIT = 1000;

    private final ReadOnlyObjectWrapper<MineralLibrary> library = new ReadOnlyObjectWrapper<>(this, "library");
    private final ReadOnlyObjectWrapper<Map<String, Draft>> drafts = new ReadOnlyObjectWrapper<>(this, "drafts",
            Map.of());
    private final ReadOnlyBooleanWrapper modified = new ReadOnlyBooleanWrapper(this, "modified");
    private final ReadOnlyObjectWrapper<String> touchedSlot = new ReadOnlyObjectWrapper<>(this, "touchedSlot");
    /** What is on disk (or was opened), or null when the library was restored unsaved. */
    private MineralLibrary saved;
    /** The state as last set (the "before" of the next change, so consecutive steps of a drag can merge). */
    private LibraryChange.State state;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final StringProperty current = new SimpleStringProperty(this, "current");
    private final CommandHistory history = new CommandHistory(HISTORY_LIMIT);
    private final StringBinding displayName;

    public LibraryDocument(MineralLibrary initial, Path initialFile) {
        library.set(Objects.requireNonNull(initial));
        saved = initial;
        library.addListener(obs -> updateModified());
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
            if (command instanceof LibraryChange change) {
                if (change.focus() != null && library.get().find(change.focus()).isPresent()) {
                    current.set(library.get().find(change.focus()).get().name());
                }
                if (change.slot() != null) {
                    touchedSlot.set(null);
                    touchedSlot.set(change.slot());
                }
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

    /** True when the library differs from what was last opened or saved (working copies do not count). */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified.getReadOnlyProperty();
    }

    public boolean isModified() {
        return modified.get();
    }

    private void updateModified() {
        MineralLibrary now = library.get();
        modified.set(now != saved && !now.equals(saved));
    }

    // ---- working copies

    /** The working copies by slot (a name each view chooses); immutable. */
    public Map<String, Draft> drafts() {
        return drafts.get();
    }

    public ReadOnlyObjectProperty<Map<String, Draft>> draftsProperty() {
        return drafts.getReadOnlyProperty();
    }

    public Optional<Draft> draft(String slot) {
        return Optional.ofNullable(drafts.get().get(slot));
    }

    /**
     * The working copy of the last undo or redo that concerned one (its slot), so the application can bring its view
     * forward; set to null and back for every such step.
     */
    public ReadOnlyObjectProperty<String> touchedSlotProperty() {
        return touchedSlot.getReadOnlyProperty();
    }

    /**
     * Sets (or with null removes) the working copy in {@code slot}: one undo step, or merged into the previous one with
     * the same non-null key (one slider drag).
     */
    public void setDraft(String slot, Draft draft, String label, Object mergeKey) {
        Objects.requireNonNull(slot);
        Draft old = drafts.get().get(slot);
        if (Objects.equals(old, draft)) {
            return;
        }
        Map<String, Draft> next = new LinkedHashMap<>(drafts.get());
        if (draft == null) {
            next.remove(slot);
        } else {
            next.put(slot, draft);
        }
        String focus = draft != null && draft.origin() != null ? draft.origin()
                : old != null && old.origin() != null ? old.origin() : null;
        apply(label, library.get(), Collections.unmodifiableMap(next), focus, focus, slot, mergeKey);
    }

    /** Edits the mineral of the working copy in {@code slot} (which must exist); see {@link #setDraft}. */
    public void editDraft(String slot, UnaryOperator<Mineral> change, String label, Object mergeKey) {
        Draft d = draft(slot).orElseThrow(() -> new IllegalArgumentException("no working copy '" + slot + "'"));
        Mineral after = change.apply(d.mineral());
        if (!after.equals(d.mineral())) {
            setDraft(slot, d.withMineral(after), label, mergeKey);
        }
    }

    /**
     * Puts the working copy in {@code slot} into the library in place of its origin (under the origin's name): one
     * undo step. The working copy stays (the Fit view keeps working on its model) or goes (the Explore view then
     * shows the entry itself).
     */
    public void applyDraft(String slot, boolean keepDraft, String label) {
        Draft d = draft(slot).orElseThrow(() -> new IllegalArgumentException("no working copy '" + slot + "'"));
        if (d.origin() == null || library.get().find(d.origin()).isEmpty()) {
            throw new IllegalArgumentException("the working copy has no library entry to replace");
        }
        Mineral entry = library.get().require(d.origin());
        Mineral replacement = d.mineral().withName(entry.name());
        List<Mineral> list = new ArrayList<>(library.get().minerals());
        list.replaceAll(m -> m == entry ? replacement : m);
        Map<String, Draft> next = new LinkedHashMap<>(drafts.get());
        if (keepDraft) {
            next.put(slot, new Draft(replacement, entry.name()));
        } else {
            next.remove(slot);
        }
        apply(label, library.get().withMinerals(list), Collections.unmodifiableMap(next), entry.name(), entry.name(),
                slot, null);
    }

    /**
     * Adds the working copy in {@code slot} to the library as a new entry named {@code name} (which must be free) in
     * group {@code category}: one undo step. The working copy stays, now with the new entry as its origin, or goes.
     *
     * @return the entry added
     */
    public Mineral addDraftToLibrary(String slot, String name, String category, boolean keepDraft, String label) {
        Draft d = draft(slot).orElseThrow(() -> new IllegalArgumentException("no working copy '" + slot + "'"));
        String problem = renameProblem(null, name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Mineral added = d.mineral().withName(name.trim()).withCategory(category == null ? "" : category.trim());
        Map<String, Draft> next = new LinkedHashMap<>(drafts.get());
        if (keepDraft) {
            next.put(slot, new Draft(added, added.name()));
        } else {
            next.remove(slot);
        }
        apply(label, library.get().with(added), Collections.unmodifiableMap(next), current.get(), added.name(), slot,
                null);
        return added;
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
        apply(label, library.get().with(after), drafts.get(), before.name(), before.name(), null, mergeKey);
    }

    /** Adds a mineral (its name must be unused) and makes it current. */
    public void addMineral(Mineral mineral, String label) {
        if (library.get().find(mineral.name()).isPresent()) {
            throw new IllegalArgumentException("the library already has a mineral named '" + mineral.name() + "'");
        }
        apply(label, library.get().with(mineral), drafts.get(), current.get(), mineral.name(), null, null);
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
            apply(label, lib, drafts.get(), current.get(), names.get(0), null, null);
        }
        return names;
    }

    /**
     * Problem with renaming {@code oldName} to {@code newName} (or, with a null old name, with adding an entry of that
     * name), or null when the name is fine.
     */
    public String renameProblem(String oldName, String newName) {
        if (newName == null || newName.isBlank()) {
            return "A mineral needs a name.";
        }
        Optional<Mineral> clash = library.get().find(newName.trim());
        if (clash.isPresent() && (oldName == null || !clash.get().name().equalsIgnoreCase(oldName))) {
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
        apply("rename " + before.name() + " to " + target, library.get().withMinerals(list),
                retarget(before.name(), target), before.name(), target, null, null);
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
        apply(label, library.get().withMinerals(list), before.name().equals(after.name()) ? drafts.get()
                : retarget(before.name(), after.name()), before.name(), after.name(), null, null);
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
        apply("delete " + gone.name(), after, retarget(gone.name(), null), gone.name(), focus, null, null);
    }

    /** The working copies with every origin {@code from} changed to {@code to} (null: the entry is gone). */
    private Map<String, Draft> retarget(String from, String to) {
        Map<String, Draft> next = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, Draft> e : drafts.get().entrySet()) {
            Draft d = e.getValue();
            if (d.origin() != null && d.origin().equals(from)) {
                d = d.withOrigin(to);
                changed = true;
            }
            next.put(e.getKey(), d);
        }
        return changed ? Collections.unmodifiableMap(next) : drafts.get();
    }

    /**
     * @param focusOnUndo the mineral to show when this edit is undone (the one it changed, as it was)
     * @param focusAfter  the mineral to show now and when the edit is redone
     * @param slot        the working copy the edit concerns, or null
     */
    private void apply(String label, MineralLibrary after, Map<String, Draft> draftsAfter, String focusOnUndo,
                       String focusAfter, String slot, Object mergeKey) {
        LibraryChange.State before = state != null && state.library() == library.get()
                && state.drafts() == drafts.get() ? state : new LibraryChange.State(library.get(), drafts.get());
        LibraryChange.State next = new LibraryChange.State(after, draftsAfter);
        LibraryChange change = new LibraryChange(this, label, before, next, focusOnUndo, focusAfter, slot, mergeKey);
        setState(next, focusAfter);
        history.record(change);
    }

    void setState(LibraryChange.State state, String focus) {
        this.state = state;
        drafts.set(state.drafts());
        MineralLibrary lib = state.library();
        library.set(lib);
        if (focus != null && lib.find(focus).isPresent()) {
            current.set(lib.find(focus).get().name());
        } else if (current.get() != null && lib.find(current.get()).isEmpty()) {
            current.set(lib.size() > 0 ? lib.get(0).name() : null);
        }
    }

    // ---- life cycle (not undoable: opening a file starts a new history)

    /**
     * Makes {@code lib} the document (File > Open, restore after a crash, the bundled samples at start). Working
     * copies stay (they are the user's work); those whose entry the new library lacks become new minerals.
     *
     * @param modified true when the content is not what {@code source} holds (a restored session)
     */
    public void replace(MineralLibrary lib, Path source, boolean modified, String focus) {
        replace(lib, source, modified, focus, null);
    }

    /** As {@link #replace(MineralLibrary, Path, boolean, String)}, with the working copies given (a restored session). */
    public void replace(MineralLibrary lib, Path source, boolean modified, String focus, Map<String, Draft> copies) {
        Map<String, Draft> next = new LinkedHashMap<>();
        for (Map.Entry<String, Draft> e : (copies != null ? copies : drafts.get()).entrySet()) {
            Draft d = e.getValue();
            next.put(e.getKey(), d.origin() != null && lib.find(d.origin()).isEmpty() ? d.withOrigin(null) : d);
        }
        drafts.set(Collections.unmodifiableMap(next));
        saved = modified ? null : lib;
        library.set(Objects.requireNonNull(lib));
        updateModified();
        file.set(source);
        String f = focus != null && lib.find(focus).isPresent() ? lib.find(focus).get().name()
                : lib.size() > 0 ? lib.get(0).name() : null;
        current.set(f);
        history.reset(modified);
    }

    /** {@code snapshot} (a library state taken when a background save started) is now in {@code savedTo}. */
    public void markSaved(Path savedTo, MineralLibrary snapshot) {
        file.set(savedTo);
        saved = snapshot;
        updateModified();
    }

    @Override
    public String toString() {
        return "LibraryDocument[" + displayName.get() + (isModified() ? ", modified" : "") + ", "
                + library.get().size() + " minerals, current " + current.get() + "]";
    }
}
