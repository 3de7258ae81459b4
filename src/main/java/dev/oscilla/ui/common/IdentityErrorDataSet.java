package dev.oscilla.ui.common;

import io.fair_acc.dataset.spi.DoubleErrorDataSet;

/** A ChartFX {@link DoubleErrorDataSet} with identity equality, for the same reasons as {@link IdentityDataSet}. */
@SuppressWarnings("unchecked") // ChartFX's own AbstractDataSet.lock() overrides a generic method unchecked
public final class IdentityErrorDataSet extends DoubleErrorDataSet {

    private static final long serialVersionUID = 1L;

    public IdentityErrorDataSet(String name) {
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
