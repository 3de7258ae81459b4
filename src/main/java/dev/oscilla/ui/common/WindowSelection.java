package dev.oscilla.ui.common;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.UsableChannels;
import dev.oscilla.spectrum.WavenumberWindow;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A wavenumber window chosen over some measured spectra: the fit window (Fit), the unmixing window (Unmix), the
 * comparison window (Library). One model for all of them, so they behave alike:
 *
 * <ul>
 *   <li>the default is the data's usable range ({@link UsableChannels}: the noisy ends of the instrument's range
 *   left out), and {@link #reset()} goes back to it;</li>
 *   <li>a window may be set anywhere in the data's valid range ({@link #setWindow}, clamped), by the range slider, by
 *   dragging across a plot, or typed: the typed ends are {@link NumberField}s that apply on Enter and when the
 *   field is left (Tab, a click elsewhere), so the value shown is always the one used;</li>
 *   <li>while {@link #frozenProperty() frozen} (a fit or run in progress) the window does not change.</li>
 * </ul>
 *
 * UI-thread confined.
 */
public final class WindowSelection {

    private final ReadOnlyDoubleWrapper dataMin = new ReadOnlyDoubleWrapper(this, "dataMin", 0);
    private final ReadOnlyDoubleWrapper dataMax = new ReadOnlyDoubleWrapper(this, "dataMax", 1);
    private final ReadOnlyDoubleWrapper low = new ReadOnlyDoubleWrapper(this, "low", 0);
    private final ReadOnlyDoubleWrapper high = new ReadOnlyDoubleWrapper(this, "high", 1);
    private final ReadOnlyObjectWrapper<WavenumberWindow> window = new ReadOnlyObjectWrapper<>(this, "window",
            new WavenumberWindow(0, 1));
    private final ReadOnlyObjectWrapper<UsableChannels> usable = new ReadOnlyObjectWrapper<>(this, "usable");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final BooleanProperty frozen = new SimpleBooleanProperty(this, "frozen");
    private final NumberField lowField;
    private final NumberField highField;

    /** @param what names the window in messages ("fit window") */
    public WindowSelection(String what) {
        lowField = new NumberField(what + " start", v -> v >= dataMin.get() - 1e-9 && v < high.get() ? null
                : "must lie in the data (" + Numbers.format(dataMin.get(), 6) + " cm\u207b\u00b9 or more) and below "
                + "the window end", (v, key) -> setWindow(v, high.get()), NumberField.SliderScale.LINEAR, 0, 1e5);
        highField = new NumberField(what + " end", v -> v <= dataMax.get() + 1e-9 && v > low.get() ? null
                : "must lie in the data (" + Numbers.format(dataMax.get(), 6) + " cm\u207b\u00b9 or less) and above "
                + "the window start", (v, key) -> setWindow(low.get(), v), NumberField.SliderScale.LINEAR, 0, 1e5);
        present();
    }

    /**
     * New data: the range follows them and the window goes to their usable range (the spectra are judged together,
     * see {@link UsableChannels#of(List)}). Empty or null: nothing changes.
     */
    public void setData(List<Spectrum> spectra) {
        if (spectra == null || spectra.isEmpty()) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Spectrum s : spectra) {
            for (int c = 0; c < s.size(); c++) {
                if (s.isValid(c)) {
                    lo = Math.min(lo, s.wavenumber(c));
                    hi = Math.max(hi, s.wavenumber(c));
                }
            }
        }
        if (!(hi > lo)) {
            return;
        }
        UsableChannels u = UsableChannels.of(spectra);
        dataMin.set(lo);
        dataMax.set(hi);
        usable.set(u);
        notes.set(String.join("; ", u.notes()));
        apply(u.window().lo(), u.window().hi());
    }

    /** Sets the window (cm^-1, either order), clamped to the data's range; ignored while frozen. */
    public void setWindow(double a, double b) {
        if (frozen.get()) {
            present();
            return;
        }
        double lo = Math.max(dataMin.get(), Math.min(a, b));
        double hi = Math.min(dataMax.get(), Math.max(a, b));
        if (!(hi > lo)) {
            present(); // re-show what is set
            return;
        }
        apply(lo, hi);
    }

    /** Back to the default: the data's usable range. */
    public void reset() {
        UsableChannels u = usable.get();
        if (u != null) {
            setWindow(u.window().lo(), u.window().hi());
        } else {
            setWindow(dataMin.get(), dataMax.get());
        }
    }

    private void apply(double lo, double hi) {
        low.set(lo);
        high.set(hi);
        if (lo != window.get().lo() || hi != window.get().hi()) {
            window.set(new WavenumberWindow(lo, hi));
        }
        present();
    }

    private void present() {
        lowField.show(low.get());
        highField.show(high.get());
        lowField.revalidate(); // each end's validity depends on the other
        highField.revalidate();
    }

    /** The window as set. */
    public WavenumberWindow window() {
        return window.get();
    }

    /** The window as set; one change per new window (both ends at once). */
    public ReadOnlyObjectProperty<WavenumberWindow> windowProperty() {
        return window.getReadOnlyProperty();
    }

    /** Window start, cm^-1 (a range slider shows it; set it through {@link #setWindow}). */
    public ReadOnlyDoubleProperty lowProperty() {
        return low.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty highProperty() {
        return high.getReadOnlyProperty();
    }

    /** Lowest valid wavenumber of the data (the range slider's minimum). */
    public ReadOnlyDoubleProperty dataMinProperty() {
        return dataMin.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty dataMaxProperty() {
        return dataMax.getReadOnlyProperty();
    }

    /** What the usable-channel rule found in the data (null before any data). */
    public ReadOnlyObjectProperty<UsableChannels> usableProperty() {
        return usable.getReadOnlyProperty();
    }

    public UsableChannels usable() {
        return usable.get();
    }

    /** What was left out of the default window and why (empty when nothing was). */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** True while the window must not change (a fit or run uses it). */
    public BooleanProperty frozenProperty() {
        return frozen;
    }

    public NumberField lowField() {
        return lowField;
    }

    public NumberField highField() {
        return highField;
    }

    /** Usable channels of {@code s} inside the window. */
    public int usableChannels(Spectrum s) {
        if (s == null) {
            return 0;
        }
        WavenumberWindow w = window.get();
        int n = 0;
        for (int c = 0; c < s.size(); c++) {
            if (UsableChannels.isUsable(s, c) && w.contains(s.wavenumber(c))) {
                n++;
            }
        }
        return n;
    }

    /** True when channel {@code c} of {@code s} is not data as the usable-channel rule sees it. */
    public boolean isFlagged(Spectrum s, int c) {
        UsableChannels u = usable.get();
        return u == null ? !UsableChannels.isUsable(s, c) : u.isFlagged(s, c);
    }
}
