package dev.oscilla.ui.scene;

import dev.oscilla.ui.module.ViewIds;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.ui.module.WorkbenchModule;
import javafx.scene.Node;

/** Registers the Scene view. */
public final class SceneModule implements WorkbenchModule {

    public static final String ID = ViewIds.SCENE;

    private final WorkbenchContext context;
    private final SceneViewModel viewModel;
    private SceneView view;

    public SceneModule(WorkbenchContext context) {
        this.context = context;
        this.viewModel = new SceneViewModel(context);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Scene";
    }

    @Override
    public String description() {
        return "Image cubes: channels, ratios and composites; unmix every pixel into abundance maps.";
    }

    @Override
    public Node createView() {
        view = new SceneView(viewModel, context.plots());
        return view;
    }

    public SceneViewModel viewModel() {
        return viewModel;
    }
}
