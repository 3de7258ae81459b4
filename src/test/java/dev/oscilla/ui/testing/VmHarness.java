package dev.oscilla.ui.testing;

import dev.oscilla.io.OscillatorTableCsv;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.ui.common.PlotExporter;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.SynchronousTaskRunner;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.ui.session.DocumentActions;
import dev.oscilla.ui.session.LibraryDocument;
import dev.oscilla.ui.session.WorkbenchSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@link WorkbenchContext} of fakes for view-model tests: synchronous tasks, scripted dialogs, manual clock. */
public final class VmHarness {

    public final LibraryDocument document;
    public final WorkbenchSession session;
    /** The runner of the context when none other was given (null otherwise). */
    public final SynchronousTaskRunner tasks;
    public final ScriptedDialogs dialogs = new ScriptedDialogs();
    public final ManualScheduler scheduler = new ManualScheduler();
    public final StatusLine status = new StatusLine();
    public final List<String> navigated = new ArrayList<>();
    public final DocumentActions documents;
    public final WorkbenchContext context;

    public VmHarness(MineralLibrary library, Path configDir) {
        this(library, configDir, null);
    }

    /** With {@code runner} as the context's task runner (null: a {@link SynchronousTaskRunner}). */
    public VmHarness(MineralLibrary library, Path configDir, TaskRunner runner) {
        tasks = runner == null ? new SynchronousTaskRunner() : null;
        TaskRunner used = runner == null ? tasks : runner;
        document = new LibraryDocument(library, null);
        session = new WorkbenchSession(document);
        documents = new DocumentActions(session, used, dialogs, status, OscillatorTableCsv::write);
        context = new WorkbenchContext(session, documents, used, scheduler, dialogs, status, navigated::add,
                new PlotExporter(dialogs, used, status), configDir);
    }
}
