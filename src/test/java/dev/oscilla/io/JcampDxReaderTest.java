package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumKind;
import dev.oscilla.spectrum.SpectrumSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JCAMP-DX files built for every variant the specification allows (AFFN, PAC, SQZ, DIF with and without the Y-check,
 * DUP, (XY..XY), PEAK TABLE, LINK blocks, factors, units, descending axes), and every cross-check failing with the
 * line it concerns. The ordinates 1 2 3 3 2 1 0 -1 -2 -3 are the specification's own example in each form.
 */
class JcampDxReaderTest {

    @TempDir
    Path dir;

    /** The specification's example ordinates, times the YFACTOR 0.5 of {@link #header}. */
    private static final double[] EXAMPLE = {0.5, 1, 1.5, 1.5, 1, 0.5, 0, -0.5, -1, -1.5};

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static String header(String extra) {
        return "##TITLE=example\n##JCAMP-DX=4.24\n##DATA TYPE=INFRARED SPECTRUM\n##XUNITS=1/CM\n"
                + "##YUNITS=ABSORBANCE\n##XFACTOR=1.0\n##YFACTOR=0.5\n##FIRSTX=1000\n##LASTX=1009\n##DELTAX=1.0\n"
                + "##NPOINTS=10\n" + extra;
    }

    private static SpectrumSet read(Path p) throws SpectralFileException {
        return SpectrumFiles.read(p);
    }

    private static SpectralFileException failure(Path p) {
        SpectralFileException e = catchThrowableOfType(SpectralFileException.class, () -> SpectrumFiles.read(p));
        assertThat(e).as("reading %s should fail", p.getFileName()).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n");
        return e;
    }

    private static void assertExample(Spectrum s) {
        assertThat(s.size()).isEqualTo(10);
        for (int c = 0; c < 10; c++) {
            assertThat(s.wavenumber(c)).isEqualTo(1000.0 + c);
            assertThat(s.value(c)).as("ordinate %d", c).isEqualTo(EXAMPLE[c]);
        }
        assertThat(s.kind()).isEqualTo(SpectrumKind.ABSORBANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1000 1 2 3 3 2 1 0 -1 -2 -3",              // AFFN
        "1000,1,2,3,3,2,1,0,-1,-2,-3",              // AFFN with commas
        "1000 1.0E0 2.0E+00 3 3 2 1 0 -1 -2 -3",    // AFFN with exponents
        "1000 1+2+3+3+2+1+0-1-2-3",                 // PAC
        "1000ABCCBA@abc",                           // SQZ
        "1000AJJ%jjjjjj",                           // DIF
        "1000AJT%jX",                               // DIF + DUP
        "1000 ABCT BA@abc"                          // SQZ + DUP
    })
    void everyOrdinateFormOfTheSpecificationExample(String data) throws Exception {
        SpectrumSet set = read(file("x.jdx", header("##XYDATA=(X++(Y..Y))\n" + data + "\n##END=\n")));
        assertThat(set.size()).isEqualTo(1);
        assertExample(set.get(0));
    }

    @Test
    void difLinesRepeatTheirLastOrdinateAsTheYCheck() throws Exception {
        SpectrumSet set = read(file("x.jdx", header("##XYDATA=(X++(Y..Y))\n1000AJJ%j\n1004Bjjjjj\n##END=\n")));
        assertExample(set.get(0));
        assertThat(set.notes().get(0)).contains("2 compressed (ASDF) data lines, 1 DIF Y-checks passed");
    }

    @Test
    void aFailedYCheckNamesTheLine() throws Exception {
        Path p = file("x.jdx", header("##XYDATA=(X++(Y..Y))\n1000AJJ%j\n1004Cjjjjj\n##END=\n"));
        SpectralFileException e = failure(p);
        assertThat(e.line()).isEqualTo(14);
        assertThat(e.problem()).contains("Y-check failed").contains("line 13");
    }

