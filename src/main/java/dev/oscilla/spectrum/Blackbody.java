package dev.oscilla.spectrum;

import java.util.Locale;

/**
 * The one rule that recognises the blackbody endmember (the flat spectrum E = 1, DESIGN.md section 1) among library
 * entries and measured library spectra: an entry named or filed as "Blackbody", ignoring case and spaces ("black
 * body", "BLACKBODY"). Libraries carry it both ways: the feely spectral library lists a measured "Blackbody"
 * spectrum, its InfraRender HDF file a near-flat fitted model of that name. An oscillator model without modes is a
 * blackbody too ({@code Mineral.isBlackbody()} adds that). Every part of Oscilla (unmixing, the network, the CLI,
 * the workbench) asks here, so an entry is the blackbody everywhere or nowhere.
 */
public final class Blackbody {

    /** The name given to the blackbody endmember when one is added. */
    public static final String NAME = "Blackbody";

    private Blackbody() {
    }

    /** True when an entry of this name or group stands for the blackbody. */
    public static boolean isNamed(String name, String category) {
        return squash(name).equals("blackbody") || squash(category).equals("blackbody");
    }

    private static String squash(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "").replace("_", "");
    }
}
