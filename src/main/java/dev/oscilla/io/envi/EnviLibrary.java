package dev.oscilla.io.envi;

import dev.oscilla.io.AtomicFiles;
import dev.oscilla.io.SpectralFileException;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * ENVI spectral libraries: a binary {@code .sli} file of {@code lines} spectra x {@code samples} channels (one band)
 * and its {@code .hdr}, with {@code spectra names}, {@code wavelength} and {@code wavelength units}.
 *
 * <p>Reading gives one {@link Spectrum} per library entry on an ascending cm^-1 axis (micrometres, nanometres and
 * the other ENVI units converted; a file whose wavelengths are out of order, as in AVIRIS-convolved libraries with
 * overlapping spectrometers, is sorted), with missing values masked: the bad-value marker -1.23e34, the header's
 * {@code data ignore value}, NaN and infinities. The reader's notes say what was converted.
 *
 * <p>Writing produces a library any ENVI reader opens: float64 (or float32) little-endian, wavelengths in
 * wavenumbers (or micrometres / nanometres), missing values as -1.23e34 declared as the {@code data ignore value},
 * the spectra's categories in an {@code oscilla categories} list (ENVI keeps unknown keys). Written as wavenumbers in
 * float64, a library reads back bit for bit.
 */
public final class EnviLibrary {

    /** The value written for a missing channel: the convention of ENVI and USGS spectral libraries. */
    public static final double BAD_VALUE = -1.23e34;

    /** Header key under which Oscilla keeps each spectrum's category (mineral group). */
    public static final String CATEGORIES_KEY = "oscilla categories";

    /**
     * How to write a library.
     *
     * @param type FLOAT64 (exact) or FLOAT32
     * @param unit the unit of the written wavelengths (WAVENUMBER is exact; MICROMETERS and NANOMETERS round to
     *             within an ulp)
     */
    public record WriteOptions(EnviDataType type, EnviWavelengthUnit unit) {
        public WriteOptions {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(unit, "unit");
            if (type != EnviDataType.FLOAT64 && type != EnviDataType.FLOAT32) {
                throw new IllegalArgumentException("libraries are written as float32 or float64, not " + type);
            }
            if (!unit.isSpectral()) {
                throw new IllegalArgumentException("libraries are written with a spectral axis unit, not " + unit);
            }
        }

        /** float64, wavenumbers: exact. */
        public static WriteOptions exact() {
            return new WriteOptions(EnviDataType.FLOAT64, EnviWavelengthUnit.WAVENUMBER);
        }
    }

    private EnviLibrary() {
    }

    /**
     * True when {@code file} (header or data) belongs to an ENVI data set whose header says {@code file type = ENVI
     * Spectral Library}, or that has the {@code .sli} extension beside a header. Never throws.
     */
    public static boolean isLibrary(Path file) {
        try {
            EnviFiles.Pair pair = EnviFiles.locate(file);
            if (!EnviHeader.looksLikeHeader(pair.header())) {
                return false;
            }
            EnviHeader h = EnviHeader.read(pair.header());
            String type = h.get("file type").orElse("").toLowerCase(Locale.ROOT);
            return type.contains("spectral library")
                    || pair.data().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sli");
        } catch (SpectralFileException | RuntimeException e) {
            return false;
        }
    }

    /** Reads a library given its {@code .sli} or its {@code .hdr}. */
    public static SpectrumSet read(Path file) throws SpectralFileException {
        return read(file, null);
    }

