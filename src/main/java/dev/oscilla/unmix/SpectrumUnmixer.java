package dev.oscilla.unmix;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;

/** Unmixes one spectrum at a time. Implementations hold workspaces and are confined to one thread. */
@FunctionalInterface
public interface SpectrumUnmixer {

    UnmixResult unmix(Spectrum spectrum);

    /**
     * Unmixes one spectrum given as bare values: the per-pixel path of image cubes, where a million spectra share
     * one axis. Writes the abundances (one per endmember, as {@link UnmixResult#abundances()}) into
     * {@code abundances} and returns the RMS of the model over the channels used. The linear methods override it
     * with an allocation-free solve; the default builds a {@link Spectrum} and goes through {@link #unmix}.
     *
     * @param axis   the channels' wavenumbers, cm^-1 ascending: the axis the unmixer was prepared for
     * @param values one value per channel; NaN where missing
     * @throws IllegalArgumentException when the spectrum cannot be unmixed (e.g. fewer valid channels than
     *                                  endmembers)
     */
    default double unmixValues(double[] axis, double[] values, double[] abundances) {
        UnmixResult r = unmix(new Spectrum("pixel", SpectrumKind.UNKNOWN, axis, values));
        if (r.size() != abundances.length) {
            throw new IllegalStateException("the unmixer gave " + r.size() + " abundances, " + abundances.length
                    + " expected");
        }
        for (int j = 0; j < abundances.length; j++) {
            abundances[j] = r.abundance(j);
        }
        return r.rms();
    }
}
