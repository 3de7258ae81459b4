package dev.oscilla.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oscilla.io.LibraryFiles.Format;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.testing.SharedData;
import dev.oscilla.testing.UsesSharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telling libraries from spectra by content, and reading every library format through one entry point. */
@UsesSharedData
class LibraryFilesTest {

    @TempDir
    Path dir;

    @Test
    void formatsAreRecognisedByContent() throws Exception {
        MineralLibrary lib = TestLibraries.mixed(4);
        Path json = dir.resolve("library.data");
        LibraryJson.write(lib, json);
        Path table = dir.resolve("table.csv");
        OscillatorTableCsv.write(lib, table);
        Path spectra = dir.resolve("spectra.csv");
        Files.writeString(spectra, "cm-1,a\n400,0.5\n500,0.6\n");

        assertThat(LibraryFiles.format(SharedData.feely("feely_params.hdf"))).contains(Format.INFRARENDER_HDF);
        assertThat(LibraryFiles.format(json)).contains(Format.JSON);
        assertThat(LibraryFiles.format(table)).contains(Format.OSCILLATOR_TABLE);
        assertThat(LibraryFiles.format(spectra)).isEmpty();
        assertThat(LibraryFiles.format(SharedData.feely("rocks_tab.txt"))).isEmpty();
        assertThat(LibraryFiles.format(SharedData.feely("rocks_meta.csv"))).isEmpty();

        assertThat(LibraryFiles.read(json)).isEqualTo(lib);
        assertThat(LibraryFiles.read(table).minerals()).isEqualTo(lib.minerals());
    }

    @Test
    void hdfExtensionWithoutSignatureIsAnError() throws Exception {
        Path fake = dir.resolve("fake.hdf");
        Files.writeString(fake, "not hdf");
        SpectralFileException e = catchThrowableOfType(SpectralFileException.class, () -> LibraryFiles.read(fake));
        assertThat(e.problem()).isEqualTo("has an HDF extension but no HDF5 signature");
    }
}
