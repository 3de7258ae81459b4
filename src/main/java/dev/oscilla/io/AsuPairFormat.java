package dev.oscilla.io;

import dev.oscilla.spectrum.SpectrumSet;
import java.nio.file.Path;
import java.util.List;

/**
 * The ASU tab + meta pair ({@link AsuTabReader}). Recognised when the pair is there: {@code x_tab.txt} with
 * {@code x_meta.csv} beside it (either half given), a meta file given by option, or a file whose header has a
 * {@code sample_name} column (the meta half; reading then says where its tab file should be).
 */
final class AsuPairFormat implements SpectrumFormat {

    @Override
    public String id() {
        return "asu";
    }

    @Override
    public String label() {
        return "ASU tab + meta";
    }

    @Override
    public List<String> extensions() {
        return List.of("txt", "csv");
    }

    @Override
    public Match recognise(FileHead head, SpectrumReadOptions options) {
        if (options.metaFile().isPresent() || AsuPairs.metaFor(head.file()) != null
                || AsuPairs.tabFor(head.file()) != null || MetaTable.looksLikeMetaHeader(head.contentLines(3))) {
            return Match.CONTENT;
        }
        return Match.NONE;
    }

    @Override
    public SpectrumSet read(Path file, SpectrumReadOptions options) throws SpectralFileException {
        if (options.metaFile().isPresent()) {
            Path meta = options.metaFile().get();
            InputFiles.requireRegularFile(meta);
            return AsuTabReader.read(file, meta, options);
        }
        Path meta = AsuPairs.metaFor(file);
        if (meta != null) {
            return AsuTabReader.read(file, meta, options);
        }
        Path tab = AsuPairs.tabFor(file);
        if (tab != null) {
            return AsuTabReader.read(tab, file, options);
        }
        String expected = AsuPairs.isMetaName(file) ? AsuPairs.expectedTabFor(file).getFileName().toString()
                : "its tab file";
        throw new SpectralFileException(file, 1, 1, "is the meta half of an ASU tab + meta pair, but " + expected
                + " is not beside it (give the tab file, with --meta " + file.getFileName() + ")");
    }
}
