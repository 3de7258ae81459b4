package dev.oscilla.ui.unmix;

/**
 * A group's share of a spectrum: the normalised abundances summed over the group's endmembers.
 *
 * @param group the group: a known-abundance column when the result is scored (the endmembers summed into it as the
 *              score sums them), else the lower-case mineral group (or the endmember's name when it has none)
 * @param sum   the summed abundance
 * @param known the known share of the group, NaN when unknown
 */
public record GroupRow(String group, double sum, double known) {
}
