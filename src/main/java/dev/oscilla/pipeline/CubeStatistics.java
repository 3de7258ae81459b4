package dev.oscilla.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Running statistics of an unmixed cube, in constant memory whatever its size: pixel counts (unmixed, no data,
 * failed), per band the mean, extremes and quantiles (histogram of {@value #BAND_BINS} bins over [{@value #BAND_LO},
 * {@value #BAND_HI}]: abundances of the constrained methods lie in [0, 1], unconstrained ones a little outside), and
 * the quantiles of the RMS (logarithmic bins from 1e-7 to 10: a quantile to 0.5 %). One per worker; merged at the
 * end. Not thread-safe.
 */
public final class CubeStatistics implements Serializable {

    private static final long serialVersionUID = 1L;

    static final double BAND_LO = -1.0;
    static final double BAND_HI = 2.0;
    /** 0.001 per bin. */
    static final int BAND_BINS = 3000;
    /** RMS bins: 4,000 over 8 decades, each bin 0.46 % wide. */
    private static final double RMS_LO = 1e-7;
    private static final double RMS_HI = 10;
    private static final int RMS_BINS = 4000;
    /** Failure messages kept as examples. */
    private static final int EXAMPLES = 5;

    private final String[] bandNames;
    private final double[] sums;
    private final Histogram[] bands;
    private final Histogram rms;
    private double rmsSum;
    private long unmixed;
    private long noData;
    private long failed;
    private final List<String> failureExamples = new ArrayList<>();

    public CubeStatistics(List<String> bandNames) {
        this.bandNames = bandNames.toArray(new String[0]);
        this.sums = new double[this.bandNames.length];
        this.bands = new Histogram[this.bandNames.length];
        for (int b = 0; b < bands.length; b++) {
            bands[b] = Histogram.linear(BAND_LO, BAND_HI, BAND_BINS);
        }
        this.rms = Histogram.logarithmic(RMS_LO, RMS_HI, RMS_BINS);
    }

    /** One unmixed pixel: its band values (abundances, then group sums) from {@code values[offset + b * stride]}. */
    void addUnmixed(double[] values, int offset, int stride, double rmsValue) {
        unmixed++;
        for (int b = 0; b < sums.length; b++) {
            double v = values[offset + b * stride];
            sums[b] += v;
            bands[b].add(v);
        }
        rms.add(rmsValue);
        rmsSum += rmsValue;
    }

    void addNoData() {
        noData++;
    }

    void addFailed(String example) {
        failed++;
        if (failureExamples.size() < EXAMPLES) {
            failureExamples.add(example);
        }
    }

    /** Adds another worker's statistics to these. */
    public void merge(CubeStatistics other) {
        for (int b = 0; b < sums.length; b++) {
            sums[b] += other.sums[b];
            bands[b].merge(other.bands[b]);
        }
        rms.merge(other.rms);
        rmsSum += other.rmsSum;
        unmixed += other.unmixed;
        noData += other.noData;
        failed += other.failed;
        for (String e : other.failureExamples) {
            if (failureExamples.size() < EXAMPLES) {
                failureExamples.add(e);
            }
        }
    }

    public List<String> bandNames() {
        return List.of(bandNames);
    }

    public long pixels() {
        return unmixed + noData + failed;
    }

    public long unmixed() {
        return unmixed;
    }

    /** Pixels without data (NaN, the ignore value or all zero in the window): never unmixed. */
    public long noData() {
        return noData;
    }

    /** Pixels with data that could not be unmixed (e.g. fewer valid channels than endmembers). */
    public long failed() {
        return failed;
    }

    /** The first few failures, "line L, sample S: reason". */
    public List<String> failureExamples() {
        return List.copyOf(failureExamples);
    }

    /** Mean of band {@code b} over the unmixed pixels (NaN when none). */
    public double mean(int b) {
        return unmixed == 0 ? Double.NaN : sums[b] / unmixed;
    }

    public double min(int b) {
        return bands[b].min();
    }

    public double max(int b) {
        return bands[b].max();
    }

    /** Quantile of band {@code b}, to 0.001 inside [-1, 2]. */
    public double quantile(int b, double q) {
        return bands[b].quantile(q);
    }

    /** Quantile of the RMS over the unmixed pixels, to 0.5 %. */
    public double rmsQuantile(double q) {
        return rms.quantile(q);
    }

    /** Mean RMS over the unmixed pixels (NaN when none). */
    public double rmsMean() {
        return unmixed == 0 ? Double.NaN : rmsSum / unmixed;
    }

    public double rmsMax() {
        return rms.max();
    }
}
