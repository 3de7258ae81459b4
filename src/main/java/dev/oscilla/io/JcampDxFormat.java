package dev.oscilla.io;

import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.SpectrumSet;
import java.nio.file.Path;
import java.util.List;

/**
 * JCAMP-DX 4.24 / 5.01 ({@link JcampDxReader}, {@link JcampDxWriter}). Recognised by content: a
 * {@code ##JCAMP-DX=} record, or a first record {@code ##TITLE=} with a data record ({@code ##XYDATA=},
 * {@code ##XYPOINTS=}, {@code ##PEAK TABLE=}) in the head; by name ({@code .jdx}, {@code .dx}, {@code .jcm}) when
 * the first line starts a labelled record.
 */
public final class JcampDxFormat implements SpectrumFormat {

    /** How the ordinates of evenly spaced {@code (X++(Y..Y))} data are written. */
    public enum Form {
        /** Plain decimals (AFFN), every value in its shortest round-trip form: reading gives the same doubles. */
        AFFN,
        /** Squeezed differences with repeat counts (ASDF DIF/DUP), 9 significant digits: compact. */
        DIF_DUP
    }

    private static final List<String> EXTENSIONS = List.of("jdx", "dx", "jcm", "jcamp");

    /** The format as registered in {@link SpectrumFormats}. */
    public static JcampDxFormat instance() {
        return (JcampDxFormat) SpectrumFormats.byId("jcamp").orElseThrow();
    }

    @Override
    public String id() {
        return "jcamp";
    }

    @Override
    public String label() {
        return "JCAMP-DX";
    }

    @Override
    public List<String> extensions() {
        return EXTENSIONS;
    }

    @Override
    public Match recognise(FileHead head, SpectrumReadOptions options) {
        List<String> lines = head.contentLines(400);
        if (lines.isEmpty() || !lines.get(0).startsWith("##")) {
            return Match.NONE;
        }
        boolean title = false;
        boolean data = false;
        for (String l : lines) {
            if (!l.startsWith("##")) {
                continue;
            }
            int eq = l.indexOf('=');
            String label = JcampDxReader.normalise(eq < 0 ? l.substring(2) : l.substring(2, eq));
            if (label.equals("JCAMPDX") || label.equals("JCAMPCS")) {
                return Match.CONTENT;
            }
            title |= label.equals("TITLE");
            data |= label.equals("XYDATA") || label.equals("XYPOINTS") || label.equals("PEAKTABLE")
                    || label.equals("NTUPLES");
        }
        if (title && data) {
            return Match.CONTENT;
        }
        boolean startsWithTitle = JcampDxReader.normalise(lines.get(0).substring(2)).startsWith("TITLE=");
        return head.hasExtension(EXTENSIONS) || startsWithTitle ? Match.NAME : Match.NONE;
    }

    @Override
    public SpectrumSet read(Path file, SpectrumReadOptions options) throws SpectralFileException {
        return JcampDxReader.read(file, options);
    }

    @Override
    public boolean writes() {
        return true;
    }

    /** Writes in the compressed DIF/DUP form (see {@link #write(Path, List, Form)}). */
    @Override
    public void write(Path file, SpectrumSet spectra) throws SpectralFileException {
        JcampDxWriter.write(file, spectra.spectra(), Form.DIF_DUP);
    }

    /** Writes in the given form of the ordinates (AFFN or DIF/DUP). */
    public void write(Path file, List<Spectrum> spectra, Form form) throws SpectralFileException {
        JcampDxWriter.write(file, spectra, form);
    }
}
