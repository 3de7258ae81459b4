package dev.oscilla.ui.scene;

import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.io.SpectrumFiles;
import dev.oscilla.io.cube.CubeOutputs;
import dev.oscilla.io.cube.Quicklooks;
import dev.oscilla.io.envi.AxisFile;
import dev.oscilla.io.envi.EnviCube;
import dev.oscilla.io.envi.EnviDataType;
import dev.oscilla.io.envi.EnviLibrary;
import dev.oscilla.learn.InverseRenderModel;
import dev.oscilla.physics.Mineral;
import dev.oscilla.pipeline.CubeLayout;
import dev.oscilla.pipeline.CubeStatistics;
import dev.oscilla.pipeline.CubeUnmixer;
import dev.oscilla.pipeline.MapRenderer;
import dev.oscilla.pipeline.UnmixRequest;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.ui.common.Dialogs;
import dev.oscilla.ui.common.LatestWins;
import dev.oscilla.ui.common.TaskContext;
import dev.oscilla.ui.common.TaskHandle;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.unmix.SpectrumUnmixer;
import dev.oscilla.unmix.UnmixMethod;
import dev.oscilla.unmix.UnmixResult;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * View-model of the Scene view: an ENVI image cube shown as a channel, a band ratio or a false-colour composite;
 * unmixed (the whole cube, on the background runner with progress and cancel, into ENVI outputs on disk; or a
 * drawn rectangle, in memory) with the same core as {@code unmix-cube}; any abundance, group or RMS map shown with
 * its colour stretch; a clicked pixel's spectrum, model and abundances; maps exported as PNG. Maps are rendered on a
 * worker thread (latest request wins) into one {@link SceneMap}; the view draws it once per change. UI-thread
 * confined.
 */
public final class SceneViewModel {

    /** What the map shows. */
    public enum Display {
        CHANNEL("Channel"), RATIO("Band ratio"), COMPOSITE("False colour"), RESULT("Unmixed map");

        private final String label;

