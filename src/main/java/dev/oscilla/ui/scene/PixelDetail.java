package dev.oscilla.ui.scene;

import java.util.List;
import java.util.Map;

/**
 * What one pixel holds and how it unmixes: its spectrum, the model of the current method and its abundances.
 *
 * @param line        0-based line
 * @param sample      0-based sample
 * @param axis        channels used by the unmixing, cm^-1 (the whole spectrum when {@code abundances} is empty)
 * @param measured    the pixel's values there
 * @param modelled    the model there (empty when the pixel was not unmixed)
 * @param endmembers  endmember names
 * @param abundances  abundances as solved, one per endmember (empty when the pixel was not unmixed)
 * @param groups      normalised group sums
 * @param rms         RMS of the model (NaN when not unmixed)
 * @param note        why the pixel was not unmixed, or an empty string
 * @param millis      time from the click to this result on the worker, ms
 */
public record PixelDetail(int line, int sample, double[] axis, double[] measured, double[] modelled,
                          List<String> endmembers, double[] abundances, Map<String, Double> groups, double rms,
                          String note, double millis) {
}
