package dev.oscilla.io.envi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oscilla.io.SpectralFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnviHeaderTest {

    @TempDir
    Path dir;

    private static final Path FILE = Path.of("x.hdr");

    @Test
    void keysAreCaseAndSpacingInsensitiveAndBracesSpanLinesWithComments() throws Exception {
        EnviHeader h = EnviHeader.parse(FILE, "\ufeffENVI\r\n"
                + "; a comment = with an equals sign\r\n"
                + "Samples=12\r\n"
                + "  LINES   =   3  \r\n"
                + "Data  Type = 4\r\n"
                + "band names = {\r\n"
                + " first band, second,\r\n"
                + "   third }\r\n"
                + "description = {multi\r\n line {nested} text}\r\n"
                + "\r\n"
                + "wavelength = {1.5,2.5 , 3.5}\r\n");
        assertThat(h.requiredLong("samples", 1)).isEqualTo(12);
        assertThat(h.requiredLong("lines", 1)).isEqualTo(3);
        assertThat(h.requiredLong("data type", 0)).isEqualTo(4);
        assertThat(h.list("Band Names")).contains(List.of("first band", "second", "third"));
        assertThat(h.get("description").orElseThrow()).isEqualTo("multi\n line {nested} text");
        assertThat(h.numbers("wavelength").orElseThrow()).containsExactly(1.5, 2.5, 3.5);
        assertThat(h.entry("band names").orElseThrow().line()).isEqualTo(6);
        assertThat(h.notes()).isEmpty();
    }

    @Test
    void repeatedKeysKeepTheLastAndStrayLinesAreNoted() throws Exception {
        EnviHeader h = EnviHeader.parse(FILE, "ENVI\nsamples = 4\nthis line means nothing\nsamples = 5\n");
        assertThat(h.requiredLong("samples", 1)).isEqualTo(5);
        assertThat(h.notes()).anyMatch(n -> n.contains("'samples' given twice (lines 2 and 4)"))
                .anyMatch(n -> n.contains("1 line(s)") && n.contains("line 3"));
    }

    @Test
    void anUnclosedBraceNamesTheLineItOpened() {
        assertThatThrownBy(() -> EnviHeader.parse(FILE, "ENVI\nsamples = 4\nwavelength = { 1, 2,\n 3\n"))
                .isInstanceOf(SpectralFileException.class)
                .hasMessage("x.hdr, line 3: the brace opened after 'wavelength =' is never closed");
    }

    @Test
    void aFileThatDoesNotStartWithEnviIsRefused() {
        assertThatThrownBy(() -> EnviHeader.parse(FILE, "samples = 4\n"))
                .isInstanceOf(SpectralFileException.class)
                .hasMessage("x.hdr, line 1, column 1: not an ENVI header: the first line is 'samples = 4', "
                        + "expected 'ENVI'");
    }

    @Test
    void binaryDataGivenAsTheHeaderIsRefusedWithAHint() throws Exception {
        Path img = dir.resolve("cube.hdr");
        Files.write(img, new byte[] {'E', 'N', 'V', 'I', '\n', 0, 1, 2});
        assertThatThrownBy(() -> EnviHeader.read(img)).isInstanceOf(SpectralFileException.class)
                .hasMessageContaining("is binary (a NUL byte at offset 5)");
    }

    @Test
    void badNumbersNameTheKeyAndLine() throws Exception {
        EnviHeader h = EnviHeader.parse(FILE, "ENVI\nsamples = twelve\nwavelength = {1, x, 3}\nlines = -2\n");
        assertThatThrownBy(() -> h.requiredLong("samples", 1)).hasMessage(
                "x.hdr, line 2: 'samples = twelve' is not a whole number");
        assertThatThrownBy(() -> h.numbers("wavelength")).hasMessage(
                "x.hdr, line 3: 'wavelength' item 2: 'x' is not a number");
        assertThatThrownBy(() -> h.requiredLong("lines", 1)).hasMessage(
                "x.hdr, line 4: 'lines = -2' must be at least 1");
        assertThatThrownBy(() -> h.requiredLong("bands", 1)).hasMessage(
                "x.hdr: the header has no 'bands' (required)");
    }

    @Test
    void builtHeadersFormatAndParseBack() throws Exception {
        double[] w = new double[60];
        for (int i = 0; i < w.length; i++) {
            w[i] = 232.7794 + 10.5809 * i;
        }
        EnviHeader built = EnviHeader.builder().text("description", "made {here}").put("samples", 3)
                .list("band names", List.of("a b", "c")).numbers("wavelength", w).build();
        String text = built.format();
        assertThat(text).startsWith("ENVI\ndescription = {made (here)}\nsamples = 3\nband names = {a b, c}\n");
        assertThat(text.lines().mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(110);
        EnviHeader back = EnviHeader.parse(FILE, text);
        assertThat(back.numbers("wavelength").orElseThrow()).containsExactly(w);
        assertThat(back.list("band names").orElseThrow()).containsExactly("a b", "c");
        assertThatThrownBy(() -> EnviHeader.builder().list("band names", List.of("a,b")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
