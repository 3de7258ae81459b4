package dev.oscilla;

import dev.oscilla.cli.OscillaCli;

/**
 * Entry point of {@code java -jar oscilla.jar}: with no arguments it opens the workbench, with arguments it is
 * the command-line front end. Deliberately not a JavaFX Application subclass, so a plain classpath launch
 * works (STACK.md).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            dev.oscilla.ui.WorkbenchLauncher.main(args);
            return;
        }
        System.exit(OscillaCli.execute(args));
    }
}
