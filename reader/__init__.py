"""Arabic news reader: the core (formats, Arabic text, index, entities) and, in ``reader.ui``, the Qt app.

Everything outside ``reader.ui`` is free of Qt so it can be used and tested without a display.
"""

__version__ = "0.1.0"
