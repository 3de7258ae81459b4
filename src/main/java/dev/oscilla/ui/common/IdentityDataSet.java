package dev.oscilla.ui.common;

import io.fair_acc.dataset.spi.DoubleDataSet;

/**
 * A ChartFX {@link DoubleDataSet} with identity equality. ChartFX's data sets hash and compare by content
 * (STACK.md), so a set whose values change is lost from hash maps keyed by it (EditDataSet) and
 * {@code getDatasets().remove(ds)} may remove an equal-looking other set. Every plotted series of the workbench
 * is one of these.
 */
@SuppressWarnings("unchecked") // ChartFX's own AbstractDataSet.lock() overrides a generic method unchecked
public final class IdentityDataSet extends DoubleDataSet {

    private static final long serialVersionUID = 1L;

    public IdentityDataSet(String name) {
        super(name);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
