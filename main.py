"""Entry point: ``python main.py [FOLDER]`` opens the reader; see ``python main.py --help``."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
