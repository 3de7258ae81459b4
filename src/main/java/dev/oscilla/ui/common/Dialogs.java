package dev.oscilla.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything a view-model asks the user. The application implements it with JavaFX dialogs and file choosers;
 * tests with scripted answers, so every decision path of a view-model is testable without windows.
 */
public interface Dialogs {

    /** A file type offered in a file chooser, e.g. ("Oscilla library", "*.json"). */
    record FileType(String description, List<String> patterns) {
        public FileType(String description, String... patterns) {
            this(description, List.of(patterns));
        }
    }

    /** The answer to "you have unsaved changes". */
    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    Optional<Path> chooseFileToOpen(String title, List<FileType> types);

    Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types);

    void showError(String title, String message);

    /**
     * What to tell the user about a failed task: the message of a reader's or a validator's exception as it is
     * (they name the file, line and problem), otherwise the first message along the cause chain, otherwise the
     * exception itself.
     */
    static String describe(Throwable error) {
        if (error instanceof dev.oscilla.io.SpectralFileException || error instanceof IllegalArgumentException) {
            return error.getMessage() != null ? error.getMessage() : String.valueOf(error);
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof dev.oscilla.io.SpectralFileException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return String.valueOf(error);
    }

    /** True when the user picks {@code confirmLabel}, false for {@code declineLabel} or closing the dialog. */
    boolean confirm(String title, String message, String confirmLabel, String declineLabel);

    /** A line of text, or empty when cancelled. */
    Optional<String> askText(String title, String prompt, String initial);

    UnsavedChoice askUnsavedChanges(String message);
}
