package dev.oscilla.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders cleanly (picocli warns on stderr about malformed option descriptions). */
class HelpTest {

    @Test
    void everyCommandHasCleanHelp() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CommandLine root = OscillaCli.commandLine();
            visit(root);
        } finally {
            System.setErr(saved);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
    }

    private static void visit(CommandLine command) {
        String usage = command.getUsageMessage();
        assertThat(usage).as(command.getCommandName()).contains("Usage:");
        for (CommandLine sub : command.getSubcommands().values()) {
            visit(sub);
        }
    }
}
