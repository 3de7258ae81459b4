package dev.oscilla.cli;

import dev.oscilla.task.ProgressListener;
import java.util.Locale;

/** Progress on stderr as a single self-overwriting line (a bar when stderr is a terminal). */
final class CliProgress {

    private CliProgress() {
    }

    static ProgressListener stderr(String task) {
        boolean terminal = System.console() != null;
        return new ProgressListener() {
            private long last;

            @Override
            public synchronized void progress(double fraction, String message) {
                long now = System.nanoTime();
                boolean end = fraction >= 1.0;
                if (!end && now - last < 200_000_000L) {
                    return; // at most five updates a second
                }
                last = now;
                String bar = fraction >= 0 ? bar(fraction) : "";
                String line = String.format(Locale.ROOT, "%s %s %s", task, bar, message);
                if (terminal) {
                    System.err.print("\r" + line + (end ? "\n" : ""));
                } else if (end) {
                    System.err.println(line);
                }
                System.err.flush();
            }
        };
    }

    private static String bar(double fraction) {
        int width = 24;
        int filled = (int) Math.round(Math.min(1, fraction) * width);
        return "[" + "#".repeat(filled) + " ".repeat(width - filled) + String.format(Locale.ROOT, "] %3.0f%%",
                100 * fraction);
    }
}
