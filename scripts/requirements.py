"""Print the requirements of pyproject.toml, one a line: the runtime ones, plus those of each
extra named on the command line (``python scripts/requirements.py dev``)."""

import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["project"]
requirements = list(project["dependencies"])
for extra in sys.argv[1:]:
    requirements += project["optional-dependencies"][extra]
print("\n".join(requirements))
