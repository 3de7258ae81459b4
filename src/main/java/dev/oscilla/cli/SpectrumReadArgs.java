package dev.oscilla.cli;

import dev.oscilla.io.SpectrumReadOptions;
import dev.oscilla.spectrum.SpectrumKind;
import picocli.CommandLine.Option;

/**
 * The options that override detection when reading a spectrum file (a picocli mixin shared by every command that
 * reads spectra): the axis options of {@link SpectrumAxisArgs} plus {@code --quantity}. {@code forward} renders a
 * quantity of its own and reads only an axis, so it takes {@link SpectrumAxisArgs} alone.
 */
class SpectrumReadArgs extends SpectrumAxisArgs {

    @Option(names = {"--quantity", "--kind"}, paramLabel = "QUANTITY",
            description = "What the spectra measure: emissivity, reflectance, transmittance, absorbance or intensity"
                    + " (default: as the file says; emissivity for the ASU layout).")
    String quantity;

    @Override
    boolean anyGiven() {
        return super.anyGiven() || quantity != null;
    }

    @Override
    SpectrumReadOptions toOptions() {
        SpectrumReadOptions.Builder b = super.toOptions().toBuilder();
        if (quantity != null) {
            SpectrumKind kind = SpectrumKind.parse(quantity).orElseThrow(() -> new UserException("--quantity must be"
                    + " emissivity, reflectance, transmittance, absorbance or intensity, got '" + quantity + "'"));
            b.kind(kind);
        }
        return b.build();
    }
}