        Display(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A rectangle of the cube (0-based, cube pixels). */
    public record Region(int line0, int lines, int sample0, int samples) {
        public Region {
            if (lines < 1 || samples < 1 || line0 < 0 || sample0 < 0) {
                throw new IllegalArgumentException("empty region");
            }
        }

        public long pixels() {
            return (long) lines * samples;
        }
    }

    /**
     * Longest side of a displayed map, pixels: a larger cube is shown subsampled, so a map never costs more than
     * 2048^2 values of memory and drawing (16 MB of colours).
     */
    static final int MAX_DISPLAY_SIDE = 2048;
    /** A region unmixed in memory holds at most this many pixels (the whole cube goes to disk instead). */
    static final long MAX_REGION_PIXELS = 4_000_000;
    /** Display stretch of channels and ratios: 2nd to 98th percentile (outliers do not wash the map out). */
    static final double LOW_QUANTILE = 0.02;
    static final double HIGH_QUANTILE = 0.98;

    private final WorkbenchContext context;
    private EnviCube cube;
    private Path cubeFile;
    private int[] good = new int[0];
    private double[] goodAxis = new double[0];
    private SceneResults results;
    private SpectrumSet measuredLibrary;

    private final ReadOnlyBooleanWrapper hasCube = new ReadOnlyBooleanWrapper(this, "hasCube");
    private final ReadOnlyStringWrapper cubeInfo = new ReadOnlyStringWrapper(this, "cubeInfo", "No cube open.");
    private final ObservableList<String> channels = FXCollections.observableArrayList();
    private final ObjectProperty<Display> display = new SimpleObjectProperty<>(this, "display", Display.CHANNEL);
    private final IntegerProperty channel = new SimpleIntegerProperty(this, "channel");
    private final IntegerProperty numerator = new SimpleIntegerProperty(this, "numerator");
    private final IntegerProperty denominator = new SimpleIntegerProperty(this, "denominator");
    private final IntegerProperty red = new SimpleIntegerProperty(this, "red");
    private final IntegerProperty green = new SimpleIntegerProperty(this, "green");
    private final IntegerProperty blue = new SimpleIntegerProperty(this, "blue");
    private final ObservableList<String> resultBands = FXCollections.observableArrayList();
    private final IntegerProperty resultBand = new SimpleIntegerProperty(this, "resultBand");
    private final ReadOnlyObjectWrapper<SceneMap> map = new ReadOnlyObjectWrapper<>(this, "map");
    private final ObjectProperty<UnmixMethod> method = new SimpleObjectProperty<>(this, "method", UnmixMethod.FCLS);
    private final StringProperty methodLabel = new SimpleStringProperty(this, "methodLabel",
            UnmixMethod.FCLS.label());
    private final StringProperty window = new SimpleStringProperty(this, "window", "");
    private final BooleanProperty blackbody = new SimpleBooleanProperty(this, "blackbody", true);
    private final ReadOnlyStringWrapper libraryLabel = new ReadOnlyStringWrapper(this, "libraryLabel");
    private final ObjectProperty<Region> selection = new SimpleObjectProperty<>(this, "selection");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressMessage = new ReadOnlyStringWrapper(this, "progressMessage", "");
    private final ReadOnlyObjectWrapper<PixelDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final LatestWins<MapRequest, SceneMap> maps;
    private final LatestWins<PickRequest, PixelDetail> picks;
    private TaskHandle run;
    private PreparedKey preparedKey;          // touched by the pick computation only (one at a time)
    private SpectrumUnmixer preparedUnmixer;  // idem

    /** A snapshot of what to draw. */
    private record MapRequest(EnviCube cube, SceneResults results, Display display, int channel, int numerator,
                              int denominator, int red, int green, int blue, int resultBand, List<String> labels,
                              List<String> resultNames) {
    }

    /** What a click's unmixing depends on. */
    private record PreparedKey(EnviCube cube, UnmixRequest request) {
    }

    private record PickRequest(int line, int sample, PreparedKey key, EnviCube cube, int[] good, double[] axis,
                               long clickNanos) {
    }

    public SceneViewModel(WorkbenchContext context) {
        this.context = Objects.requireNonNull(context);
        maps = new LatestWins<>(context.tasks(), "Drawing the map", (r, c) -> render(r), map::set,
                e -> context.status().post("The map could not be drawn: " + Dialogs.describe(e)));
        picks = new LatestWins<>(context.tasks(), "Unmixing a pixel", this::unmixPixel, detail::set,
                e -> context.status().post("The pixel could not be unmixed: " + Dialogs.describe(e)));
        for (javafx.beans.Observable p : List.of(display, channel, numerator, denominator, red, green, blue,
                resultBand)) {
            p.addListener(o -> redraw());
        }
        method.addListener((o, was, now) -> methodLabel.set(now.label()));
        methodLabel.addListener((o, was, now) -> method.set(UnmixMethod.parse(now)));
        context.session().document().libraryProperty().addListener((o, was, now) -> updateLibraryLabel());
        updateLibraryLabel();
    }

    // ---- cube ---------------------------------------------------------------------------------------------

    /** Asks for a cube (its .hdr or data file) and opens it. */
    public void openCube() {
        context.dialogs().chooseFileToOpen("Open an ENVI image cube", List.of(
                new Dialogs.FileType("ENVI header", "*.hdr", "*.HDR"),
                new Dialogs.FileType("ENVI data", "*.img", "*.dat", "*.bsq", "*.bil", "*.bip", "*"))).ifPresent(
                this::openCube);
    }

    /**
     * Opens a cube in the background. When its header has no wavelengths, asks for an axis file (one value per
     * band after a header line naming the unit).
     */
    public void openCube(Path file) {
        context.tasks().submit("Opening " + file.getFileName(), () -> EnviCube.open(file), opened -> {
            if (opened.hasSpectralAxis()) {
                setCube(file, opened);
                return;
            }
            opened.close();
            var axis = context.dialogs().chooseFileToOpen(file.getFileName() + " has no wavelengths: choose its "
                    + "axis file", List.of(new Dialogs.FileType("Axis (one value per band)", "*.csv", "*.txt", "*")));
            if (axis.isEmpty()) {
                context.status().post(file.getFileName() + " was not opened: it has no wavelengths and no axis file "
                        + "was given.");
                return;
            }
            context.tasks().submit("Opening " + file.getFileName(), () -> EnviCube.open(file,
                    EnviCube.OpenOptions.axis(AxisFile.read(axis.get(), null), axis.get().getFileName().toString())),
                    withAxis -> setCube(file, withAxis), this::openFailed);
        }, this::openFailed);
    }

    private void openFailed(Throwable e) {
        context.dialogs().showError("Open cube", Dialogs.describe(e));
    }

    private void setCube(Path file, EnviCube opened) {
        cancel();
        closeResults();
        if (cube != null) {
            cube.close();
        }
        cube = opened;
        cubeFile = file;
        good = opened.goodChannels();
        double[] all = opened.axis();
        goodAxis = new double[good.length];
        for (int c = 0; c < good.length; c++) {
            goodAxis[c] = all[good[c]];
        }
        preparedKey = null;
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < all.length; c++) {
            labels.add(String.format(Locale.ROOT, "%.2f cm^-1 (%.4g um)%s", all[c], 1e4 / all[c],
                    opened.isBadBand(opened.band(c)) ? " bad" : ""));
        }
        channels.setAll(labels);
        selection.set(null);
        detail.set(null);
        resultBands.clear();
        int mid = good.length > 0 ? good[good.length / 2] : 0;
        int[] rgb = opened.defaultBands().filter(d -> d.length == 3).map(d -> new int[] {opened.channel(d[0]),
            opened.channel(d[1]), opened.channel(d[2])}).orElse(null);
        if (rgb == null && good.length >= 3) {
            rgb = new int[] {good[good.length - 1], good[good.length / 2], good[0]};
        }
        channel.set(mid);
        numerator.set(good.length > 0 ? good[good.length - 1] : 0);
        denominator.set(good.length > 0 ? good[0] : 0);
        if (rgb != null) {
            red.set(rgb[0]);
            green.set(rgb[1]);
            blue.set(rgb[2]);
        }
        cubeInfo.set(String.format(Locale.ROOT, "%s: %,d lines x %,d samples x %d bands (%d usable), %.1f-%.1f cm^-1",
                file.getFileName(), opened.lines(), opened.samples(), opened.bands(), good.length, all[0],
                all[all.length - 1]));
        hasCube.set(true);
        display.set(Display.CHANNEL);
        context.status().post("Opened " + file.getFileName() + ": " + String.join("; ", opened.notes()));
        redraw();
    }

