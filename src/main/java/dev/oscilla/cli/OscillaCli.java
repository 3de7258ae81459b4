package dev.oscilla.cli;

import dev.oscilla.io.SpectralFileException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line front end: every capability of the workbench, scriptable. User errors (bad options, bad
 * files) print one line and exit with status 2; no stack traces for them.
 */
@Command(name = "oscilla", mixinStandardHelpOptions = true, versionProvider = OscillaCli.Version.class,
        description = "Lorentz-oscillator dispersion models: forward rendering, fitting, unmixing.",
        subcommands = {ForwardCommand.class, InfoCommand.class, ConvertCommand.class, FitCommand.class,
            FitLibraryCommand.class, UnmixCommand.class, UnmixCubeCommand.class, TrainCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class OscillaCli implements Runnable {

    /** Exit status for user errors. */
    public static final int USER_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        return withErrorHandlers(new CommandLine(new OscillaCli()));
    }

    /**
     * Gives {@code cl} the command line's error conventions: user errors as one line and exit status 2, no stack
     * traces for them (also for front ends outside this package, e.g. the Spark job).
     */
    public static CommandLine withErrorHandlers(CommandLine cl) {
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = ex;
            if (t instanceof java.io.UncheckedIOException && t.getCause() != null) {
                t = t.getCause();
            }
            if (t instanceof UserException || t instanceof SpectralFileException
                    || t instanceof IllegalArgumentException || t instanceof java.io.IOException) {
                // one line, whatever the message holds (library messages may carry line breaks)
                String message = t.getMessage() == null ? t.getClass().getSimpleName()
                        : t.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
                commandLine.getErr().println("oscilla " + commandLine.getCommandName() + ": error: " + message);
                commandLine.getErr().flush();
                return USER_ERROR;
            }
            if (t instanceof java.util.concurrent.CancellationException) {
                commandLine.getErr().println("oscilla " + commandLine.getCommandName() + ": cancelled");
                return USER_ERROR;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter err = c.getErr();
            // One line, like every other user error, so scripts can report it verbatim.
            err.println("oscilla " + c.getCommandName() + ": error: " + ex.getMessage() + " (try: oscilla "
                    + (c.getParent() == null ? "" : c.getCommandName() + " ") + "--help)");
            err.flush();
            return USER_ERROR;
        });
        return cl;
    }

    /** Runs the CLI and returns the exit status. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** Version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = OscillaCli.class.getPackage().getImplementationVersion();
            return new String[] {"oscilla " + (v == null ? "development" : v)};
        }
    }
}
