package dev.oscilla.bench;

import dev.oscilla.io.AsuTabReader;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.testing.SharedData;

/** Inputs shared by benchmarks. */
final class BenchData {

    private BenchData() {
    }

    /** The 830 channels of the feely library inside the published window 399.29-1998.38 cm^-1. */
    static double[] feelyWindowAxis() throws SpectralFileException {
        return AsuTabReader.read(SharedData.feely("library_tab.txt"), SharedData.feely("library_meta.csv"))
                .get(0).window(WavenumberWindow.FEELY).axis();
    }
}
