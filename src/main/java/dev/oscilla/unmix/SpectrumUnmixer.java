package dev.oscilla.unmix;

import dev.oscilla.spectrum.Spectrum;

/** Unmixes one spectrum at a time. Implementations hold workspaces and are confined to one thread. */
@FunctionalInterface
public interface SpectrumUnmixer {

    UnmixResult unmix(Spectrum spectrum);
}
