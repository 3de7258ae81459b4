package dev.oscilla.ui.network;

import dev.oscilla.ui.module.ViewIds;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.ui.module.WorkbenchModule;
import javafx.scene.Node;

/** Registers the Network view (train or open the inverse-rendering network the Unmix view uses). */
public final class NetworkModule implements WorkbenchModule {

    public static final String ID = ViewIds.NETWORK;

    private final WorkbenchContext context;
    private final NetworkViewModel viewModel;

    public NetworkModule(WorkbenchContext context) {
        this.context = context;
        this.viewModel = new NetworkViewModel(context);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Network";
    }

    @Override
    public String description() {
        return "Train an inverse-rendering network on synthetic mixtures of the library, with a live loss curve; "
                + "the Unmix view uses it (ir, ir+abs).";
    }

    @Override
    public Node createView() {
        return new NetworkView(viewModel, context.plots());
    }

    public NetworkViewModel viewModel() {
        return viewModel;
    }
}
