"""``python -m reader.entities.training``: rebuild the entity model (``cli.py``)."""

from reader.entities.training.cli import main

# imported as a module (the architecture test imports every module) it runs nothing
if __name__ == "__main__":
    raise SystemExit(main())
