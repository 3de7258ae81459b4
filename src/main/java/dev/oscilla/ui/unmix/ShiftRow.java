package dev.oscilla.ui.unmix;

/**
 * How far analysis-by-synthesis moved one parameter of a mineral to fit a spectrum.
 *
 * @param mineral       the endmember
 * @param parameter     readable name ("Mode 1 band 3 S")
 * @param library       the library value
 * @param flexed        the value that fits the spectrum
 * @param percentOfBox  the shift in % of the half-width of the parameter's flex box (+-100 at the box's edges)
 */
public record ShiftRow(String mineral, String parameter, double library, double flexed, double percentOfBox) {
}