    @Test
    void linesWithoutYCheckRepeatsArePlacedByTheirAbscissa() throws Exception {
        SpectrumSet set = read(file("x.jdx", header("##XYDATA=(X++(Y..Y))\n1000AJJ%j\n1005Ajjjj\n##END=\n")));
        assertExample(set.get(0));
        assertThat(set.notes()).anyMatch(n -> n.contains("no Y-check"));
    }

    @Test
    void anAbscissaThatDisagreesWithTheCountSoFarNamesTheLine() throws Exception {
        // the second line lost an ordinate: its abscissa 1005 says it starts at the 6th point, but only 4 precede it
        Path p = file("x.jdx", header("##XYDATA=(X++(Y..Y))\n1000 1 2 3 3\n1005 1 0 -1 -2 -3 -3\n##END=\n"));
        SpectralFileException e = failure(p);
        assertThat(e.line()).isEqualTo(14);
        assertThat(e.problem()).contains("starts at abscissa 1005").contains("missing or extra");
    }

    @Test
    void npointsMismatchNamesTheNpointsLine() throws Exception {
        Path p = file("x.jdx", header("##XYDATA=(X++(Y..Y))\n1000 1 2 3 3 2 1 0 -1 -2\n##END=\n")
                .replace("##LASTX=1009", "##LASTX=1008"));
        SpectralFileException e = failure(p);
        assertThat(e.line()).isEqualTo(11);
        assertThat(e.problem()).contains("##NPOINTS=10").contains("hold 9 ordinates").contains("truncated");
    }