    /** Display subsampling for the open cube: 1 up to {@value #MAX_DISPLAY_SIDE} pixels a side. */
    int step() {
        return cube == null ? 1 : Math.max(1, (Math.max(cube.lines(), cube.samples()) + MAX_DISPLAY_SIDE - 1)
                / MAX_DISPLAY_SIDE);
    }

    // ---- maps ---------------------------------------------------------------------------------------------

    private void redraw() {
        if (cube == null) {
            return;
        }
        if (display.get() == Display.RESULT && results == null) {
            return;
        }
        maps.request(new MapRequest(cube, results, display.get(), channel.get(), numerator.get(), denominator.get(),
                red.get(), green.get(), blue.get(), resultBand.get(), List.copyOf(channels),
                List.copyOf(resultBands)));
    }

    private SceneMap render(MapRequest r) {
        int step = Math.max(1, (Math.max(r.cube().lines(), r.cube().samples()) + MAX_DISPLAY_SIDE - 1)
                / MAX_DISPLAY_SIDE);
        int w = (r.cube().samples() + step - 1) / step;
        int h = (r.cube().lines() + step - 1) / step;
        int n = w * h;
        int[] argb = new int[n];
        switch (r.display()) {
            case CHANNEL: {
                float[] v = new float[n];
                r.cube().readChannelImage(r.channel(), step, v);
                MapRenderer.Stretch s = MapRenderer.quantileStretch(v, n, LOW_QUANTILE, HIGH_QUANTILE);
                MapRenderer.render(v, w, h, s, MapRenderer.Palette.GREY, argb, w, h);
                return new SceneMap("Channel " + r.labels().get(r.channel()), w, h, step, v, argb, s,
                        MapRenderer.Palette.GREY);
            }
            case RATIO: {
                float[] a = new float[n];
                float[] b = new float[n];
                r.cube().readChannelImage(r.numerator(), step, a);
                r.cube().readChannelImage(r.denominator(), step, b);
                for (int i = 0; i < n; i++) {
                    a[i] = b[i] == 0 ? Float.NaN : a[i] / b[i];
                }
                MapRenderer.Stretch s = MapRenderer.quantileStretch(a, n, LOW_QUANTILE, HIGH_QUANTILE);
                MapRenderer.render(a, w, h, s, MapRenderer.Palette.VIRIDIS, argb, w, h);
                return new SceneMap("Ratio " + r.labels().get(r.numerator()) + " / " + r.labels().get(r.denominator()),
                        w, h, step, a, argb, s, MapRenderer.Palette.VIRIDIS);
            }
            case COMPOSITE: {
                float[] rv = new float[n];
                float[] gv = new float[n];
                float[] bv = new float[n];
                r.cube().readChannelImage(r.red(), step, rv);
                r.cube().readChannelImage(r.green(), step, gv);
                r.cube().readChannelImage(r.blue(), step, bv);
                MapRenderer.composite(rv, gv, bv, w, h, MapRenderer.quantileStretch(rv, n, LOW_QUANTILE, HIGH_QUANTILE),
                        MapRenderer.quantileStretch(gv, n, LOW_QUANTILE, HIGH_QUANTILE),
                        MapRenderer.quantileStretch(bv, n, LOW_QUANTILE, HIGH_QUANTILE), argb, w, h);
                return new SceneMap("False colour: red " + r.labels().get(r.red()) + ", green "
                        + r.labels().get(r.green()) + ", blue " + r.labels().get(r.blue()), w, h, step, rv, argb, null,
                        MapRenderer.Palette.VIRIDIS);
            }
            default: {
                float[] v = new float[n];
                int band = Math.max(0, Math.min(r.resultBand(), r.resultNames().size() - 1));
                r.results().readBand(band, step, v);
                boolean rms = band == r.resultNames().size() - 1;
                MapRenderer.Stretch q = MapRenderer.quantileStretch(v, n, 0.01, 0.99);
                MapRenderer.Stretch s = rms ? new MapRenderer.Stretch(0, Math.max(q.hi(), 1e-9))
                        : MapRenderer.abundanceStretch(q.lo(), q.hi());
                MapRenderer.render(v, w, h, s, MapRenderer.Palette.VIRIDIS, argb, w, h);
                String name = r.resultNames().get(band);
                return new SceneMap(rms ? "RMS of the model" : name + (name.startsWith(CubeLayout.GROUP_PREFIX)
                        ? " (group sum)" : " (abundance)"), w, h, step, v, argb, s, MapRenderer.Palette.VIRIDIS);
            }
        }
    }

