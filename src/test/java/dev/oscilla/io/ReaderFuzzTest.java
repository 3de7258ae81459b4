package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oscilla.io.envi.EnviLibrary;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of every reader: inputs are seeds (the real files and the variants the format tests build)
 * with up to eight mutations (bytes flipped or replaced by characters of the formats, format keywords and extreme
 * numbers inserted, ranges deleted or duplicated, lines swapped, the file cut). The property: a reader either
 * returns spectra whose axes are positive, finite and ascending and whose valid values are all finite, or throws its
 * own {@link SpectralFileException} with a one-line message; anything else (another exception, an error, a hang) is
 * a defect. Format detection never throws.
 *
 * <p>The number of inputs per reader is jqwik's default tries: a few hundred in the default test run
 * ({@code src/test/resources/junit-platform.properties}), 100,000 with {@code mvn -Pfuzz verify}. The counts of
 * accepted and rejected inputs are printed at the end.
 */
@Tag("fuzz")
class ReaderFuzzTest {

    private static final SpectrumReadOptions DEFAULTS = SpectrumReadOptions.defaults();
    private static final Map<String, AtomicLong[]> COUNTS = new ConcurrentHashMap<>();

    private static Path work;
    private static Path usgsAxis;
    private static Path asuMeta;
    private static Path enviSmall;
    private static Path enviSmallData;
    private static List<byte[]> enviHeaders;

    @BeforeContainer
    static void files() throws Exception {
        work = Files.createTempDirectory("oscilla-fuzz");
        usgsAxis = Files.writeString(work.resolve("axis.txt"), FuzzSeeds.usgsAxis());
        asuMeta = Files.writeString(work.resolve("fuzz_meta.csv"), FuzzSeeds.asuMeta());
        double[] axis = new double[12];
        List<Spectrum> spectra = new ArrayList<>();
        for (int c = 0; c < axis.length; c++) {
            axis[c] = 400 + 25 * c;
        }
        for (int s = 0; s < 4; s++) {
            double[] v = new double[axis.length];
            for (int c = 0; c < v.length; c++) {
                v[c] = c == 5 && s == 2 ? Double.NaN : 0.8 + 0.01 * s + 0.001 * c;
            }
            spectra.add(new Spectrum("mineral " + s, SpectrumKind.EMISSIVITY, axis, v));
        }
        enviSmall = work.resolve("small.sli");
        EnviLibrary.write(enviSmall, SpectrumSet.of(spectra));
        enviSmallData = Files.readAllBytes(enviSmall).length > 0 ? enviSmall : null;
        enviHeaders = new ArrayList<>();
        enviHeaders.add(Files.readAllBytes(work.resolve("small.hdr")));
        if (SharedData.present()) {
            // the real library header, cut to its first 10 spectra (and the data to theirs) so a run stays fast
            String header = Files.readString(SharedData.formats("envi/s06av95a_envi.hdr"), StandardCharsets.ISO_8859_1);
            int names = header.indexOf("spectra names = {");
            int end = header.indexOf('}', names);
            String[] listed = header.substring(header.indexOf('{', names) + 1, end).split(",");
            String cut = header.substring(0, names) + "spectra names = {" + String.join(",",
                    java.util.Arrays.copyOf(listed, 10)) + "}" + header.substring(end + 1);
            enviHeaders.add(cut.replaceFirst("lines\\s*=\\s*1365", "lines   = 10")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] data = Files.readAllBytes(SharedData.formats("envi/s06av95a_envi.sli"));
            Files.write(work.resolve("real.sli"), java.util.Arrays.copyOf(data, 10 * 224 * 8));
        }
    }

