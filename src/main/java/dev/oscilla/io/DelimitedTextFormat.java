package dev.oscilla.io;

import dev.oscilla.spectrum.SpectrumSet;
import java.nio.file.Path;
import java.util.List;

/**
 * Delimited text tables, one spectrum per column ({@link DelimitedSpectrumReader}): the reader of last resort for
 * text that no specific format recognises, whose rules refuse to guess an axis unit or a scale. Writes the spectra
 * CSV ({@link SpectrumFiles#writeCsv(Path, List)}).
 */
final class DelimitedTextFormat implements SpectrumFormat {

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String label() {
        return "delimited text (CSV/TSV)";
    }

    @Override
    public List<String> extensions() {
        return List.of("csv", "tsv", "txt", "dat", "prn", "asc");
    }

    @Override
    public Match recognise(FileHead head, SpectrumReadOptions options) {
        return Match.FALLBACK;
    }

    @Override
    public SpectrumSet read(Path file, SpectrumReadOptions options) throws SpectralFileException {
        return DelimitedSpectrumReader.read(file, options);
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public List<String> writeExtensions() {
        return List.of("csv");
    }

    @Override
    public void write(Path file, SpectrumSet spectra) throws SpectralFileException {
        SpectrumFiles.writeCsv(file, spectra);
    }
}