    /** "line L, sample S: value" for a display pixel (1-based cube coordinates, as ENVI shows them). */
    public String readout(int displayX, int displayY) {
        SceneMap m = map.get();
        if (m == null || displayX < 0 || displayY < 0 || displayX >= m.width() || displayY >= m.height()) {
            return "";
        }
        double v = m.valueAt(displayX, displayY);
        return String.format(Locale.ROOT, "line %d, sample %d: %s", displayY * m.step() + 1, displayX * m.step() + 1,
                Double.isNaN(v) ? "no value" : String.format(Locale.ROOT, "%.5g", v));
    }

    // ---- unmixing -----------------------------------------------------------------------------------------

    /** Uses measured spectra from a file (ENVI .sli, ASU tab + meta, CSV) as the endmembers of the linear methods. */
    public void chooseLibrary() {
        context.dialogs().chooseFileToOpen("Endmember spectra", List.of(
                new Dialogs.FileType("ENVI spectral library", "*.sli", "*.hdr"),
                new Dialogs.FileType("Spectra (ASU tab, CSV)", "*.txt", "*.csv", "*.tab", "*"))).ifPresent(file ->
                context.tasks().submit("Reading " + file.getFileName(), () -> EnviLibrary.isLibrary(file)
                        ? EnviLibrary.read(file) : SpectrumFiles.read(file), set -> {
                            measuredLibrary = set;
                            preparedKey = null;
                            updateLibraryLabel();
                        }, e -> context.dialogs().showError("Endmember spectra", Dialogs.describe(e))));
    }

    /** Goes back to the open oscillator library as the endmembers. */
    public void useDocumentLibrary() {
        measuredLibrary = null;
        updateLibraryLabel();
    }

