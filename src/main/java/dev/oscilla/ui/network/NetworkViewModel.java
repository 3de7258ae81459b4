package dev.oscilla.ui.network;

import dev.oscilla.io.InverseRenderModelFile;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.learn.Architecture;
import dev.oscilla.learn.EndmemberModels;
import dev.oscilla.learn.EpochReport;
import dev.oscilla.learn.InverseRenderModel;
import dev.oscilla.learn.SyntheticMixtures;
import dev.oscilla.learn.Trainer;
import dev.oscilla.learn.TrainingConfig;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.common.NumberField;
import dev.oscilla.ui.common.Numbers;
import dev.oscilla.ui.common.PlotModel;
import dev.oscilla.ui.common.StatusLine;
import dev.oscilla.ui.common.TaskContext;
import dev.oscilla.ui.common.TaskRunner;
import dev.oscilla.ui.common.TaskTracker;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.ui.session.LibraryDocument;
import dev.oscilla.ui.session.WorkbenchSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * View-model of the Network view: trains an inverse-rendering network on synthetic mixtures of the open library
 * (DESIGN.md section 3) in the background, with progress, Cancel and a loss curve that grows epoch by epoch; opens
 * and saves model files. The network in use lives in the session ({@link WorkbenchSession#networkProperty()}), where
 * the Unmix view takes it for the methods ir and ir+abs. UI-thread confined.
 *
 * <p>The network reads spectra on its own axis (low:high:step, cm^-1; spectra on other axes are resampled onto it),
 * so the axis should cover the spectra it will unmix. Training uses every core; the weights depend on the seed and
 * the settings, not on the core count. A newly trained network is also written to the configuration folder
 * ({@link #RECOVERY_FILE}) and opened from there at the next start when it still matches the open library, so
 * minutes of training are not lost with an unsaved model.
 */
public final class NetworkViewModel {

    /** File name of the last trained network in the configuration folder. */
    public static final String RECOVERY_FILE = "last-trained-network.bin";
    public static final List<Dialogs.FileType> MODEL_TYPES = List.of(
            new Dialogs.FileType("Oscilla network model", "*.bin"), new Dialogs.FileType("All files", "*"));

    /** What one training needs, captured on the UI thread. */
    private record TrainInput(MineralLibrary library, double[] axis, WavenumberWindow window, TrainingConfig config) {
    }

    /** What a training produced. */
    private record TrainOutput(InverseRenderModel model, EpochReport last) {
    }

    private final WorkbenchSession session;
    private final LibraryDocument document;
    private final TaskRunner tasks;
    private final Dialogs dialogs;
    private final StatusLine status;
    private final Path recoveryFile;

    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 10);
    private final IntegerProperty samples = new SimpleIntegerProperty(this, "samples", 4096);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 1);
    private final DoubleProperty axisLow = new SimpleDoubleProperty(this, "axisLow", 400);
    private final DoubleProperty axisHigh = new SimpleDoubleProperty(this, "axisHigh", 1800);
    private final DoubleProperty axisStep = new SimpleDoubleProperty(this, "axisStep", 2);
    private final NumberField axisLowField;
    private final NumberField axisHighField;
    private final NumberField axisStepField;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final TaskTracker task = new TaskTracker();
    private final ReadOnlyStringWrapper modelSummary = new ReadOnlyStringWrapper(this, "modelSummary", "");
    private final ReadOnlyStringWrapper lastEpoch = new ReadOnlyStringWrapper(this, "lastEpoch", "");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final BooleanBinding canTrain;
    private final PlotModel lossPlot;
    private final PlotModel.Series trainingLoss;
    private final PlotModel.Series validationLoss;
    private String modelOrigin = "";

    public NetworkViewModel(WorkbenchContext context) {
        this.session = context.session();
        this.document = session.document();
        this.tasks = context.tasks();
        this.dialogs = context.dialogs();
        this.status = context.status();
        this.recoveryFile = context.configDir().resolve(RECOVERY_FILE);

        lossPlot = new PlotModel("network-loss", "Loss per epoch (synthetic mixtures)", "Epoch", "Loss");
        lossPlot.yMinProperty().set(0.0);
        trainingLoss = lossPlot.addSeries("training", "-fx-line-color: #1f63b4; -fx-line-width: 1.6;");
        validationLoss = lossPlot.addSeries("validation", "-fx-line-color: #c0392b; -fx-line-width: 1.4; "
                + "-fx-line-dash-array: 7 4;");

        axisLowField = field("axis start", axisLow, v -> v > 0 && v < axisHigh.get() ? null
                : "must be positive and below the axis end");
        axisHighField = field("axis end", axisHigh, v -> v > axisLow.get() ? null : "must be above the axis start");
        axisStepField = field("axis step", axisStep, v -> v > 0 ? null : "must be positive");
        canTrain = Bindings.createBooleanBinding(() -> !task.runningProperty().get() && problem.get().isEmpty(),
                task.runningProperty(), problem);
        for (javafx.beans.Observable o : List.of(epochs, samples, axisLow, axisHigh, axisStep,
                document.libraryProperty())) {
            o.addListener(obs -> validate());
        }
        session.networkProperty().addListener(obs -> describeModel());
        showAxis();
        validate();
        describeModel();
        restoreLastTrained();
    }

    private NumberField field(String name, DoubleProperty target, java.util.function.DoubleFunction<String> check) {
        return new NumberField(name, check, (v, key) -> {
            target.set(v);
            showAxis();
        }, NumberField.SliderScale.LINEAR, 0, 1e5);
    }

    private void showAxis() {
        axisLowField.show(axisLow.get());
        axisHighField.show(axisHigh.get());
        axisStepField.show(axisStep.get());
        axisLowField.revalidate();
        axisHighField.revalidate();
        axisStepField.revalidate();
    }

    // ------------------------------------------------------------------ validation

    private void validate() {
        problem.set(problemText());
    }

    private String problemText() {
        long minerals = document.library().minerals().stream().filter(m -> !m.isBlackbody()).count();
        if (minerals == 0) {
            return "The open library has no minerals to train for.";
        }
        if (epochs.get() < 1) {
            return "Train at least one epoch.";
        }
        if (samples.get() < 32) {
            return "Use at least 32 mixtures per epoch.";
        }
        double lo = axisLow.get();
        double hi = axisHigh.get();
        double step = axisStep.get();
        if (!(lo > 0) || !(hi > lo) || !(step > 0)) {
            return "The axis needs 0 < start < end and a positive step.";
        }
        long channels = (long) Math.floor((hi - lo) / step + 1e-9) + 1;
        if (channels < 64) {
            // four convolutions and two pools need room: the published network reads hundreds of channels
            return "The axis has " + channels + " channels; the network needs at least 64.";
        }
        if (channels > 20_000) {
            return "The axis has " + channels + " channels; use a coarser step (at most 20,000).";
        }
        return "";
    }

    // ------------------------------------------------------------------ training

    /** Trains a network for the open library in the background; the loss curve grows after every epoch. */
    public void train() {
        if (!canTrain.get()) {
            return;
        }
        TrainInput input = input();
        trainingLoss.clear();
        validationLoss.clear();
        lastEpoch.set("");
        status.post("Training a network for '" + input.library().name() + "' (" + input.config().epochs()
                + " epochs \u00d7 " + input.config().samplesPerEpoch() + " mixtures)\u2026");
        task.track(tasks.submit("train network", context -> compute(input, context), this::trained, error -> {
            status.post("Training failed: " + Dialogs.describe(error));
            dialogs.showError("Train network", Dialogs.describe(error));
        }), cancelled -> {
            if (cancelled) {
                status.post("Training cancelled; the network in use is unchanged.");
            }
        });
    }

    /** Stops the training; the network in use stays the one from before. */
    public void cancel() {
        if (task.cancel()) {
            status.post("Cancelling the training\u2026");
        }
    }

    private TrainInput input() {
        double lo = axisLow.get();
        double step = axisStep.get();
        int n = (int) Math.floor((axisHigh.get() - lo) / step + 1e-9) + 1;
        double[] axis = new double[n];
        for (int i = 0; i < n; i++) {
            axis[i] = lo + i * step; // multiples of the step from the start, not accumulated sums
        }
        TrainingConfig config = TrainingConfig.defaults().withEpochs(epochs.get()).withSamples(samples.get(), true)
                .withSeed(seed.get()).withValidation(Math.min(512, Math.max(32, samples.get() / 8)));
        return new TrainInput(document.library(), axis, new WavenumberWindow(axis[0], axis[n - 1]), config);
    }

    /** Worker thread: the whole training; each epoch's losses go straight to the plot (data sets take any thread). */
    private TrainOutput compute(TrainInput in, TaskContext context) {
        EndmemberModels models = EndmemberModels.of(in.library(), EndmemberModels.PUBLISHED_IR_TOLERANCES);
        SyntheticMixtures data = new SyntheticMixtures(models, in.axis(),
                SyntheticMixtures.Settings.defaults().withJitter(models.tolerances()), null);
        Trainer trainer = new Trainer(data, Architecture.PUBLISHED, in.window(), in.config());
        int total = in.config().epochs();
        double[] x = new double[total];
        double[] train = new double[total];
        double[] validation = new double[total];
        EpochReport[] last = new EpochReport[1];
        InverseRenderModel model = trainer.train(report -> {
            int k = report.epoch() - 1;
            x[k] = report.epoch();
            train[k] = report.trainLoss();
            validation[k] = report.validationLoss();
            trainingLoss.set(x, train, k + 1);
            validationLoss.set(x, validation, k + 1);
            last[0] = report;
        }, context.progressListener(), context.cancelToken().forCore());
        try {
            InverseRenderModelFile.write(recoveryFile, model); // atomic; a failure here only loses the recovery copy
        } catch (SpectralFileException | RuntimeException e) {
            context.progress(1, "could not keep a recovery copy: " + e.getMessage());
        }
        return new TrainOutput(model, last[0]);
    }

    private static String summary(EpochReport r) {
        return String.format(Locale.ROOT, "epoch %d of %d: training loss %s, validation loss %s (group error %s), "
                        + "%s s of training so far", r.epoch(), r.epochs(), Numbers.format(r.trainLoss(), 4),
                Numbers.format(r.validationLoss(), 4), Numbers.format(r.validationGroup(), 3),
                Numbers.format(r.seconds(), 3));
    }

    private void trained(TrainOutput out) {
        InverseRenderModel model = out.model();
        lastEpoch.set(out.last() == null ? "" : summary(out.last()));
        modelOrigin = "trained in this session, not saved";
        unsaved.set(true);
        session.networkProperty().set(model);
        describeModel();
        status.post("Trained a network for '" + model.library().name() + "'");
    }

    // ------------------------------------------------------------------ files

    /** Asks for a model file and opens it for the open library. */
    public void openModel() {
        dialogs.chooseFileToOpen("Open a network model", MODEL_TYPES).ifPresent(this::openModel);
    }

    /** Reads {@code file} in the background; it must have been trained for the open library. */
    public void openModel(Path file) {
        MineralLibrary library = document.library();
        tasks.submit("open network model", () -> InverseRenderModelFile.read(file, library), model -> {
            modelOrigin = "from " + file.getFileName();
            unsaved.set(false);
            session.networkProperty().set(model);
            describeModel();
            status.post("Opened the network " + file.getFileName());
        }, error -> dialogs.showError("Open a network model", Dialogs.describe(error)));
    }

    /** Asks where to save the network in use and writes it (atomically) in the background. */
    public void saveModel() {
        InverseRenderModel model = session.networkProperty().get();
        if (model == null) {
            return;
        }
        dialogs.chooseFileToSave("Save the network", "network.bin", MODEL_TYPES).ifPresent(file ->
                tasks.submit("save network model", () -> {
                    InverseRenderModelFile.write(file, model);
                    return file;
                }, written -> {
                    if (session.networkProperty().get() == model) {
                        modelOrigin = "saved as " + written.getFileName();
                        unsaved.set(false);
                        describeModel();
                    }
                    status.post("Saved the network as " + written.getFileName());
                }, error -> dialogs.showError("Save the network", Dialogs.describe(error))));
    }

    /** At start: the last trained network, when it was trained for the library now open. */
    private void restoreLastTrained() {
        if (!Files.isRegularFile(recoveryFile)) {
            return;
        }
        MineralLibrary library = document.library();
        tasks.submit("restore last trained network", () -> InverseRenderModelFile.read(recoveryFile, library), model -> {
            if (session.networkProperty().get() == null) {
                modelOrigin = "the last one trained (kept in the configuration folder); not saved";
                session.networkProperty().set(model);
                describeModel();
            }
        }, error -> { }); // another library's network, or none usable: nothing to restore
    }

    private void describeModel() {
        InverseRenderModel model = session.networkProperty().get();
        if (model == null) {
            modelSummary.set("No network yet: train one for the open library, or open a model file.");
            return;
        }
        Object epochsDone = model.training().get("epochs_completed");
        double[] axis = model.axis();
        modelSummary.set(String.format(Locale.ROOT, "%d minerals + blackbody of the library '%s'; reads %d channels "
                        + "%s\u2013%s cm\u207b\u00b9; %s %,d weights%s%s", model.endmembers().size(),
                model.library().name(), axis.length, Numbers.format(axis[0], 5),
                Numbers.format(axis[axis.length - 1], 5),
                model.architecture().equals(Architecture.PUBLISHED) ? "published architecture," : "network of",
                model.weightCount(), epochsDone == null ? "" : "; " + epochsDone + " epochs",
                modelOrigin.isEmpty() ? "" : " (" + modelOrigin + ")"));
    }


    // ------------------------------------------------------------------ properties

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty samplesProperty() {
        return samples;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public DoubleProperty axisLowProperty() {
        return axisLow;
    }

    public DoubleProperty axisHighProperty() {
        return axisHigh;
    }

    public DoubleProperty axisStepProperty() {
        return axisStep;
    }

    public NumberField axisLowField() {
        return axisLowField;
    }

    public NumberField axisHighField() {
        return axisHighField;
    }

    public NumberField axisStepField() {
        return axisStepField;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canTrainBinding() {
        return canTrain;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return task.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return task.progressProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return task.messageProperty();
    }

    public ReadOnlyStringProperty modelSummaryProperty() {
        return modelSummary.getReadOnlyProperty();
    }

    /** The losses of the last finished epoch, as text. */
    public ReadOnlyStringProperty lastEpochProperty() {
        return lastEpoch.getReadOnlyProperty();
    }

    /** A network trained here and not yet saved to a file of the user's. */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    public ObjectProperty<InverseRenderModel> networkProperty() {
        return session.networkProperty();
    }

    /** The open library (what a new training trains for). */
    public javafx.beans.property.ReadOnlyObjectProperty<MineralLibrary> libraryProperty() {
        return document.libraryProperty();
    }

    public PlotModel lossPlot() {
        return lossPlot;
    }
}
