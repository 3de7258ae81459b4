package dev.oscilla.ui.testing;

import dev.oscilla.ui.common.Dialogs;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * {@link Dialogs} with answers queued by the test. Asking a question nobody scripted fails the test (an
 * unexpected dialog is a bug), and every message and question is recorded.
 */
public final class ScriptedDialogs implements Dialogs {

    private final Deque<Optional<Path>> files = new ArrayDeque<>();
    private final Deque<Boolean> confirmations = new ArrayDeque<>();
    private final Deque<Optional<String>> texts = new ArrayDeque<>();
    private final Deque<UnsavedChoice> unsaved = new ArrayDeque<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();

    public ScriptedDialogs file(Path path) {
        files.add(Optional.ofNullable(path));
        return this;
    }

    public ScriptedDialogs cancelFile() {
        files.add(Optional.empty());
        return this;
    }

    public ScriptedDialogs confirm(boolean answer) {
        confirmations.add(answer);
        return this;
    }

    public ScriptedDialogs text(String answer) {
        texts.add(Optional.ofNullable(answer));
        return this;
    }

    public ScriptedDialogs unsaved(UnsavedChoice answer) {
        unsaved.add(answer);
        return this;
    }

    /** True when every scripted answer was used. */
    public boolean allAnswersUsed() {
        return files.isEmpty() && confirmations.isEmpty() && texts.isEmpty() && unsaved.isEmpty();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        questions.add("open: " + title);
        return next(files, title);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        questions.add("save: " + title + " [" + suggestedName + "]");
        return next(files, title);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel, String declineLabel) {
        questions.add("confirm: " + title + " " + message);
        return next(confirmations, title);
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        questions.add("text: " + title);
        return next(texts, title);
    }

    @Override
    public UnsavedChoice askUnsavedChanges(String message) {
        questions.add("unsaved: " + message);
        return next(unsaved, message);
    }

    private static <T> T next(Deque<T> answers, String question) {
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected dialog: " + question);
        }
        return answers.removeFirst();
    }
}
