package dev.oscilla.cli;

import picocli.CommandLine.Command;

/** Benchmarks with stable commands and JSON keys (DESIGN.md section 5). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on tab+meta data sets, reported as JSON.",
        subcommands = {BenchUnmixCommand.class, BenchFitCommand.class, BenchMakeCubeCommand.class,
            BenchUnmixCubeCommand.class})
public final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
