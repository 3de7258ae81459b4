package dev.oscilla.ui.app;

import dev.oscilla.io.OscillatorTableCsv;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.common.PlotExporter;
import dev.oscilla.ui.common.Scheduler;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.explore.ExploreModule;
import dev.oscilla.ui.fit.FitModule;
import dev.oscilla.ui.library.LibraryModule;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.ui.module.WorkbenchModule;
import dev.oscilla.ui.network.NetworkModule;
import dev.oscilla.ui.scene.SceneModule;
import dev.oscilla.ui.session.Autosave;
import dev.oscilla.ui.session.BundledSamples;
import dev.oscilla.ui.session.DocumentActions;
import dev.oscilla.ui.session.LibraryDocument;
import dev.oscilla.ui.session.RecentFiles;
import dev.oscilla.ui.session.RecoveryStore;
import dev.oscilla.ui.session.SessionSnapshot;
import dev.oscilla.ui.session.WorkbenchSession;
import dev.oscilla.ui.unmix.UnmixModule;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The root view-model: wires the services into a {@link WorkbenchContext}, instantiates the registered views,
 * and owns what is application-wide: the window title (with the unsaved-changes mark), navigation between views,
 * crash recovery (offer at start, autosave while running) and the quit decision. UI-thread confined.
 */
public final class Workbench {

    /**
     * The views of the workbench, in tab order. Adding a view (Fit, Unmix) is one line here: a constructor taking
     * the {@link WorkbenchContext}.
     */
    public static final List<Function<WorkbenchContext, WorkbenchModule>> MODULES = List.of(
            ExploreModule::new,
            LibraryModule::new,
            FitModule::new,
            UnmixModule::new,
            NetworkModule::new,
            SceneModule::new);

    /** The list of spectrum files opened lately, in the configuration folder. */
    public static final String RECENT_SPECTRA = "recent-spectra.txt";

    /** The injectable parts: real ones in the application, fakes in tests. */
    public record Services(TaskRunner tasks, Scheduler scheduler, Dialogs dialogs, Path configDir, Clock clock,
                           Duration autosaveQuietPeriod) {
        public Services {
            Objects.requireNonNull(tasks);
            Objects.requireNonNull(scheduler);
            Objects.requireNonNull(dialogs);
            Objects.requireNonNull(configDir);
            Objects.requireNonNull(clock);
            Objects.requireNonNull(autosaveQuietPeriod);
        }
    }

    private final WorkbenchContext context;
    private final List<WorkbenchModule> modules;
    private final StringProperty selectedView = new SimpleStringProperty(this, "selectedView");
    private final StringBinding title;
    private final Autosave autosave;
    private final RecoveryStore recovery;
    private final Services services;
    private final String startupProblem;
    private boolean started;

    public Workbench(Services services, StartupData data) {
        this.services = services;
        LibraryDocument document = new LibraryDocument(data.library(), null);
        if (data.library().find(StartupData.START_MINERAL).isPresent()) {
            document.currentProperty().set(data.library().require(StartupData.START_MINERAL).name());
        }
        WorkbenchSession session = new WorkbenchSession(document);
        if (data.sampleSpectra() != null) {
            session.openSpectra(data.sampleSpectra(), data.samplesDir().resolve(BundledSamples.QUARTZ_TAB));
        }
        StatusLine status = new StatusLine();
        session.samplesDirProperty().set(data.samplesDir());
        DocumentActions documents = new DocumentActions(session, services.tasks(), services.dialogs(), status,
                OscillatorTableCsv::write, new RecentFiles(services.configDir().resolve(RECENT_SPECTRA),
                        services.tasks()));
        context = new WorkbenchContext(session, documents, services.tasks(), services.scheduler(),
                services.dialogs(), status, this::show, new PlotExporter(services.dialogs(), services.tasks(), status),
                services.configDir());
        List<WorkbenchModule> list = new ArrayList<>();
        for (Function<WorkbenchContext, WorkbenchModule> factory : MODULES) {
            list.add(factory.apply(context));
        }
        modules = Collections.unmodifiableList(list);
        selectedView.addListener((obs, was, now) -> {
            for (WorkbenchModule m : modules) {
                m.setShowing(m.id().equals(now));
            }
        });
        selectedView.set(modules.get(0).id());
        recovery = RecoveryStore.in(services.configDir());
        autosave = new Autosave(document, recovery, services.scheduler(), services.tasks(),
                services.autosaveQuietPeriod(), services.clock(), status);
        title = Bindings.createStringBinding(() -> (document.isModified() ? "*" : "")
                + document.displayNameProperty().get() + " \u2014 Oscilla",
                document.modifiedProperty(), document.displayNameProperty());
        startupProblem = data.problem();
        status.post(data.problem() != null ? data.problem()
                : "Opened the bundled samples: " + data.library().size() + " minerals; the quartz sample spectrum "
                + "is open for comparing and fitting, the sample mixtures for unmixing.");
    }

