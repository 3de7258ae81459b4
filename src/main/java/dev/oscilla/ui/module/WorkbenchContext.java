package dev.oscilla.ui.module;

import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.common.Navigator;
import dev.oscilla.ui.common.PlotExporter;
import dev.oscilla.ui.common.Scheduler;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.session.DocumentActions;
import dev.oscilla.ui.session.WorkbenchSession;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The services a workbench view is built from. Every view-model takes what it needs from here, so a test (or a
 * new view) gets the same wiring with fakes: a {@link dev.oscilla.ui.common.SynchronousTaskRunner}, scripted
 * {@link Dialogs}, a manual {@link Scheduler}.
 *
 * @param session   the shared document and open spectra
 * @param documents the document's file actions (open, import, save, export)
 * @param tasks     the one background executor
 * @param scheduler timers on the UI thread
 * @param dialogs   questions to the user
 * @param status    the status line
 * @param navigator brings a view to the front by id
 * @param plots     PNG/CSV export of any plot
 * @param configDir the user's configuration folder (recovery file, extracted samples)
 */
public record WorkbenchContext(WorkbenchSession session, DocumentActions documents, TaskRunner tasks,
                               Scheduler scheduler, Dialogs dialogs, StatusLine status, Navigator navigator,
                               PlotExporter plots, Path configDir) {

    public WorkbenchContext {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(dialogs, "dialogs");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(navigator, "navigator");
        Objects.requireNonNull(plots, "plots");
        Objects.requireNonNull(configDir, "configDir");
    }
}
