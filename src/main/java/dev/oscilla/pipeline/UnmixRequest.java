package dev.oscilla.pipeline;

import dev.oscilla.learn.InverseRenderModel;
import dev.oscilla.physics.Mineral;
import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.spectrum.WavenumberWindow;
import dev.oscilla.unmix.UnmixMethod;
import java.util.List;
import java.util.Objects;

/**
 * Everything an unmixing method needs besides the spectra, already read (the front ends read the files; this is
 * the one description of a run that the command line, the workbench and the cube unmixer share).
 *
 * @param method    the method
 * @param measured  measured endmember spectra (linear methods on a spectral library); null when the endmembers are
 *                  oscillator models
 * @param minerals  oscillator models: rendered for the linear methods when {@code measured} is null, flexed by ABS;
 *                  may be null for the linear methods on measured spectra and for the network methods
 * @param network   the trained network of IR and IR+ABS; null otherwise
 * @param window    wavenumber window, cm^-1
 * @param blackbody include a blackbody endmember (E = 1)
 * @param forced    endmembers exempt from the constraints (e.g. atmosphere)
 */
public record UnmixRequest(UnmixMethod method, SpectrumSet measured, List<Mineral> minerals,
                           InverseRenderModel network, WavenumberWindow window, boolean blackbody,
                           List<String> forced) {

    public UnmixRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(window, "window");
        forced = List.copyOf(forced);
        minerals = minerals == null ? null : List.copyOf(minerals);
    }

    /** A request on measured endmember spectra. */
    public static UnmixRequest measured(UnmixMethod method, SpectrumSet library, WavenumberWindow window) {
        return new UnmixRequest(method, library, null, null, window, true, List.of());
    }

    /** A request on oscillator models. */
    public static UnmixRequest minerals(UnmixMethod method, List<Mineral> minerals, WavenumberWindow window) {
        return new UnmixRequest(method, null, minerals, null, window, true, List.of());
    }

    public UnmixRequest withNetwork(InverseRenderModel value) {
        return new UnmixRequest(method, measured, minerals, value, window, blackbody, forced);
    }

    public UnmixRequest withBlackbody(boolean value) {
        return new UnmixRequest(method, measured, minerals, network, window, value, forced);
    }

    public UnmixRequest withForced(List<String> value) {
        return new UnmixRequest(method, measured, minerals, network, window, blackbody, value);
    }

    public UnmixRequest withMethod(UnmixMethod value) {
        return new UnmixRequest(value, measured, minerals, network, window, blackbody, forced);
    }

    /** True for the methods that run the trained network (IR, IR+ABS). */
    public boolean usesNetwork() {
        return method == UnmixMethod.IR || method == UnmixMethod.IR_ABS;
    }
}
