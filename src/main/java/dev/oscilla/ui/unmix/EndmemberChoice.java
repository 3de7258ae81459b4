package dev.oscilla.ui.unmix;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One candidate endmember (a library mineral or a measured library spectrum): used or not, forced or not. */
public final class EndmemberChoice {

    private final String name;
    private final String group;
    private final BooleanProperty used = new SimpleBooleanProperty(this, "used", true);
    private final BooleanProperty forced = new SimpleBooleanProperty(this, "forced", false);

    EndmemberChoice(String name, String group) {
        this.name = name;
        this.group = group;
    }

    public String name() {
        return name;
    }

    /** Mineral group (category), for group sums. */
    public String group() {
        return group;
    }

    /** Part of the endmember matrix. */
    public BooleanProperty usedProperty() {
        return used;
    }

    /**
     * Exempt from the constraints (an atmospheric or instrument spectrum): free in sign, outside the sum to one,
     * left out of the normalised abundances.
     */
    public BooleanProperty forcedProperty() {
        return forced;
    }
}
