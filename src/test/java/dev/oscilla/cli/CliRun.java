package dev.oscilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the CLI with its exit status and captured output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = OscillaCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Asserts success with nothing on stderr. */
    CliRun succeeded() {
        assertThat(err).as("stderr").isEmpty();
        assertThat(exitCode).as("exit status (stderr: %s)", err).isZero();
        return this;
    }

    /** Asserts a user error: status 2, exactly one line on stderr, no stack trace; returns that line. */
    String userError() {
        assertThat(exitCode).as("exit status").isEqualTo(OscillaCli.USER_ERROR);
        assertThat(err).endsWith(System.lineSeparator());
        assertThat(err.lines().count()).as("stderr lines of: %s", err).isEqualTo(1);
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
        return err.strip();
    }
}