    @Test
    void deltaxThatDisagreesWithFirstxLastxAndNpointsNamesItsLine() throws Exception {
        Path p = file("x.jdx", header("##XYDATA=(X++(Y..Y))\n1000 1 2 3 3 2 1 0 -1 -2 -3\n##END=\n")
                .replace("##DELTAX=1.0", "##DELTAX=2.0"));
        SpectralFileException e = failure(p);
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.problem()).contains("##DELTAX=2").contains("disagrees");
    }

    @Test
    void firstxThatDisagreesWithTheFirstLineIsAnError() throws Exception {
        Path p = file("x.jdx", header("##XYDATA=(X++(Y..Y))\n1003 1 2 3 3 2 1 0 -1 -2 -3\n##END=\n"));
        SpectralFileException e = failure(p);
        assertThat(e.line()).isEqualTo(13);
        assertThat(e.problem()).contains("##FIRSTX=1000");
    }

    @Test
    void xfactorScalesTheLineAbscissasAndYfactorTheOrdinates() throws Exception {
        String text = header("##XYDATA=(X++(Y..Y))\n2000 1 2 3 3 2 1 0 -1 -2 -3\n##END=\n")
                .replace("##XFACTOR=1.0", "##XFACTOR=0.5");
        assertExample(read(file("x.jdx", text)).get(0));
    }

    @Test
    void descendingAxisWithNegativeDeltax() throws Exception {
        String text = header("##XYDATA=(X++(Y..Y))\n1009 -3 -2 -1 0 1 2 3 3 2 1\n##END=\n")
                .replace("##FIRSTX=1000", "##FIRSTX=1009").replace("##LASTX=1009", "##LASTX=1000")
                .replace("##DELTAX=1.0", "##DELTAX=-1.0");
        SpectrumSet set = read(file("x.jdx", text));
        assertExample(set.get(0));
        assertThat(set.notes()).anyMatch(n -> n.contains("descending"));
    }

    @Test
    void micrometreAndNanometreAxesAreConverted() throws Exception {
        String um = header("##XYDATA=(X++(Y..Y))\n10 1 2 3 3 2 1 0 -1 -2 -3\n##END=\n")
                .replace("##XUNITS=1/CM", "##XUNITS=MICROMETERS").replace("##FIRSTX=1000", "##FIRSTX=10")
                .replace("##LASTX=1009", "##LASTX=19");
        Spectrum s = read(file("um.jdx", um)).get(0);
        assertThat(s.minWavenumber()).isCloseTo(1e4 / 19, within(1e-9));
        assertThat(s.maxWavenumber()).isEqualTo(1000.0);
        assertThat(s.value(9)).isEqualTo(0.5); // 10 um, the first ordinate
        String nm = um.replace("##XUNITS=MICROMETERS", "##XUNITS=NANOMETERS").replace("##FIRSTX=10", "##FIRSTX=10000")
                .replace("##LASTX=19", "##LASTX=19000").replace("##DELTAX=1.0", "##DELTAX=1000")
                .replace("\n10 1 2", "\n10000 1 2");
        Spectrum t = read(file("nm.jdx", nm)).get(0);
        assertThat(t.maxWavenumber()).isEqualTo(1000.0);
        assertThat(t.minWavenumber()).isCloseTo(1e7 / 19000, within(1e-9));
    }

    @Test
    void unknownXunitsIsAnErrorUnlessTheOptionSaysWhatTheyAre() throws Exception {
        Path p = file("x.jdx", header("##XYDATA=(X++(Y..Y))\n1000 1 2 3 3 2 1 0 -1 -2 -3\n##END=\n")
                .replace("##XUNITS=1/CM", "##XUNITS=HZ"));
        SpectralFileException e = failure(p);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.problem()).contains("##XUNITS=HZ").contains("--x-unit");
        SpectrumSet set = SpectrumFiles.read(p, SpectrumReadOptions.builder().axisUnit(AxisUnit.WAVENUMBER).build());
        assertExample(set.get(0));
    }

    @Test
    void missingXunitsFollowsTheUnstatedAxisRule() throws Exception {
        String inRange = header("##XYDATA=(X++(Y..Y))\n1000 1 2 3 3 2 1 0 -1 -2 -3\n##END=\n")
                .replace("##XUNITS=1/CM\n", "");
        SpectrumSet set = read(file("a.jdx", inRange));
        assertExample(set.get(0));
        assertThat(set.notes()).anyMatch(n -> n.contains("axis unit not stated (no ##XUNITS=)"));
        String small = inRange.replace("##FIRSTX=1000", "##FIRSTX=10").replace("##LASTX=1009", "##LASTX=19")
                .replace("\n1000 1 2", "\n10 1 2");
        SpectralFileException e = failure(file("b.jdx", small));
        assertThat(e.problem()).contains("cannot tell the axis unit").contains("--x-unit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%T", "PERCENT TRANSMITTANCE", "TRANSMITTANCE (%)"})
    void percentTransmittanceBecomesAFraction(String yunits) throws Exception {
        String text = "##TITLE=t\n##JCAMP-DX=5.01\n##XUNITS=1/CM\n##YUNITS=" + yunits + "\n##FIRSTX=1000\n"
                + "##LASTX=1003\n##NPOINTS=4\n##XYDATA=(X++(Y..Y))\n1000 90 95 99 100\n##END=\n";
        Spectrum s = read(file("t.jdx", text)).get(0);
        assertThat(s.kind()).isEqualTo(SpectrumKind.TRANSMITTANCE);
        assertThat(s.values()).containsExactly(0.9, 0.95, 0.99, 1.0);
    }

    @Test
    void transmittanceInPercentWithoutSayingSoIsDetectedFromTheValues() throws Exception {
        String text = "##TITLE=t\n##JCAMP-DX=5.01\n##XUNITS=1/CM\n##YUNITS=TRANSMITTANCE\n##FIRSTX=1000\n"
                + "##LASTX=1003\n##NPOINTS=4\n##XYDATA=(X++(Y..Y))\n1000 90 95 99 100\n##END=\n";
        SpectrumSet set = read(file("t.jdx", text));
        assertThat(set.get(0).values()).containsExactly(0.9, 0.95, 0.99, 1.0);
        assertThat(set.notes()).anyMatch(n -> n.contains("percent (median"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"REFLECTANCE:REFLECTANCE", "EMISSIVITY:EMISSIVITY", "ABSORBANCE:ABSORBANCE",
        "KUBELKA-MUNK:INTENSITY", "ARBITRARY UNITS:INTENSITY"})
    void yunitsGiveTheQuantity(String pair) throws Exception {
        String[] p = pair.split(":");
        String text = "##TITLE=t\n##JCAMP-DX=5.01\n##XUNITS=1/CM\n##YUNITS=" + p[0] + "\n##FIRSTX=1000\n"
                + "##LASTX=1003\n##NPOINTS=4\n##XYDATA=(X++(Y..Y))\n1000 0.9 0.95 0.99 1\n##END=\n";
        assertThat(read(file("q.jdx", text)).get(0).kind()).isEqualTo(SpectrumKind.valueOf(p[1]));
    }

    @Test
    void xyPairsWithMissingValuesAndBothSeparators() throws Exception {
        String text = "##TITLE=pairs\n##JCAMP-DX=5.01\n##XUNITS=1/CM\n##YUNITS=REFLECTANCE\n##FIRSTX=1000\n"
                + "##LASTX=1003\n##NPOINTS=4\n##XYPOINTS=(XY..XY)\n1000, 0.5; 1001, 0.6\n1002,0.7 1003, ?\n##END=\n";
        Spectrum s = read(file("p.jdx", text)).get(0);
        assertThat(s.axis()).containsExactly(1000, 1001, 1002, 1003);
        assertThat(s.value(2)).isEqualTo(0.7);
        assertThat(s.isValid(3)).isFalse();
        assertThat(s.validCount()).isEqualTo(3);
    }

    @Test
    void peakTableWithWidthsIsReadAsOneChannelPerPeak() throws Exception {
        String text = "##TITLE=peaks\n##JCAMP-DX=5.01\n##DATA TYPE=INFRARED PEAK TABLE\n##XUNITS=1/CM\n"
                + "##YUNITS=ABSORBANCE\n##PEAK TABLE=(XYW..XYW)\n1100, 0.7, 5\n1000, 0.5, 3 1200, 0.9, 8\n##END=\n";
        SpectrumSet set = read(file("k.jdx", text));
        assertThat(set.get(0).name()).isEqualTo("peaks (peak table)");
        assertThat(set.get(0).axis()).containsExactly(1000, 1100, 1200);
        assertThat(set.get(0).values()).containsExactly(0.5, 0.7, 0.9);
    }

    @Test
    void linkFileWithTwoBlocksGivesTwoSpectra() throws Exception {
        String block1 = "##TITLE=first\n##JCAMP-DX=5.01\n##BLOCK_ID=1\n##XUNITS=1/CM\n##YUNITS=ABSORBANCE\n"
                + "##FIRSTX=1000\n##LASTX=1003\n##NPOINTS=4\n##XYDATA=(X++(Y..Y))\n1000 1 2 3 4\n##END=\n";
        String block2 = "##TITLE=second\n##JCAMP-DX=5.01\n##BLOCK_ID=2\n##XUNITS=MICROMETERS\n"
                + "##YUNITS=TRANSMITTANCE\n##XYPOINTS=(XY..XY)\n10, 0.5\n20, 0.25\n##END=\n";
        String text = "##TITLE=compound\n##JCAMP-DX=5.01\n##DATA TYPE=LINK\n##BLOCKS=2\n" + block1 + block2
                + "##END=\n";
        SpectrumSet set = read(file("link.jdx", text));
        assertThat(set.size()).isEqualTo(2);
        assertThat(set.get(0).name()).isEqualTo("first");
        assertThat(set.get(0).kind()).isEqualTo(SpectrumKind.ABSORBANCE);
        assertThat(set.get(1).name()).isEqualTo("second");
        assertThat(set.get(1).kind()).isEqualTo(SpectrumKind.TRANSMITTANCE);
        assertThat(set.get(1).axis()).containsExactly(500, 1000);
        assertThat(set.notes().get(0)).contains("2 spectra in 2 data blocks");
    }

    @Test
    void labelsInAnyCaseAndSpacingCommentsAndCrlf() throws Exception {
        String text = "##title= messy $$ a comment\r\n##JCAMP-DX= 4.24\r\n##X_UNITS = 1/cm\r\n##y-units=Absorbance\r\n"
                + "##first x=1000\r\n##LastX=1009\r\n##Delta X=1\r\n##y factor=0.5\r\n##N POINTS=10\r\n"
                + "##XY_DATA=(X++(Y..Y)) $$ checked\r\n1000 1 2 3 3 2 $$ half\r\n1005 1 0 -1 -2 -3\r\n\r\n##END=\r\n";
        SpectrumSet set = read(file("m.dx", text));
        assertThat(set.get(0).name()).isEqualTo("messy");
        assertExample(set.get(0));
    }

    @Test
    void withoutDeltaxTheLineAbscissasGiveTheSpacing() throws Exception {
        String text = "##TITLE=t\n##JCAMP-DX=4.24\n##XUNITS=1/CM\n##YUNITS=ABSORBANCE\n##YFACTOR=0.5\n"
                + "##XYDATA=(X++(Y..Y))\n1000 1 2 3 3 2\n1005 1 0 -1 -2 -3\n";
        SpectrumSet set = read(file("t.jdx", text));
        assertExample(set.get(0));
        assertThat(set.notes()).anyMatch(n -> n.contains("without ##END="));
    }

    @Test
    void linesOfEqualLengthAreStillOneSpectrum() throws Exception {
        // the defect: 665 lines of an abscissa and 5 ordinates were read as 5 spectra of 665 channels
        StringBuilder sb = new StringBuilder("##TITLE=long\n##JCAMP-DX=4.24\n##XUNITS=1/CM\n##YUNITS=TRANSMITTANCE\n"
                + "##FIRSTX=400\n##LASTX=" + (400 + 3324) + "\n##DELTAX=1\n##NPOINTS=3325\n##XYDATA=(X++(Y..Y))\n");
        for (int line = 0; line < 665; line++) {
            sb.append(400 + 5 * line);
            for (int k = 0; k < 5; k++) {
                sb.append(' ').append(0.5 + 0.0001 * (5 * line + k));
            }
            sb.append('\n');
        }
        sb.append("##END=\n");
        SpectrumSet set = read(file("long.txt", sb.toString()));
        assertThat(set.size()).isEqualTo(1);
        assertThat(set.get(0).size()).isEqualTo(3325);
        assertThat(set.get(0).value(3324)).isCloseTo(0.5 + 0.3324, within(1e-12));
    }

    @Test
    void ntuplesAreRefusedClearly() throws Exception {
        String text = "##TITLE=nmr\n##JCAMP-DX=5.01\n##DATA TYPE=NMR SPECTRUM\n##NTUPLES=NMR SPECTRUM\n"
                + "##VAR_NAME=FREQUENCY, SPECTRUM/REAL\n##END NTUPLES=NMR SPECTRUM\n##END=\n";
        SpectralFileException e = failure(file("n.jdx", text));
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.problem()).contains("NTUPLES").contains("not supported");
    }

    @Test
    void aDifferenceFirstOnALineIsAnError() throws Exception {
        SpectralFileException e = failure(file("x.jdx", header("##XYDATA=(X++(Y..Y))\n1000JJJ\n##END=\n")));
        assertThat(e.line()).isEqualTo(13);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.problem()).contains("first ordinate of a line is a difference");
    }

    @Test
    void aJcampExtensionWithoutJcampContentIsAnErrorNotATable() throws Exception {
        Path p = file("plain.jdx", "##TITLE=x\nnothing here\n");
        assertThat(SpectrumFormats.detect(p, SpectrumReadOptions.defaults()).id()).isEqualTo("jcamp");
        assertThat(failure(p).problem()).contains("holds no spectrum data");
    }

    @Test
    void yfactorOverflowIsAnErrorNotAMaskedChannel() throws Exception {
        String text = header("##XYDATA=(X++(Y..Y))\n1000 1 2 3 3 2 1 0 -1 -2 -3\n##END=\n")
                .replace("##YFACTOR=0.5", "##YFACTOR=1E308");
        SpectralFileException e = failure(file("x.jdx", text));
        assertThat(e.problem()).contains("overflows");
    }
}