    /**
     * Reads a library.
     *
     * @param unitOverride the unit of the header's wavelengths when it names none (or names the wrong one); null to
     *                     take it from the header
     */
    public static SpectrumSet read(Path file, EnviWavelengthUnit unitOverride) throws SpectralFileException {
        EnviFiles.Pair pair = EnviFiles.locate(file);
        EnviHeader header = EnviHeader.read(pair.header());
        DataLayout layout = DataLayout.fromHeader(header);
        if (layout.bands() != 1) {
            throw new SpectralFileException(pair.header(), "is not a spectral library: it has " + layout.bands()
                    + " bands (a library has 1 band of 'lines' spectra x 'samples' channels); open it as an image cube");
        }
        layout = layout.checkedAgainst(pair.data());
        int channels = layout.samples();
        int count = layout.lines();
        BandAxis axis = BandAxis.fromHeader(header, channels, unitOverride).orElseThrow(() ->
                new SpectralFileException(pair.header(), "the library has no wavelengths ('wavelength' missing or "
                        + "'wavelength units = Index'): its channels cannot be placed on a spectral axis"));
        ValueRule rule = ValueRule.fromHeader(header, layout.type(), channels);
        List<String> names = names(header, count);
        List<String> categories = categories(header, count);
        SpectrumKind kind = kind(header);
        double[] sortedAxis = axis.channelAxis();
        int[] channelBand = axis.channelBand();
        List<Spectrum> spectra = new ArrayList<>(count);
        long missing = 0;
        try (MappedData data = new MappedData(pair.data(), layout.headerOffset(), layout.dataBytes(), layout.order(),
                layout.type())) {
            double[] values = new double[channels];
            for (int s = 0; s < count; s++) {
                for (int c = 0; c < channels; c++) {
                    // a library's band axis runs along the samples: channel c is sample channelBand[c] of line s
                    double raw = data.read(layout.index(s, channelBand[c], 0));
                    double v = rule.apply(raw, 0);
                    if (Double.isNaN(v)) {
                        missing++;
                    }
                    values[c] = v;
                }
                spectra.add(new Spectrum(names.get(s), kind, sortedAxis, values));
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "ENVI spectral library: %d spectra x %d channels, %s", count, channels,
                layout.describe()));
        notes.add(axis.note());
        notes.addAll(layout.notes());
        notes.addAll(header.notes());
        notes.addAll(rule.notes());
        if (missing > 0) {
            notes.add(missing + " missing values (bad-value marker, ignore value or NaN) masked");
        }
        if (header.list("spectra names").map(List::size).orElse(0) != count) {
            notes.add(header.has("spectra names") ? "'spectra names' does not list one name per spectrum; "
                    + "unnamed spectra are numbered" : "no 'spectra names': spectra are numbered");
        }
        return new SpectrumSet(spectra, categories, List.of(), List.of(), notes);
    }

