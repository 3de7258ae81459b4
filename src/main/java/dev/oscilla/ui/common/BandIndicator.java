package dev.oscilla.ui.common;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.XRangeIndicator;

/**
 * A shaded, read-only x range on a chart (the selected oscillator's band). ChartFX's indicator is editable by
 * default (drag, right-click relabel, Ctrl+Delete removes it); here it only shows what the view-model says.
 * Styled through ChartFX's own classes ({@code x-range-indicator-rect}/{@code -label}, oscilla.css), which the
 * indicator resets on every layout.
 */
final class BandIndicator extends XRangeIndicator {

    BandIndicator(Axis axis) {
        super(axis, Double.NaN, Double.NaN, "");
        setEditable(false);
        label.setMouseTransparent(true);
        rectangle.setMouseTransparent(true);
    }
}
