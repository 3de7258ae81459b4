package dev.oscilla.ui.session;

import dev.oscilla.io.AtomicFiles;
import dev.oscilla.ui.common.LatestWins;
import dev.oscilla.ui.common.TaskRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The files opened lately (newest first, at most {@link #LIMIT}), remembered across sessions in a small text file
 * (one absolute path per line) in the configuration folder. The file is read and written in the background; writes
 * go latest-wins, so an older list never overwrites a newer one. UI-thread confined.
 */
public final class RecentFiles {

    public static final int LIMIT = 8;

    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> view = FXCollections.unmodifiableObservableList(files);
    private final LatestWins<List<Path>, Boolean> writer;
    private final Path store;

    /**
     * @param store where the list is kept, or null to keep it in memory only
     */
    public RecentFiles(Path store, TaskRunner tasks) {
        this.store = store;
        Objects.requireNonNull(tasks);
        writer = new LatestWins<>(tasks, "save recent files", (list, context) -> {
            StringBuilder sb = new StringBuilder();
            for (Path p : list) {
                sb.append(p.toAbsolutePath()).append('\n');
            }
            AtomicFiles.writeString(store, sb.toString());
            return true;
        }, ok -> { }, error -> { }); // losing the recent list is not worth a dialog
        if (store != null) {
            tasks.submit("read recent files", () -> read(store), this::loaded, error -> { });
        }
    }

    private static List<Path> read(Path store) throws java.io.IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isRegularFile(store)) {
            return out;
        }
        for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
            String t = line.trim();
            if (!t.isEmpty() && out.size() < LIMIT) {
                try {
                    out.add(Paths.get(t));
                } catch (java.nio.file.InvalidPathException e) {
                    // a line that is no path (edited by hand): skipped
                }
            }
        }
        return out;
    }

    /** Files opened while the stored list was being read come first. */
    private void loaded(List<Path> stored) {
        List<Path> merged = new ArrayList<>(files);
        for (Path p : stored) {
            if (!merged.contains(p) && merged.size() < LIMIT) {
                merged.add(p);
            }
        }
        files.setAll(merged);
    }

    /** {@code file} was opened: it moves to the top. */
    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(files);
        list.remove(p);
        list.add(0, p);
        while (list.size() > LIMIT) {
            list.remove(list.size() - 1);
        }
        files.setAll(list);
        save();
    }

    /** {@code file} could not be opened any more (moved, deleted): it leaves the list. */
    public void remove(Path file) {
        if (files.remove(file.toAbsolutePath().normalize())) {
            save();
        }
    }

    private void save() {
        if (store != null) {
            writer.request(List.copyOf(files));
        }
    }

    /** Newest first. */
    public ObservableList<Path> files() {
        return view;
    }
}
