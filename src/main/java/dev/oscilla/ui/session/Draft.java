package dev.oscilla.ui.session;

import dev.oscilla.physics.Mineral;
import java.util.Objects;

/**
 * A working copy of a mineral that a view edits (the Explore view's edited entry, the Fit view's model): part of the
 * session and of its undo history, but not of the library. Only an explicit "apply to library" (replacing its
 * origin) or "add to library" (a new entry) puts it there, so no fit and no slider ever overwrites a library entry
 * silently.
 *
 * @param mineral the working copy
 * @param origin  the library entry it came from (and would replace), or null for a new mineral
 */
public record Draft(Mineral mineral, String origin) {

    public Draft {
        Objects.requireNonNull(mineral, "mineral");
    }

    public Draft withMineral(Mineral m) {
        return new Draft(m, origin);
    }

    public Draft withOrigin(String o) {
        return new Draft(mineral, o);
    }
}
