package dev.oscilla.ui.fit;

import dev.oscilla.ui.module.ViewIds;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.ui.module.WorkbenchModule;
import javafx.scene.Node;

/** Registers the Fit view. */
public final class FitModule implements WorkbenchModule {

    public static final String ID = ViewIds.FIT;

    private final WorkbenchContext context;
    private final FitViewModel viewModel;

    public FitModule(WorkbenchContext context) {
        this.context = context;
        this.viewModel = new FitViewModel(context);
        viewModel.setActive(false); // the workbench opens on another view; shown, it draws
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Fit";
    }

    @Override
    public String description() {
        return "Fit Lorentz oscillators to a measured spectrum: auto-fit, hand edits, locks, bounds, re-fit, errors.";
    }

    @Override
    public Node createView() {
        return new FitView(viewModel, context.session().document().history(), context.plots());
    }

    @Override
    public void setShowing(boolean showing) {
        viewModel.setActive(showing);
    }

    public FitViewModel viewModel() {
        return viewModel;
    }
}
