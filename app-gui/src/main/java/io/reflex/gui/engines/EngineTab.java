package io.reflex.gui.engines;

import io.reflex.gui.MainView;
import io.reflex.gui.MainViewModel;
import io.reflex.gui.dialog.FxDialogService;

/** One engine's part of the window: its own connection, view models, notification bar and status bar. */
public record EngineTab(MainViewModel model, MainView view, FxDialogService dialogs) {}