    /** Default configuration folder: {@code -Doscilla.config.dir}, else {@code ~/.oscilla}. */
    public static Path defaultConfigDir() {
        String configured = System.getProperty("oscilla.config.dir");
        return configured != null && !configured.isBlank() ? Paths.get(configured)
                : Paths.get(System.getProperty("user.home"), ".oscilla");
    }

    /**
     * Called once the window is showing: offers to restore a session left by a crash, then starts autosaving.
     */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        if (startupProblem != null) {
            services.dialogs().showError("Oscilla", startupProblem);
        }
        offerRecovery();
        autosave.start();
    }

    private void offerRecovery() {
        Optional<SessionSnapshot> snapshot;
        try {
            snapshot = recovery.read();
        } catch (SpectralFileException e) {
            services.dialogs().showError("Recovery", "The recovery file could not be read and was removed: "
                    + e.getMessage());
            deleteRecovery();
            return;
        }
        if (snapshot.isEmpty()) {
            return;
        }
        SessionSnapshot s = snapshot.get();
        if (!s.modified()) {
            deleteRecovery();
            return;
        }
        String when = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ROOT)
                .format(s.savedAt().atZone(ZoneId.systemDefault()));
        String what = s.file() != null ? s.file().getFileName().toString()
                : s.library().name().isBlank() ? "an untitled library" : s.library().name();
        boolean restore = services.dialogs().confirm("Restore unsaved work?",
                "Oscilla closed without saving changes to " + what + " (" + s.library().size()
                        + " minerals, autosaved " + when + "). Restore them?", "Restore", "Discard");
        if (restore) {
            context.session().document().replace(s.library(), s.file(), true, s.current());
            context.status().post("Restored the unsaved session of " + when + ".");
        } else {
            deleteRecovery();
        }
    }

    private void deleteRecovery() {
        try {
            recovery.delete();
        } catch (SpectralFileException e) {
            context.status().post(e.getMessage());
        }
    }

    /**
     * The user wants to quit: settles unsaved changes (save, discard or cancel) and calls {@code exit} when the
     * application may close. The recovery file is removed on a deliberate quit.
     */
    public void requestQuit(Runnable exit) {
        context.documents().whenChangesSettled("quit", () -> {
            autosave.discard();
            exit.run();
        });
    }

    /** Brings a view to the front. */
    public void show(String viewId) {
        for (WorkbenchModule m : modules) {
            if (m.id().equals(viewId)) {
                selectedView.set(viewId);
                return;
            }
        }
        throw new IllegalArgumentException("no view '" + viewId + "'");
    }

    public <M extends WorkbenchModule> M module(Class<M> type) {
        for (WorkbenchModule m : modules) {
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
        throw new IllegalArgumentException("no module " + type.getSimpleName());
    }

    public List<WorkbenchModule> modules() {
        return modules;
    }

    /** Id of the view in front; the main window's tabs follow it and set it. */
    public StringProperty selectedViewProperty() {
        return selectedView;
    }

    /** "*oscilla-samples.json — Oscilla" (the star marks unsaved changes). */
    public StringBinding titleBinding() {
        return title;
    }

    public WorkbenchContext context() {
        return context;
    }

    public Autosave autosave() {
        return autosave;
    }
}
