package dev.oscilla.cli;

/** A problem the user can fix (bad option, missing file); printed as one line, exit status 2. */
public final class UserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
