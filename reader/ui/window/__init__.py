"""The main window: its construction and wiring, the session of the open folder, the menus."""
