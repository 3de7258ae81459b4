package dev.oscilla.unmix;

import dev.oscilla.spectrum.WavenumberWindow;
import java.util.List;
import java.util.Locale;

/**
 * Immutable settings of a linear unmixing run, in the conventions of ASU davinci's {@code sma}.
 *
 * @param method     FCLS (x >= 0, sum 1), NNLS (x >= 0) or LS (unconstrained)
 * @param window     wavenumber window the fit uses, cm^-1
 * @param blackbody  include a blackbody endmember (E = 1) when the library has none; its fraction is reported,
 *                   then removed and the other abundances renormalised to sum 1
 * @param forced     names of endmembers exempt from the constraints (e.g. atmospheric spectra): free in sign,
 *                   outside the sum, excluded from normalised abundances
 * @param maskZeros  treat exact zeros as missing channels (zero-filled instrument gaps); on by default
 */
public record UnmixSettings(UnmixMethod method, WavenumberWindow window, boolean blackbody, List<String> forced,
                            boolean maskZeros) implements java.io.Serializable {

    public UnmixSettings {
        forced = List.copyOf(forced);
        if (method == null || window == null) {
            throw new IllegalArgumentException("method and window are required");
        }
    }

    /** FCLS with a blackbody endmember over the whole axis. */
    public static UnmixSettings defaults() {
        return new UnmixSettings(UnmixMethod.FCLS, WavenumberWindow.ALL, true, List.of(), true);
    }

    public UnmixSettings withMethod(UnmixMethod value) {
        return new UnmixSettings(value, window, blackbody, forced, maskZeros);
    }

    public UnmixSettings withWindow(WavenumberWindow value) {
        return new UnmixSettings(method, value, blackbody, forced, maskZeros);
    }

    public UnmixSettings withBlackbody(boolean value) {
        return new UnmixSettings(method, window, value, forced, maskZeros);
    }

    public UnmixSettings withForced(List<String> value) {
        return new UnmixSettings(method, window, blackbody, value, maskZeros);
    }

    public UnmixSettings withMaskZeros(boolean value) {
        return new UnmixSettings(method, window, blackbody, forced, value);
    }

    boolean isForced(String name) {
        for (String f : forced) {
            if (f.trim().equalsIgnoreCase(name) || f.trim().toLowerCase(Locale.ROOT).equals(
                    name.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
