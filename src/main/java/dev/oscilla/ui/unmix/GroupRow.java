package dev.oscilla.ui.unmix;

/**
 * A mineral group's share of a spectrum (normalised abundances summed over the group's endmembers).
 *
 * @param group the group (lower-case category, or the endmember's name when it has none)
 * @param sum   the summed abundance
 * @param known the known share of the group, NaN when unknown
 */
public record GroupRow(String group, double sum, double known) {
}
