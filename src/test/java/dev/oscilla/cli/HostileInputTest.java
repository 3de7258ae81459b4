package dev.oscilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defects a hostile-input run found, each as it was reported: a finite but overflowing library parameter, a
 * spectrum too large to unmix, a derived value that overflows on conversion, an output that is a directory, a
 * byte-order mark, a corrupt model file, a directory as input, and the default window in messages. Every one is a
 * one-line user error (exit 2) that names the culprit, and no output file is written or replaced.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static final String OVERFLOWING_LIBRARY = "{\"format\":\"oscilla-library\",\"version\":1,\"name\":\"x\","
            + "\"minerals\":[{\"name\":\"Big\",\"modes\":[{\"eps_inf\":2.0,\"weight\":1,\"oscillators\":[{\"omega0\":1000,"
            + "\"S\":1e308,\"gamma\":0.01}]}]},{\"name\":\"Ok\",\"modes\":[{\"eps_inf\":2.0,\"weight\":1,"
            + "\"oscillators\":[{\"omega0\":800,\"S\":0.5,\"gamma\":0.02}]}]}]}";

    private static final String SPECTRUM = "cm-1,e\n400,0.95\n500,0.9\n600,0.93\n700,0.9\n800,0.8\n900,0.9\n"
            + "1000,0.91\n1100,0.92\n1200,0.94\n";

    private List<String> hiddenFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    @Test
    void forwardOfAModelThatOverflowsNamesTheMineralAndWritesNothing() throws Exception {
        Path lib = file("lib.json", OVERFLOWING_LIBRARY);
        Path out = dir.resolve("f.csv");
        String error = CliRun.of("forward", "--library", lib.toString(), "--mineral", "Big", "--out",
                out.toString()).userError();
        assertThat(error).contains("mineral 'Big' renders a non-finite emissivity");
        assertThat(out).doesNotExist();
        assertThat(hiddenFiles()).isEmpty();
    }

    @Test
    void unmixingWithAModelThatOverflowsNamesItInsteadOfDroppingIt() throws Exception {
        Path lib = file("lib.json", OVERFLOWING_LIBRARY);
        Path spectrum = file("s.csv", SPECTRUM);
        Path out = dir.resolve("u.csv");
        String error = CliRun.of("unmix", "--quiet", "--library", lib.toString(), "--out", out.toString(),
                spectrum.toString()).userError();
        assertThat(error).contains("mineral 'Big'").contains("non-finite");
        assertThat(out).doesNotExist();
    }

    @Test
    void aSpectrumTooLargeToUnmixIsReportedNeverWrittenAsInfinity() throws Exception {
        Path library = file("lib.csv", "cm-1,A,B\n400,0.9,0.8\n500,0.95,0.7\n600,0.9,0.75\n700,0.85,0.8\n"
                + "800,0.9,0.82\n900,0.92,0.84\n1000,0.94,0.86\n1100,0.9,0.8\n1200,0.91,0.81\n");
        Path huge = file("huge.csv", SPECTRUM.replace("400,0.95", "400,1e308"));
        Path out = dir.resolve("u.csv");
        Path json = dir.resolve("u.json");
        String error = CliRun.of("unmix", "--quiet", "--library", library.toString(), "--out", out.toString(),
                "--json", json.toString(), huge.toString()).userError();
        assertThat(error).contains("e: the residual is not finite");
        assertThat(out).doesNotExist();
        assertThat(json).doesNotExist();
    }

    @Test
    void convertingATableWhoseBandWidthOverflowsNamesTheMineral() throws Exception {
        Path lib = file("lib.json", OVERFLOWING_LIBRARY.replace("\"omega0\":800,\"S\":0.5,\"gamma\":0.02",
                "\"omega0\":1e300,\"S\":0.5,\"gamma\":1e10"));
        Path out = dir.resolve("table.csv");
        String error = CliRun.of("convert", lib.toString(), out.toString()).userError();
        assertThat(error).contains("mineral 'Ok'").contains("overflows");
        assertThat(out).doesNotExist();
        assertThat(hiddenFiles()).isEmpty();
    }

    @Test
    void aJsonReportThatIsADirectoryFailsBeforeTheCsvIsReplaced() throws Exception {
        Path library = file("lib.csv", "cm-1,A,B\n400,0.9,0.8\n500,0.95,0.7\n600,0.9,0.75\n700,0.85,0.8\n");
        Path spectrum = file("s.csv", "cm-1,e\n400,0.88\n500,0.9\n600,0.85\n700,0.84\n");
        Path out = file("results.csv", "previous results\n");
        FileTime before = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(out, before);
        Path report = Files.createDirectory(dir.resolve("report"));
        String error = CliRun.of("unmix", "--quiet", "--library", library.toString(), "--out", out.toString(),
                "--json", report.toString(), spectrum.toString()).userError();
        assertThat(error).contains("report: is a directory");
        assertThat(Files.readString(out)).isEqualTo("previous results\n");
        assertThat(Files.getLastModifiedTime(out)).isEqualTo(before);
    }

    @Test
    void aJsonLibraryWithAByteOrderMarkIsRead() throws Exception {
        Path lib = dir.resolve("bom.json");
        Files.write(lib, ("\ufeff" + OVERFLOWING_LIBRARY).getBytes(StandardCharsets.UTF_8));
        String out = CliRun.of("info", lib.toString()).succeeded().out();
        assertThat(out).startsWith("bom.json: oscillator library \"x\" (Oscilla JSON), 2 minerals");
    }

    @Test
    void aCorruptModelFileIsOneClearLine() throws Exception {
        Path lib = file("lib.json", OVERFLOWING_LIBRARY.replace("\"S\":1e308", "\"S\":0.3"));
        Path spectrum = file("s.csv", SPECTRUM);
        Path model = dir.resolve("model.bin");
        Files.write(model, "OSCIRNN\n\u0000\u0000\u0000\u0005{abc}".getBytes(StandardCharsets.ISO_8859_1));
        String error = CliRun.of("unmix", "--quiet", "--library", lib.toString(), "--method", "ir", "--model",
                model.toString(), "--out", dir.resolve("u.csv").toString(), spectrum.toString()).userError();
        assertThat(error).contains("model.bin: damaged model file (header is not JSON")
                .doesNotContain("[Source").doesNotContain("line: 1");
    }

    @Test
    void infoOnADirectorySaysItIsADirectory() {
        assertThat(CliRun.of("info", dir.toString()).userError()).endsWith(": is a directory, not a file");
    }

    @Test
    void theDefaultWindowIsPrintedAsTheRangeItCovers() throws Exception {
        Path tiny = file("tiny.csv", "cm-1,e\n400,0.9\n500,0.8\n600,0.85\n");
        String error = CliRun.of("fit", "--quiet", "--out", dir.resolve("m.json").toString(), tiny.toString())
                .userError();
        // the default window is the data's usable range (spectrum.UsableChannels), printed as its two ends
        assertThat(error).contains("in the window 400:600").doesNotContain(" 0:");
    }

    @Test
    void fitAndUnmixRefuseAQuantityTheModelDoesNotProduce() throws Exception {
        Path absorbance = file("a.jdx", "##TITLE=a\n##JCAMP-DX=5.01\n##XUNITS=1/CM\n##YUNITS=ABSORBANCE\n"
                + "##XYPOINTS=(XY..XY)\n400, 0.1\n500, 0.2\n600, 0.3\n700, 0.2\n800, 0.1\n900, 0.1\n1000, 0.2\n"
                + "1100, 0.3\n1200, 0.2\n##END=\n");
        String fit = CliRun.of("fit", "--quiet", "--out", dir.resolve("m.json").toString(), absorbance.toString())
                .userError();
        assertThat(fit).contains("spectrum 'a' is absorbance").contains("--quantity");
        Path library = file("lib.csv", "cm-1,A,B\n400,0.9,0.8\n700,0.95,0.7\n1000,0.9,0.75\n1200,0.85,0.8\n");
        String unmix = CliRun.of("unmix", "--quiet", "--library", library.toString(), "--out",
                dir.resolve("u.csv").toString(), absorbance.toString()).userError();
        assertThat(unmix).contains("spectrum 'a' is absorbance");
        // the user may say what it is
        CliRun.of("unmix", "--quiet", "--quantity", "emissivity", "--library", library.toString(), "--out",
                dir.resolve("u.csv").toString(), absorbance.toString()).succeeded();
    }
}
