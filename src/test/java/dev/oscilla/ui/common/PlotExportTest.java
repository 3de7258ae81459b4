package dev.oscilla.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotExportTest {

    @TempDir
    Path dir;

    @Test
    void seriesOnOneAxisShareTheWavenumberColumnAndEmptySeriesAreLeftOut() throws Exception {
        PlotModel plot = new PlotModel("spectrum", "Spectrum", "Wavenumber (cm-1)", "Emissivity");
        plot.addSeries("Quartz emissivity", null).set(new double[] {400, 402}, new double[] {0.5, 0.25}, 2);
        plot.addSeries("model, fitted", null).set(new double[] {400, 402}, new double[] {0.1, 0.2}, 2);
        plot.addSeries("unused", null);
        PlotExport.writeCsv(plot, dir.resolve("p.csv"));
        assertThat(Files.readAllLines(dir.resolve("p.csv"))).containsExactly(
                "Wavenumber (cm-1),Quartz emissivity,\"model, fitted\"", "400.0,0.5,0.1", "402.0,0.25,0.2");
    }

    @Test
    void seriesOnDifferentAxesGetColumnPairs() throws Exception {
        PlotModel plot = new PlotModel("c", "Compare", "x", "y");
        plot.addSeries("a", null).set(new double[] {1, 2, 3}, new double[] {10, 20, 30}, 3);
        plot.addSeries("b", null).set(new double[] {1.5}, new double[] {7}, 1);
        PlotExport.writeCsv(plot, dir.resolve("c.csv"));
        List<String> lines = Files.readAllLines(dir.resolve("c.csv"));
        assertThat(lines).containsExactly("a x,a,b x,b", "1.0,10.0,1.5,7.0", "2.0,20.0,,", "3.0,30.0,,");
    }

    @Test
    void slugsAreFileNameFriendly() {
        assertThat(PlotExport.slug("Dielectric function \u03b5\u2081, \u03b5\u2082")).isEqualTo("dielectric-function");
        assertThat(PlotExport.slug("Refractive index n, k")).isEqualTo("refractive-index-n-k");
    }
}