    private void updateLibraryLabel() {
        libraryLabel.set(measuredLibrary != null ? measuredLibrary.size() + " measured spectra"
                : "the open library (" + context.session().document().library().size() + " minerals)");
    }

    /** The request of the current settings; IllegalArgumentException when they are incomplete or invalid. */
    UnmixRequest request() {
        WavenumberWindow w = window.get() == null || window.get().isBlank() ? WavenumberWindow.ALL
                : WavenumberWindow.parse(window.get());
        UnmixMethod m = method.get();
        List<Mineral> minerals = context.session().document().library().minerals();
        SpectrumSet measured = m.isLinear() ? measuredLibrary : null;
        UnmixRequest r = new UnmixRequest(m, measured, measured != null ? null : minerals, null, w, blackbody.get(),
                List.of());
        if (r.usesNetwork()) {
            InverseRenderModel network = context.session().networkProperty().get();
            if (network == null) {
                throw new IllegalArgumentException("method " + m.label() + " needs a trained network: train one in "
                        + "the Network view first");
            }
            r = r.withNetwork(network);
        }
        return r;
    }

    /** Unmixes the whole cube in the background into ENVI maps on disk (configuration folder, "scenes"). */
    public void runCube() {
        if (cube == null) {
            return;
        }
        start(null);
    }

    /** Unmixes the drawn rectangle in memory (quick look before the whole cube). */
    public void runRegion() {
        Region r = selection.get();
        if (cube == null || r == null) {
            context.status().post("Draw a rectangle on the map first (Shift + drag).");
            return;
        }
        if (r.pixels() > MAX_REGION_PIXELS) {
            context.dialogs().showError("Unmix region", String.format(Locale.ROOT, "The rectangle holds %,d pixels; "
                    + "regions are unmixed in memory up to %,d. Unmix the whole cube instead (its maps go to disk).",
                    r.pixels(), MAX_REGION_PIXELS));
            return;
        }
        start(r);
    }

    private void start(Region region) {
        UnmixRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            context.dialogs().showError("Unmix", e.getMessage());
            return;
        }
        cancel();
        EnviCube c = cube;
        int[] channels = good.clone();
        double[] axis = goodAxis.clone();
        Path out = region == null ? outputFolder() : null;
        running.set(true);
        progress.set(0);
        progressMessage.set(region == null ? "Unmixing the cube" : "Unmixing the region");
        run = context.tasks().submit(region == null ? "Unmixing the cube" : "Unmixing a region",
                ctx -> region == null ? unmixCube(c, channels, axis, request, out, ctx)
                        : unmixRegion(c, channels, axis, request, region, ctx),
                done -> finished(done), e -> {
                    running.set(false);
                    context.dialogs().showError("Unmix", Dialogs.describe(e));
                });
        run.progressProperty().addListener((o, was, now) -> progress.set(now.doubleValue()));
        run.messageProperty().addListener((o, was, now) -> progressMessage.set(now));
        run.runningProperty().addListener((o, was, now) -> {
            if (!now) {
                running.set(false);
            }
        });
    }

