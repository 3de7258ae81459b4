package dev.oscilla.ui.library;

import dev.oscilla.ui.module.ViewIds;
import dev.oscilla.ui.module.WorkbenchContext;
import dev.oscilla.ui.module.WorkbenchModule;
import javafx.scene.Node;

/** Registers the Library view. */
public final class LibraryModule implements WorkbenchModule {

    public static final String ID = ViewIds.LIBRARY;

    private final WorkbenchContext context;
    private final LibraryViewModel viewModel;

    public LibraryModule(WorkbenchContext context) {
        this.context = context;
        this.viewModel = new LibraryViewModel(context);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Library";
    }

    @Override
    public String description() {
        return "The minerals of the open library: rename, delete, import, export, compare with a measured spectrum.";
    }

    @Override
    public Node createView() {
        return new LibraryView(viewModel, context.plots());
    }

    @Override
    public void setShowing(boolean showing) {
        viewModel.compare().setActive(showing);
    }

    public LibraryViewModel viewModel() {
        return viewModel;
    }
}
