package dev.oscilla.ui.unmix;

import dev.oscilla.ui.module.ViewIds;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.ui.module.WorkbenchModule;
import javafx.scene.Node;

/** Registers the Unmix view. */
public final class UnmixModule implements WorkbenchModule {

    public static final String ID = ViewIds.UNMIX;

    private final WorkbenchContext context;
    private final UnmixViewModel viewModel;

    public UnmixModule(WorkbenchContext context) {
        this.context = context;
        this.viewModel = new UnmixViewModel(context);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Unmix";
    }

    @Override
    public String description() {
        return "Unmix spectra against a library: abundances with errors, group sums, contributions, scores.";
    }

    @Override
    public Node createView() {
        return new UnmixView(viewModel, context.plots());
    }

    public UnmixViewModel viewModel() {
        return viewModel;
    }
}