    @AfterContainer
    static void report() throws IOException {
        Map<String, AtomicLong[]> sorted = new TreeMap<>(COUNTS);
        sorted.forEach((reader, c) -> System.out.printf("fuzz %-12s %,9d inputs: %,9d read, %,9d refused with a"
                + " SpectralFileException, 0 other outcomes%n", reader, c[0].get() + c[1].get(), c[0].get(),
                c[1].get()));
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** A seed and the mutations applied to it. */
    record Input(int seed, List<Mutation> mutations) {
    }

    /**
     * One mutation: {@code op} picks the kind, {@code a} and {@code b} positions or lengths, {@code token} a
     * character, keyword or number.
     */
    record Mutation(int op, int a, int b, int token) {
    }

    /** Characters the formats give meaning to: separators, signs, ASDF digits, labels, comments, quotes. */
    private static final String CHARACTERS = "0123456789.,;:+-eE \t\n\r#$=?@ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrs"
            + "%\"(){}\u00b5";

    /** Keywords and values that steer readers into their rarer branches. */
    private static final List<String> TOKENS = List.of("##XYDATA=(X++(Y..Y))\n", "##XYPOINTS=(XY..XY)\n",
            "##PEAK TABLE=(XY..XY)\n", "##NPOINTS=", "##FIRSTX=", "##LASTX=", "##DELTAX=0\n", "##XFACTOR=1E300\n",
            "##YFACTOR=1E-300\n", "##YFACTOR=1E308\n", "##END=\n", "##TITLE=x\n", "##JCAMP-DX=5.01\n", "##NTUPLES=x\n",
            "##XUNITS=MICROMETERS\n", "##XUNITS=HZ\n", "##YUNITS=%T\n", "##BLOCKS=2\n", "##$OSCILLA SCALE=PERCENT\n",
            "##RRUFFID=R000001\n", "X Units: Wavelength (nanometers)\n", "Y Units: Reflectance (percent)\n",
            "Number of X Values: 9999999999\n", " splib07a Record=1: x ASDFRa AREF\n", "1e308", "-1e308", "1e-320",
            "-1.23e34", "NaN", "nan", "?", "Infinity", "0", "-0", "1E999", "99999999999999999999", "s99999999",
            "S9", "%", "J", "\ufeff", "\"", "sample_name,category\n", "category", "ENVI\n", "samples = 0\n",
            "lines = 99999999999\n", "bands = 2\n", "data type = 12\n", "byte order = 1\n", "header offset = 7\n",
            "wavelength units = Nanometers\n", "wavelength = {1, 2, 3}\n", "spectra names = {a, b\n", "}",
            "data ignore value = 0.8\n", "interleave = bip\n", "\n", "\r\n", ",", ";");

    @Provide
    static Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers(),
                Arbitraries.integers(), Arbitraries.integers().between(0, 10_000)).as(Mutation::new);
        return one.list().ofMaxSize(8);
    }

    private static Arbitrary<Input> inputs(int seeds) {
        return Combinators.combine(Arbitraries.integers().between(0, seeds - 1), mutations()).as(Input::new);
    }

    /** Applies the mutations to a copy of the seed. */
    static byte[] mutate(byte[] seed, List<Mutation> mutations) {
        byte[] data = seed.clone();
        for (Mutation m : mutations) {
            int n = data.length;
            int at = n == 0 ? 0 : Math.floorMod(m.a(), n + 1);
            switch (m.op()) {
                case 0: // flip a byte
                    if (n > 0) {
                        data[Math.floorMod(m.a(), n)] ^= (byte) (1 + Math.floorMod(m.b(), 255));
                    }
                    break;
                case 1: // a character of the formats
                    if (n > 0) {
                        data[Math.floorMod(m.a(), n)] = (byte) CHARACTERS.charAt(m.token() % CHARACTERS.length());
                    }
                    break;
                case 2: // insert a keyword or number
                case 3:
                    data = splice(data, at, at, FuzzSeeds.bytes(TOKENS.get(m.token() % TOKENS.size())));
                    break;
                case 4: // delete a range
                    data = splice(data, at, Math.min(n, at + 1 + Math.floorMod(m.b(), 64)), new byte[0]);
                    break;
                case 5: { // duplicate a range
                    int end = Math.min(n, at + 1 + Math.floorMod(m.b(), 256));
                    byte[] copy = java.util.Arrays.copyOfRange(data, at, end);
                    data = splice(data, end, end, copy);
                    break;
                }
                case 6: // swap two lines
                    data = swapLines(data, m.a(), m.b());
                    break;
                case 7: // cut the file
                    data = java.util.Arrays.copyOf(data, at);
                    break;
                default: { // replace the number at a position by an extreme one
                    String text = new String(data, StandardCharsets.ISO_8859_1);
                    int start = at;
                    while (start < text.length() && !Character.isDigit(text.charAt(start))) {
                        start++;
                    }
                    int end = start;
                    while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                        end++;
                    }
                    String[] extreme = {"1e308", "-1e308", "0", "1e-320", "-1.23e34", "4.9e-324", "123456789012345678"};
                    data = splice(data, start, end, FuzzSeeds.bytes(extreme[m.token() % extreme.length]));
                    break;
                }
            }
        }
        return data;
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        from = Math.max(0, Math.min(from, data.length));
        to = Math.max(from, Math.min(to, data.length));
        byte[] out = new byte[data.length - (to - from) + insert.length];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(data, to, out, from + insert.length, data.length - to);
        return out;
    }

    private static byte[] swapLines(byte[] data, int a, int b) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n", -1);
        if (lines.length < 2) {
            return data;
        }
        int i = Math.floorMod(a, lines.length);
        int j = Math.floorMod(b, lines.length);
        String t = lines[i];
        lines[i] = lines[j];
        lines[j] = t;
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Something that reads one input. */
    @FunctionalInterface
    interface Reader {
        SpectrumSet read(byte[] input) throws SpectralFileException, IOException;
    }

    /** Runs a reader on an input and checks the property; counts the outcome. */
    static void check(String name, Reader reader, byte[] input) throws IOException {
        AtomicLong[] counts = COUNTS.computeIfAbsent(name, k -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
        SpectrumSet set;
        try {
            set = reader.read(input);
        } catch (SpectralFileException e) {
            assertThat(e.getMessage()).as("a one-line message").doesNotContain("\n").doesNotContain("\r");
            counts[1].incrementAndGet();
            return;
        }
        assertThat(set.size()).isPositive();
        for (Spectrum s : set.spectra()) {
            assertThat(s.size()).isPositive();
            for (int c = 0; c < s.size(); c++) {
                double x = s.wavenumber(c);
                assertThat(Double.isFinite(x) && x > 0 && (c == 0 || x > s.wavenumber(c - 1))).as("axis at %d", c)
                        .isTrue();
                if (s.isValid(c)) {
                    assertThat(Double.isFinite(s.value(c))).as("value of %s at %d", s.name(), c).isTrue();
                }
            }
            assertThat(s.name()).isNotNull();
        }
        assertThat(set.notes()).doesNotContainNull();
        counts[0].incrementAndGet();
    }

    private static final List<byte[]> JCAMP = FuzzSeeds.jcamp();
    private static final List<byte[]> ASTER = FuzzSeeds.aster();
    private static final List<byte[]> USGS = FuzzSeeds.usgs();
    private static final List<byte[]> RELAB = FuzzSeeds.relab();
    private static final List<byte[]> RRUFF = FuzzSeeds.rruff();
    private static final List<byte[]> ROWS = FuzzSeeds.rows();
    private static final List<byte[]> DELIMITED = FuzzSeeds.delimited();
    private static final List<byte[]> ASU_TAB = FuzzSeeds.asuTab();
    private static final List<byte[]> ASU_META = FuzzSeeds.asuMetaSeeds();

    @Provide
    Arbitrary<Input> jcampInputs() {
        return inputs(JCAMP.size());
    }

    @Provide
    Arbitrary<Input> asterInputs() {
        return inputs(ASTER.size());
    }

    @Provide
    Arbitrary<Input> usgsInputs() {
        return inputs(USGS.size());
    }

    @Provide
    Arbitrary<Input> relabInputs() {
        return inputs(RELAB.size());
    }

    @Provide
    Arbitrary<Input> rruffInputs() {
        return inputs(RRUFF.size());
    }

    @Provide
    Arbitrary<Input> rowsInputs() {
        return inputs(ROWS.size());
    }

    @Provide
    Arbitrary<Input> delimitedInputs() {
        return inputs(DELIMITED.size());
    }

    @Provide
    Arbitrary<Input> asuTabInputs() {
        return inputs(ASU_TAB.size());
    }

    @Provide
    Arbitrary<Input> asuMetaInputs() {
        return inputs(ASU_META.size());
    }

    @Provide
    Arbitrary<Input> enviHeaderInputs() {
        return inputs(enviHeaders.size());
    }

    @Provide
    Arbitrary<Input> enviDataInputs() {
        return inputs(1);
    }

    @Provide
    Arbitrary<Input> anyInputs() {
        return inputs(all().size());
    }

    private static List<byte[]> all() {
        List<byte[]> out = new ArrayList<>();
        for (List<byte[]> l : List.of(JCAMP, ASTER, USGS, RELAB, RRUFF, ROWS, DELIMITED, ASU_TAB, ASU_META)) {
            out.addAll(l);
        }
        return out;
    }

    private static final Path ORIGIN = Path.of("fuzzed.txt");

    @Property
    void jcampDx(@ForAll("jcampInputs") Input in) throws Exception {
        check("jcamp", b -> JcampDxReader.parse(Path.of("fuzzed.jdx"), b, DEFAULTS),
                mutate(JCAMP.get(in.seed()), in.mutations()));
    }

    @Property
    void asterEcostress(@ForAll("asterInputs") Input in) throws Exception {
        check("aster", b -> AsterTextFormat.parse(ORIGIN, b, DEFAULTS), mutate(ASTER.get(in.seed()), in.mutations()));
    }

    @Property
    void usgsSplib07(@ForAll("usgsInputs") Input in) throws Exception {
        SpectrumReadOptions withAxis = SpectrumReadOptions.builder().axisFile(usgsAxis).build();
        check("usgs", b -> UsgsAsciiFormat.parse(ORIGIN, b, withAxis), mutate(USGS.get(in.seed()), in.mutations()));
    }

    @Property
    void relab(@ForAll("relabInputs") Input in) throws Exception {
        check("relab", b -> RelabFormat.parse(ORIGIN, b, DEFAULTS), mutate(RELAB.get(in.seed()), in.mutations()));
    }

    @Property
    void rruff(@ForAll("rruffInputs") Input in) throws Exception {
        check("rruff", b -> RruffTextFormat.parse(ORIGIN, b, DEFAULTS), mutate(RRUFF.get(in.seed()), in.mutations()));
    }

    @Property
    void rowOrientedTables(@ForAll("rowsInputs") Input in) throws Exception {
        check("rows", b -> RowSpectraFormat.parse(ORIGIN, b, DEFAULTS), mutate(ROWS.get(in.seed()), in.mutations()));
    }

    @Property
    void delimitedTables(@ForAll("delimitedInputs") Input in) throws Exception {
        check("csv", b -> DelimitedSpectrumReader.parse(ORIGIN, b, DEFAULTS),
                mutate(DELIMITED.get(in.seed()), in.mutations()));
    }

    @Property
    void asuTab(@ForAll("asuTabInputs") Input in) throws Exception {
        check("asu tab", b -> AsuTabReader.parse(work.resolve("fuzz_tab.txt"), b, asuMeta, DEFAULTS),
                mutate(ASU_TAB.get(in.seed()), in.mutations()));
    }

    @Property
    void asuMeta(@ForAll("asuMetaInputs") Input in) throws Exception {
        byte[] tab = FuzzSeeds.bytes("400.0 0.95 0.90\n402.0 0.96 0.91\n404.0 0.97 0.92\n");
        check("asu meta", b -> {
            MetaTable meta = MetaTable.parse(ORIGIN, TextFiles.decode(ORIGIN, b).content());
            // the meta table is half of a pair: read a tab of as many samples against it
            StringBuilder sb = new StringBuilder();
            for (int r = 0; r < 3; r++) {
                sb.append(400 + 2 * r);
                for (int s = 0; s < meta.names().size(); s++) {
                    sb.append(' ').append(0.9);
                }
                sb.append('\n');
            }
            Path m = work.resolve("meta_fuzz_meta.csv");
            Files.write(m, b);
            return AsuTabReader.parse(work.resolve("meta_fuzz_tab.txt"), FuzzSeeds.bytes(sb.toString()), m, DEFAULTS);
        }, mutate(ASU_META.get(in.seed()), in.mutations()));
        assertThat(tab).isNotEmpty();
    }

    @Property
    void enviLibraryHeader(@ForAll("enviHeaderInputs") Input in) throws Exception {
        String base = in.seed() == 0 ? "small" : "real";
        Path header = work.resolve(base + ".hdr");
        check("envi header", b -> {
            Path staged = work.resolve(base + ".hdr.new");
            Files.write(staged, b);
            Files.move(staged, header, StandardCopyOption.REPLACE_EXISTING);
            return SpectrumFormats.byId("envi").orElseThrow().read(header, DEFAULTS);
        }, mutate(enviHeaders.get(in.seed()), in.mutations()));
    }

    @Property
    void enviLibraryData(@ForAll("enviDataInputs") Input in) throws Exception {
        byte[] seed = Files.readAllBytes(enviSmallData);
        Path header = work.resolve("data.hdr");
        if (!Files.exists(header)) {
            Files.write(header, enviHeaders.get(0));
        }
        check("envi data", b -> {
            Path staged = work.resolve("data.sli.new");
            Files.write(staged, b);
            // a new file each time: a replaced file's old mapping stays valid until it is collected
            Files.move(staged, work.resolve("data.sli"), StandardCopyOption.REPLACE_EXISTING);
            return SpectrumFormats.byId("envi").orElseThrow().read(header, DEFAULTS);
        }, mutate(seed, in.mutations()));
    }

    @Property
    void detectionNeverThrows(@ForAll("anyInputs") Input in) {
        byte[] b = mutate(all().get(in.seed()), in.mutations());
        String[] names = {"x.jdx", "x.txt", "x.csv", "x.tab", "x_tab.txt", "x.hdr", "x.sli", "x"};
        FileHead head = FileHead.of(work.resolve(names[new Random(in.seed()).nextInt(names.length)]), b);
        SpectrumFormat f = SpectrumFormats.detect(head, DEFAULTS);
        assertThat(f).isNotNull();
        COUNTS.computeIfAbsent("detection", k -> new AtomicLong[] {new AtomicLong(), new AtomicLong()})[0]
                .incrementAndGet();
    }
}
