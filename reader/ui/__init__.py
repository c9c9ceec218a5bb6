"""The Qt desktop app: the only package of the project that imports PySide6."""