    private Path outputFolder() {
        String name = cubeFile.getFileName().toString().replaceAll("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]+",
                "_");
        return context.configDir().resolve("scenes").resolve(name + "-" + method.get().label().replace('+', '-')
                + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).format(LocalDateTime.now()));
    }

    /** What a run gives back to the UI thread. */
    private record Done(SceneResults results, CubeStatistics statistics, double seconds, String where) {
    }

    private static Done unmixCube(EnviCube c, int[] channels, double[] axis, UnmixRequest request, Path out,
                                  TaskContext ctx) throws SpectralFileException {
        long t0 = System.nanoTime();
        CubeUnmixer.Geometry g = new CubeUnmixer.Geometry(c.lines(), c.samples(), axis);
        CubeUnmixer.RegionReader reader = (fl, lc, fs, sc, v) -> c.readRegion(fl, lc, fs, sc, channels, v);
        CubeUnmixer unmixer = CubeUnmixer.prepare(request, g, reader, ctx.cancelToken().forCore());
        int threads = Runtime.getRuntime().availableProcessors();
        CubeStatistics stats;
        try (CubeOutputs outputs = CubeOutputs.create(out, unmixer.layout(), c.lines(), c.samples(),
                new CubeOutputs.Options(EnviDataType.FLOAT32, 0), unmixer.description(), c.header())) {
            stats = unmixer.run(reader, outputs.sink(), threads, ctx.progressListener(), ctx.cancelToken().forCore());
            ctx.checkCancelled();
            outputs.commit(stats, threads);
        }
        EnviCube a = EnviCube.open(out.resolve(CubeOutputs.ABUNDANCES));
        EnviCube r = EnviCube.open(out.resolve(CubeOutputs.RMS));
        return new Done(new SceneResults.OnDisk(unmixer.layout(), a, r, out), stats, (System.nanoTime() - t0) * 1e-9,
                " Maps in " + out + ".");
    }

    private static Done unmixRegion(EnviCube c, int[] channels, double[] axis, UnmixRequest request, Region region,
                                    TaskContext ctx) {
        long t0 = System.nanoTime();
        CubeUnmixer.Geometry g = new CubeUnmixer.Geometry(region.lines(), region.samples(), axis);
        CubeUnmixer.RegionReader reader = (fl, lc, fs, sc, v) -> c.readRegion(region.line0() + fl, lc,
                region.sample0() + fs, sc, channels, v);
        CubeUnmixer unmixer = CubeUnmixer.prepare(request, g, reader, ctx.cancelToken().forCore());
        int bands = unmixer.layout().bands();
        int pixels = region.lines() * region.samples();
        float[][] values = new float[bands + 1][pixels];
        CubeStatistics stats = unmixer.run(reader, (tile, result) -> {
            int n = result.pixels();
            for (int p = 0; p < n; p++) {
                int i = (tile.firstLine() + p / tile.sampleCount()) * region.samples() + tile.firstSample()
                        + p % tile.sampleCount();
                for (int b = 0; b < bands; b++) {
                    values[b][i] = (float) result.values()[b * n + p];
                }
                values[bands][i] = (float) result.rms()[p];
            }
        }, Runtime.getRuntime().availableProcessors(), ctx.progressListener(), ctx.cancelToken().forCore());
        return new Done(new SceneResults.InMemory(unmixer.layout(), c.lines(), c.samples(), region.line0(),
                region.sample0(), region.lines(), region.samples(), values), stats, (System.nanoTime() - t0) * 1e-9, "");
    }

    private void finished(Done done) {
        running.set(false);
        closeResults();
        results = done.results();
        int previous = resultBand.get();
        resultBands.setAll(results.bandNames());
        resultBand.set(Math.max(0, Math.min(previous, resultBands.size() - 1)));
        CubeStatistics s = done.statistics();
        context.status().post(String.format(Locale.ROOT, "Unmixed %,d of %,d pixels (%,d without data, %,d failed) "
                + "in %.1f s.%s", s.unmixed(), s.pixels(), s.noData(), s.failed(), done.seconds(), done.where()));
        if (display.get() == Display.RESULT) {
            redraw();
        } else {
            display.set(Display.RESULT);
        }
    }

    /** Cancels a running unmixing; the maps shown before stay. */
    public void cancel() {
        if (run != null && run.isRunning()) {
            run.cancel();
            running.set(false);
            context.status().post("Unmixing cancelled; nothing was written.");
        }
    }

    private void closeResults() {
        if (results != null) {
            results.close();
            results = null;
        }
    }

    // ---- one pixel ----------------------------------------------------------------------------------------

    /** Shows a pixel's spectrum, and its model and abundances with the current settings (0-based cube pixel). */
    public void pick(int line, int sample) {
        if (cube == null || line < 0 || sample < 0 || line >= cube.lines() || sample >= cube.samples()) {
            return;
        }
        PreparedKey key;
        try {
            key = new PreparedKey(cube, request());
        } catch (IllegalArgumentException e) {
            key = null;
        }
        picks.request(new PickRequest(line, sample, key, cube, good, goodAxis, System.nanoTime()));
    }

    private PixelDetail unmixPixel(PickRequest p, TaskContext ctx) {
        int[] channels = p.good();
        double[] axis = p.axis();
        Spectrum s = p.cube().spectrum(p.line(), p.sample());
        double[] values = new double[axis.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = s.value(channels[i]);
        }
        String note = "the unmixing settings are incomplete";
        if (p.key() != null) {
            try {
                if (!p.key().equals(preparedKey)) {
                    preparedUnmixer = dev.oscilla.pipeline.UnmixerFactory.prepare(p.key().request(), axis).factory()
                            .get();
                    preparedKey = p.key();
                }
                UnmixResult r = preparedUnmixer.unmix(new Spectrum(s.name(), s.kind(), axis, values))
                        .withSpectraBuilt();
                return new PixelDetail(p.line(), p.sample(), r.axis(), r.measured(), r.modelled(), r.endmembers(),
                        r.abundances(), r.groupSums(), r.rms(), "", (System.nanoTime() - p.clickNanos()) * 1e-6);
            } catch (IllegalArgumentException e) {
                note = e.getMessage();
            }
        }
        return new PixelDetail(p.line(), p.sample(), axis.clone(), values, new double[0], List.of(), new double[0],
                java.util.Map.of(), Double.NaN, note, (System.nanoTime() - p.clickNanos()) * 1e-6);
    }

    // ---- export -------------------------------------------------------------------------------------------

    /** Saves the map shown, with its colour bar, as PNG. */
    public void exportMap() {
        SceneMap m = map.get();
        if (m == null) {
            return;
        }
        String name = m.title().replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_+|_+$", "") + ".png";
        context.dialogs().chooseFileToSave("Export the map as PNG", name, List.of(new Dialogs.FileType("PNG image",
                "*.png"))).ifPresent(file -> context.tasks().submit("Exporting the map", () -> {
                    byte[] png = Quicklooks.png(m.title(), m.argb(), m.width(), m.height(), m.stretch() == null
                            ? new MapRenderer.Stretch(0, 1) : m.stretch(), m.palette());
                    AtomicFiles.write(file, o -> o.write(png));
                    return file;
                }, saved -> context.status().post("Saved " + saved.getFileName() + "."),
                e -> context.dialogs().showError("Export map", Dialogs.describe(e))));
    }

    // ---- properties ---------------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty hasCubeProperty() {
        return hasCube.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cubeInfoProperty() {
        return cubeInfo.getReadOnlyProperty();
    }

    /** Every channel, ascending wavenumber ("1075.63 cm^-1 (9.297 um)", "bad" for bad bands). */
    public ObservableList<String> channels() {
        return channels;
    }

    public ObjectProperty<Display> displayProperty() {
        return display;
    }

    public IntegerProperty channelProperty() {
        return channel;
    }

    public IntegerProperty numeratorProperty() {
        return numerator;
    }

    public IntegerProperty denominatorProperty() {
        return denominator;
    }

    public IntegerProperty redProperty() {
        return red;
    }

    public IntegerProperty greenProperty() {
        return green;
    }

    public IntegerProperty blueProperty() {
        return blue;
    }

    /** Names of the unmixed maps (endmembers, groups, RMS); empty before unmixing. */
    public ObservableList<String> resultBands() {
        return resultBands;
    }

    public IntegerProperty resultBandProperty() {
        return resultBand;
    }

    public ReadOnlyObjectProperty<SceneMap> mapProperty() {
        return map.getReadOnlyProperty();
    }

    public ObjectProperty<UnmixMethod> methodProperty() {
        return method;
    }

    /** The method by its label ("fcls", "abs", ...), for choosers. */
    public StringProperty methodLabelProperty() {
        return methodLabel;
    }

    /** Labels of every method. */
    public List<String> methodLabels() {
        List<String> out = new ArrayList<>();
        for (UnmixMethod m : UnmixMethod.values()) {
            out.add(m.label());
        }
        return out;
    }

    /** Wavenumber window LO:HI, cm^-1; empty for every channel. */
    public StringProperty windowProperty() {
        return window;
    }

    public BooleanProperty blackbodyProperty() {
        return blackbody;
    }

    public ReadOnlyStringProperty libraryLabelProperty() {
        return libraryLabel.getReadOnlyProperty();
    }

    /** The drawn rectangle, cube pixels; null when none. */
    public ObjectProperty<Region> selectionProperty() {
        return selection;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressMessageProperty() {
        return progressMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PixelDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Where the maps of the last whole-cube run are; null when none (or only a region was unmixed). */
    public Path resultFolder() {
        return results == null ? null : results.folder();
    }
}