    private static List<String> names(EnviHeader header, int count) {
        List<String> listed = header.list("spectra names").orElse(List.of());
        List<String> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            String name = s < listed.size() ? listed.get(s).trim() : "";
            out.add(name.isEmpty() ? "Spectrum " + (s + 1) : name);
        }
        return out;
    }

    private static List<String> categories(EnviHeader header, int count) {
        List<String> listed = header.list(CATEGORIES_KEY).orElse(List.of());
        List<String> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            out.add(s < listed.size() ? listed.get(s).trim() : "");
        }
        return out;
    }

    /** The quantity from the second {@code z plot titles} item ("Wavelength, Reflectance"), else unknown. */
    static SpectrumKind kind(EnviHeader header) {
        List<String> titles = header.list("z plot titles").orElse(List.of());
        String y = titles.size() >= 2 ? titles.get(1).toLowerCase(Locale.ROOT) : "";
        if (y.contains("emissiv")) {
            return SpectrumKind.EMISSIVITY;
        }
        if (y.contains("reflect")) {
            return SpectrumKind.REFLECTANCE;
        }
        if (y.contains("transmi")) {
            return SpectrumKind.TRANSMITTANCE;
        }
        if (y.contains("absorb")) {
            return SpectrumKind.ABSORBANCE;
        }
        if (y.contains("intensit") || y.contains("count")) {
            return SpectrumKind.INTENSITY;
        }
        return SpectrumKind.UNKNOWN;
    }

    /** Writes {@code set} exactly (float64, wavenumbers). */
    public static void write(Path file, SpectrumSet set) throws SpectralFileException {
        write(file, set, WriteOptions.exact());
    }

    /**
     * Writes a library: {@code X.sli} and {@code X.hdr} for {@code file} = either of them (or X without
     * extension), each atomically. Every spectrum must be on the same axis; masked channels are written as
     * {@link #BAD_VALUE}. Names are written without commas and braces ({@link EnviNames#sanitise}).
     *
     * @throws IllegalArgumentException when the set is empty or its spectra's axes differ
     */
    public static void write(Path file, SpectrumSet set, WriteOptions options) throws SpectralFileException {
        if (set.size() == 0) {
            throw new IllegalArgumentException("no spectra to write");
        }
        Path data;
        Path hdr;
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".hdr")) {
            hdr = file;
            data = file.resolveSibling(name.substring(0, name.length() - 4) + ".sli");
        } else if (lower.endsWith(".sli")) {
            data = file;
            hdr = file.resolveSibling(name.substring(0, name.length() - 4) + ".hdr");
        } else {
            data = file.resolveSibling(name + ".sli");
            hdr = file.resolveSibling(name + ".hdr");
        }
        double[] axis = set.get(0).axis();
        for (Spectrum s : set.spectra()) {
            if (!Arrays.equals(s.axis(), axis)) {
                throw new IllegalArgumentException("spectrum '" + s.name() + "' has a different axis from '"
                        + set.get(0).name() + "'; an ENVI library has one axis: resample the spectra onto one first");
            }
        }
        int channels = axis.length;
        // wavelengths ascending in the written unit: wavenumbers as they are, lengths reversed
        boolean reciprocal = options.unit() != EnviWavelengthUnit.WAVENUMBER && options.unit() != EnviWavelengthUnit.GHZ
                && options.unit() != EnviWavelengthUnit.MHZ;
        int[] channelOfColumn = new int[channels];
        double[] written = new double[channels];
        for (int k = 0; k < channels; k++) {
            channelOfColumn[k] = reciprocal ? channels - 1 - k : k;
            written[k] = options.unit().fromWavenumber(axis[channelOfColumn[k]]);
        }
        int bytes = options.type().bytes();
        long size = (long) channels * set.size() * bytes;
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a library of " + set.size() + " x " + channels
                    + " values is too large for one file");
        }
        SpectrumKind kind = set.spectra().stream().map(Spectrum::kind).distinct().count() == 1
                ? set.get(0).kind() : SpectrumKind.UNKNOWN;
        List<String> names = new ArrayList<>(set.size());
        for (int s = 0; s < set.size(); s++) {
            names.add(EnviNames.sanitise(set.get(s).name(), "Spectrum " + (s + 1)));
        }
        boolean anyCategory = set.categories().stream().anyMatch(c -> !c.isBlank());
        EnviHeader.Builder h = EnviHeader.builder()
                .text("description", "Spectral library written by Oscilla")
                .put("samples", channels)
                .put("lines", set.size())
                .put("bands", 1)
                .put("header offset", 0)
                .put("file type", "ENVI Spectral Library")
                .put("data type", options.type().code())
                .put("interleave", "bsq")
                .put("byte order", 0)
                .put("data ignore value", "-1.23e34")
                .put("wavelength units", options.unit().headerName())
                .list("z plot titles", List.of(zTitle(options.unit()), kindTitle(kind)))
                .list("band names", List.of("Spectral Library"))
                .list("spectra names", names)
                .numbers("wavelength", written);
        if (anyCategory) {
            List<String> cats = new ArrayList<>();
            for (String c : set.categories()) {
                cats.add(EnviNames.sanitise(c, ""));
            }
            h.list(CATEGORIES_KEY, cats);
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        for (Spectrum s : set.spectra()) {
            for (int k = 0; k < channels; k++) {
                int c = channelOfColumn[k];
                double v = s.isValid(c) ? s.value(c) : BAD_VALUE;
                if (!Double.isFinite(v)) {
                    v = BAD_VALUE;
                }
                if (options.type() == EnviDataType.FLOAT64) {
                    buffer.putDouble(v);
                } else {
                    buffer.putFloat((float) v);
                }
            }
        }
        byte[] content = buffer.array();
        AtomicFiles.write(data, out -> out.write(content));
        AtomicFiles.writeString(hdr, h.build().format());
    }

    private static String zTitle(EnviWavelengthUnit unit) {
        switch (unit) {
            case MICROMETERS:
                return "Wavelength (um)";
            case NANOMETERS:
                return "Wavelength (nm)";
            case WAVENUMBER:
                return "Wavenumber (cm-1)";
            default:
                return "Wavelength (" + unit.headerName() + ")";
        }
    }

    private static String kindTitle(SpectrumKind kind) {
        switch (kind) {
            case EMISSIVITY:
                return "Emissivity";
            case REFLECTANCE:
                return "Reflectance";
            case TRANSMITTANCE:
                return "Transmittance";
            case ABSORBANCE:
                return "Absorbance";
            case INTENSITY:
                return "Intensity";
            default:
                return "Value";
        }
    }
}
