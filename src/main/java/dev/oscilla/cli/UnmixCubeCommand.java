package dev.oscilla.cli;

import dev.oscilla.io.SpectralFileException;
import dev.oscilla.task.CancellationToken;
import dev.oscilla.task.ProgressListener;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Unmixes every pixel of an ENVI image cube into abundance maps (DESIGN.md section 5): streams the cube in tiles on
 * every core, writes the abundance cube, RMS band, no-data mask, quicklooks and a CSV summary into a folder.
 */
@Command(name = "unmix-cube", mixinStandardHelpOptions = true,
        description = "Unmix every pixel of an ENVI image cube into abundance maps (ENVI cubes, quicklook PNGs, "
                + "CSV summary).")
public final class UnmixCubeCommand implements Callable<Integer> {

    @Mixin
    UnmixCubeOptions options;

    @Override
    public Integer call() throws SpectralFileException {
        UnmixCubeOptions o = options;
        CubeJob.Result r = CubeJob.run(o.inputs(), o.out, o.outputOptions(), o.threads(), o.quiet
                ? ProgressListener.NONE : CliProgress.stderr("unmixing cube (" + o.method + ")"),
                CancellationToken.NONE);
        if (!o.quiet) {
            System.err.println("oscilla unmix-cube: " + CubeJob.summaryLine(r));
        }
        if (r.statistics().failed() > 0) {
            System.err.println("oscilla unmix-cube: warning: " + r.statistics().failed() + " pixel(s) could not be "
                    + "unmixed (mask value 2), e.g. " + String.join("; ", r.statistics().failureExamples()));
        }
        return 0;
    }
}
