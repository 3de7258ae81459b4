package dev.oscilla.io;

import java.nio.file.Path;

/**
 * A file could not be read (or written) as expected. The message always names the file and, when known,
 * the 1-based line and column, then the problem, e.g. {@code rocks.csv, line 12, column 3: "abc" is not a number};
 * it is always one line.
 */
public class SpectralFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final int column;
    private final String problem;

    public SpectralFileException(Path file, long line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    public SpectralFileException(Path file, long line, int column, String problem, Throwable cause) {
        super(format(file, line, column, oneLine(problem)), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = oneLine(problem);
    }

    /**
     * The problem on one line: file content quoted in a message (a cell with a line break, a header list) must not
     * break the one-line form that scripts and the CLI rely on.
     */
    private static String oneLine(String problem) {
        return problem == null ? "" : problem.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    public SpectralFileException(Path file, String problem) {
        this(file, 0, 0, problem, null);
    }

    public SpectralFileException(Path file, String problem, Throwable cause) {
        this(file, 0, 0, problem, cause);
    }

    private static String format(Path file, long line, int column, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file.toString());
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column > 0) {
            sb.append(", column ").append(column);
        }
        return sb.append(": ").append(problem).toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is not tied to a line. */
    public long line() {
        return line;
    }

    /** 1-based column, or 0 when the problem is not tied to a column. */
    public int column() {
        return column;
    }

    /** The problem without the file/line prefix. */
    public String problem() {
        return problem;
    }
}
