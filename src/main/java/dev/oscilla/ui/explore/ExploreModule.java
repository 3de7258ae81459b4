package dev.oscilla.ui.explore;

import dev.oscilla.ui.module.ViewIds;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.ui.module.WorkbenchModule;
import javafx.scene.Node;

/** Registers the Explore / teach view. */
public final class ExploreModule implements WorkbenchModule {

    public static final String ID = ViewIds.EXPLORE;

    private final WorkbenchContext context;
    private final ExploreViewModel viewModel;

    public ExploreModule(WorkbenchContext context) {
        this.context = context;
        this.viewModel = new ExploreViewModel(context.session(), context.tasks(), context.status());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Explore";
    }

    @Override
    public String description() {
        return "Turn the knobs of a mineral's oscillators and watch its spectrum and optical constants change.";
    }

    @Override
    public Node createView() {
        return new ExploreView(viewModel, context.session().document().history(), context.plots());
    }

    public ExploreViewModel viewModel() {
        return viewModel;
    }
}
