package dev.oscilla.io.envi;

import dev.oscilla.io.SpectralFileException;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An ENVI image cube opened for reading: {@code lines} x {@code samples} pixels, each a spectrum of {@code bands}
 * values, stored BSQ, BIL or BIP in any real data type and byte order after a header offset. The data is
 * memory-mapped ({@link MappedData}); reads copy the requested lines (a tile) into caller-provided arrays, so the
 * heap holds one tile per reader whatever the cube size.
 *
 * <p>Values come out as Oscilla sees spectra: bands in ascending wavenumber ("channels"; the header's wavelengths
 * converted from micrometres, nanometres, ... or an axis the caller gives when the header has none), missing values
 * (the header's {@code data ignore value}, NaN, infinities, -1.23e34) and bad bands ({@code bbl} = 0) as NaN, and
 * the header's gain and offset (or reflectance scale factor) applied. Thread-safe for reading; close it when done.
 */
public final class EnviCube implements AutoCloseable {

    /**
     * What the caller knows better than the header.
     *
     * @param bandWavenumbers the axis, cm^-1, one per band in file order (e.g. from an axis file); null to use the
     *                        header's wavelengths
     * @param axisSource      where {@code bandWavenumbers} came from, for the notes ("axis file x.csv")
     * @param unitOverride    the unit of the header's wavelengths when it names none or the wrong one; null to use
     *                        the header's
     */
    public record OpenOptions(double[] bandWavenumbers, String axisSource, EnviWavelengthUnit unitOverride) {

        public static OpenOptions none() {
            return new OpenOptions(null, null, null);
        }

        public static OpenOptions axis(double[] bandWavenumbers, String source) {
            return new OpenOptions(bandWavenumbers.clone(), source, null);
        }

        public static OpenOptions unit(EnviWavelengthUnit unit) {
            return new OpenOptions(null, null, unit);
        }
    }

    private final EnviFiles.Pair files;
    private final EnviHeader header;
    private final DataLayout layout;
    private final BandAxis axis;            // null: no spectral axis
    private final int[] channelBand;        // band of each channel (ascending wavenumber, or file order)
    private final int[] bandChannel;        // inverse
    private final double[] channelAxis;     // cm^-1 ascending, or band numbers 1..n
    private final boolean[] badBand;
    private final ValueRule rule;
    private final MappedData data;
    private final List<String> bandNames;
    private final SpectrumKind kind;
    private final List<String> notes;

    private EnviCube(EnviFiles.Pair files, EnviHeader header, DataLayout layout, BandAxis axis, boolean[] badBand,
                     ValueRule rule, MappedData data, List<String> notes) {
        this.files = files;
        this.header = header;
        this.layout = layout;
        this.axis = axis;
        int bands = layout.bands();
        if (axis != null) {
            channelBand = axis.channelBand();
            channelAxis = axis.channelAxis();
        } else {
            channelBand = new int[bands];
            channelAxis = new double[bands];
            for (int b = 0; b < bands; b++) {
                channelBand[b] = b;
                channelAxis[b] = b + 1;
            }
        }
        bandChannel = new int[bands];
        for (int c = 0; c < bands; c++) {
            bandChannel[channelBand[c]] = c;
        }
        this.badBand = badBand;
        this.rule = rule;
        this.data = data;
        List<String> listed = header.list("band names").orElse(List.of());
        List<String> names = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            String n = b < listed.size() ? listed.get(b).trim() : "";
            names.add(n.isEmpty() ? "Band " + (b + 1) : n);
        }
        this.bandNames = List.copyOf(names);
        this.kind = EnviLibrary.kind(header);
        this.notes = List.copyOf(notes);
    }

    /** Opens a cube given its header or its data file. */
    public static EnviCube open(Path file) throws SpectralFileException {
        return open(file, OpenOptions.none());
    }

    /** Opens a cube given its header or its data file, with what the caller knows better than the header. */
    public static EnviCube open(Path file, OpenOptions options) throws SpectralFileException {
        EnviFiles.Pair files = EnviFiles.locate(file);
        EnviHeader header = EnviHeader.read(files.header());
        DataLayout layout = DataLayout.fromHeader(header).checkedAgainst(files.data());
        int bands = layout.bands();
        BandAxis axis;
        if (options.bandWavenumbers() != null) {
            if (options.bandWavenumbers().length != bands) {
                throw new SpectralFileException(files.header(), "the axis" + (options.axisSource() == null ? ""
                        : " from " + options.axisSource()) + " has " + options.bandWavenumbers().length
                        + " values, the cube has " + bands + " bands");
            }
            axis = BandAxis.fromWavenumbers(files.header(), options.bandWavenumbers(), "axis from "
                    + (options.axisSource() == null ? "the caller" : options.axisSource()));
        } else {
            axis = BandAxis.fromHeader(header, bands, options.unitOverride()).orElse(null);
        }
        boolean[] bad = new boolean[bands];
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "ENVI cube: %d lines x %d samples x %d bands, %s", layout.lines(),
                layout.samples(), bands, layout.describe()));
        notes.add(axis != null ? axis.note() : "no spectral axis in the header: channels are band numbers");
        Optional<double[]> bbl = header.numbers("bbl");
        if (bbl.isPresent()) {
            if (bbl.get().length != bands) {
                throw new SpectralFileException(files.header(), header.entry("bbl").orElseThrow().line(), 0,
                        "'bbl' lists " + bbl.get().length + " values for " + bands + " bands");
            }
            int count = 0;
            for (int b = 0; b < bands; b++) {
                bad[b] = bbl.get()[b] == 0;
                count += bad[b] ? 1 : 0;
            }
            if (count > 0) {
                notes.add(count + " bad band(s) in the header's bad-band list (bbl = 0): masked");
            }
        }
        notes.addAll(layout.notes());
        notes.addAll(header.notes());
        ValueRule rule = ValueRule.fromHeader(header, layout.type(), bands);
        notes.addAll(rule.notes());
        MappedData data = new MappedData(files.data(), layout.headerOffset(), layout.dataBytes(), layout.order(),
                layout.type());
        return new EnviCube(files, header, layout, axis, bad, rule, data, notes);
    }

    public Path headerFile() {
        return files.header();
    }

    public Path dataFile() {
        return files.data();
    }

    public EnviHeader header() {
        return header;
    }

    /** Pixels per line. */
    public int samples() {
        return layout.samples();
    }

    public int lines() {
        return layout.lines();
    }

    public int bands() {
        return layout.bands();
    }

    /** Pixels in the cube, lines x samples. */
    public long pixels() {
        return (long) layout.lines() * layout.samples();
    }

    public EnviDataType dataType() {
        return layout.type();
    }

    public EnviInterleave interleave() {
        return layout.interleave();
    }

    public ByteOrder byteOrder() {
        return layout.order();
    }

    public long headerOffset() {
        return layout.headerOffset();
    }

    /** True when the channels have wavenumbers (from the header or the caller), false when they are band numbers. */
    public boolean hasSpectralAxis() {
        return axis != null;
    }

    /**
     * The channels' axis: ascending wavenumbers (cm^-1) when {@link #hasSpectralAxis()}, else the band numbers
     * 1..bands.
     */
    public double[] axis() {
        return channelAxis.clone();
    }

    /** The band (0-based, file order) that channel {@code channel} reads. */
    public int band(int channel) {
        return channelBand[channel];
    }

    /** The channel of band {@code band} (0-based, file order). */
    public int channel(int band) {
        return bandChannel[band];
    }

    /** True when the header's bad-band list marks the band bad. */
    public boolean isBadBand(int band) {
        return badBand[band];
    }

    /** The channels whose bands are not marked bad, ascending. */
    public int[] goodChannels() {
        int n = 0;
        for (int c = 0; c < channelBand.length; c++) {
            n += badBand[channelBand[c]] ? 0 : 1;
        }
        int[] out = new int[n];
        int k = 0;
        for (int c = 0; c < channelBand.length; c++) {
            if (!badBand[channelBand[c]]) {
                out[k++] = c;
            }
        }
        return out;
    }

    /** Band names from the header, file order ("Band k" where it names none). */
    public List<String> bandNames() {
        return bandNames;
    }

    /** The quantity, from the header's {@code z plot titles}; unknown when it does not say. */
    public SpectrumKind kind() {
        return kind;
    }

    /** The header's {@code data ignore value}. */
    public OptionalDouble ignoreValue() {
        try {
            return header.number("data ignore value");
        } catch (SpectralFileException e) {
            throw new IllegalStateException(e); // validated when the cube was opened
        }
    }

    /** The header's {@code default bands} (0-based, file order), empty when it gives none or they are invalid. */
    public Optional<int[]> defaultBands() {
        try {
            Optional<double[]> d = header.numbers("default bands");
            if (d.isEmpty() || (d.get().length != 1 && d.get().length != 3)) {
                return Optional.empty();
            }
            int[] out = new int[d.get().length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) d.get()[i] - 1;
                if (out[i] < 0 || out[i] >= bands()) {
                    return Optional.empty();
                }
            }
            return Optional.of(out);
        } catch (SpectralFileException e) {
            return Optional.empty();
        }
    }

    /** What the reader found and assumed (layout, axis conversion, bad bands, scaling, header oddities). */
    public List<String> notes() {
        return notes;
    }

    /**
     * Reads whole lines: every pixel of lines [firstLine, firstLine + lineCount), the listed channels.
     *
     * @param channels channel indices (ascending-axis order) to read, in the order wanted
     * @param out      at least lineCount x samples x channels.length values: pixel p = (line - firstLine) x samples
     *                 + sample holds its channels at [p x channels.length, (p + 1) x channels.length); missing
     *                 values and bad bands are NaN
     */
    public void readLines(int firstLine, int lineCount, int[] channels, double[] out) {
        readRegion(firstLine, lineCount, 0, samples(), channels, out);
    }

    /**
     * Reads a rectangle of pixels (lines [firstLine, +lineCount), samples [firstSample, +sampleCount)), the listed
     * channels; pixel p = (line - firstLine) x sampleCount + (sample - firstSample), laid out as in
     * {@link #readLines}.
     */
    public void readRegion(int firstLine, int lineCount, int firstSample, int sampleCount, int[] channels,
                           double[] out) {
        checkRegion(firstLine, lineCount, firstSample, sampleCount);
        int k = channels.length;
        if (out.length < (long) lineCount * sampleCount * k) {
            throw new IllegalArgumentException("output holds " + out.length + " values, the region needs "
                    + (long) lineCount * sampleCount * k);
        }
        int[] bandOf = new int[k];
        for (int i = 0; i < k; i++) {
            bandOf[i] = channelBand[channels[i]];
        }
        switch (layout.interleave()) {
            case BIP:
                for (int l = 0; l < lineCount; l++) {
                    for (int s = 0; s < sampleCount; s++) {
                        long base = layout.index(firstLine + l, firstSample + s, 0);
                        int o = (l * sampleCount + s) * k;
                        for (int i = 0; i < k; i++) {
                            int b = bandOf[i];
                            out[o + i] = badBand[b] ? Double.NaN : rule.apply(data.read(base + b), b);
                        }
                    }
                }
                break;
            case BIL:
                for (int l = 0; l < lineCount; l++) {
                    for (int i = 0; i < k; i++) {
                        int b = bandOf[i];
                        long base = layout.index(firstLine + l, firstSample, b);
                        fillRun(base, sampleCount, b, out, l * sampleCount * k + i, k);
                    }
                }
                break;
            default:
                for (int i = 0; i < k; i++) {
                    int b = bandOf[i];
                    for (int l = 0; l < lineCount; l++) {
                        long base = layout.index(firstLine + l, firstSample, b);
                        fillRun(base, sampleCount, b, out, l * sampleCount * k + i, k);
                    }
                }
                break;
        }
    }

    /** {@code count} consecutive samples of one band from value index {@code base} into out[o], out[o + stride]... */
    private void fillRun(long base, int count, int band, double[] out, int o, int stride) {
        if (badBand[band]) {
            for (int s = 0; s < count; s++) {
                out[o + s * stride] = Double.NaN;
            }
            return;
        }
        for (int s = 0; s < count; s++) {
            out[o + s * stride] = rule.apply(data.read(base + s), band);
        }
    }

    /** One channel as an image: out[line x samples + sample], NaN where missing. */
    public void readChannelImage(int channel, float[] out) {
        int samples = samples();
        if (out.length < pixels()) {
            throw new IllegalArgumentException("output holds " + out.length + " values, the image has " + pixels());
        }
        int b = channelBand[channel];
        // consecutive samples of one band are adjacent except in BIP, where a pixel's bands lie between them
        long stride = layout.interleave() == EnviInterleave.BIP ? bands() : 1;
        for (int l = 0; l < lines(); l++) {
            long base = layout.index(l, 0, b);
            int o = l * samples;
            if (badBand[b]) {
                Arrays.fill(out, o, o + samples, Float.NaN);
                continue;
            }
            for (int s = 0; s < samples; s++) {
                out[o + s] = (float) rule.apply(data.read(base + s * stride), b);
            }
        }
    }

    /**
     * One channel as an image subsampled by {@code step} in both directions (every step-th line and sample, for
     * displaying cubes larger than the screen in bounded memory): out[(line / step) x width + sample / step] with
     * width = ceil(samples / step); NaN where missing.
     */
    public void readChannelImage(int channel, int step, float[] out) {
        if (step == 1) {
            readChannelImage(channel, out);
            return;
        }
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1");
        }
        int width = (samples() + step - 1) / step;
        int height = (lines() + step - 1) / step;
        if (out.length < (long) width * height) {
            throw new IllegalArgumentException("output holds " + out.length + " values, the image has "
                    + (long) width * height);
        }
        int b = channelBand[channel];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = badBand[b] ? Float.NaN
                        : (float) rule.apply(data.read(layout.index(y * step, x * step, b)), b);
            }
        }
    }

    /** Every channel of one pixel (ascending axis), NaN where missing or bad. */
    public double[] pixel(int line, int sample) {
        int[] all = new int[bands()];
        for (int c = 0; c < all.length; c++) {
            all[c] = c;
        }
        double[] out = new double[all.length];
        readRegion(line, 1, sample, 1, all, out);
        return out;
    }

    /**
     * One pixel as a spectrum named "line L, sample S" (1-based, as ENVI shows them) on {@link #axis()}; missing
     * values and bad bands masked.
     */
    public Spectrum spectrum(int line, int sample) {
        return new Spectrum(String.format(Locale.ROOT, "line %d, sample %d", line + 1, sample + 1), kind, channelAxis,
                pixel(line, sample));
    }

    private void checkRegion(int firstLine, int lineCount, int firstSample, int sampleCount) {
        if (firstLine < 0 || lineCount < 0 || firstLine + (long) lineCount > lines() || firstSample < 0
                || sampleCount < 0 || firstSample + (long) sampleCount > samples()) {
            throw new IndexOutOfBoundsException("region lines " + firstLine + "+" + lineCount + ", samples "
                    + firstSample + "+" + sampleCount + " is outside the cube of " + lines() + " x " + samples());
        }
    }

    @Override
    public void close() {
        data.close();
    }

    @Override
    public String toString() {
        return "EnviCube[" + files.header().getFileName() + ", " + lines() + " x " + samples() + " x " + bands() + "]";
    }
}
