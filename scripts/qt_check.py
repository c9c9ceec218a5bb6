"""Before the app starts on Linux: can Qt's X11 platform plugin load its system libraries?

PySide6's wheel brings Qt but not the X11 helper libraries its ``xcb`` plugin links against, and a
fresh desktop or server often lacks a few of them. Qt then aborts with a hint that names the wrong
package, so this asks the dynamic loader (``ldd``) which libraries are missing, maps them to the
system's packages and installs them when it may (root, or sudo without a password); otherwise it
prints the one command to run. Standard library only: it runs before anything else is trusted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# Libraries the xcb plugin and Qt's X11 support link against: Debian/Ubuntu package names.
# Fedora installs by the library's own name (``dnf install 'libX.so.N()(64bit)'``), so it needs
# no table.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def plugin_path() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    path = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return path if path.exists() else None


def missing_libraries(plugin: Path) -> list[str]:
    """The libraries the loader cannot find for ``plugin``, in ldd's order, each once."""
    result = subprocess.run(
        ["ldd", str(plugin)], capture_output=True, text=True, check=False, errors="replace"
    )
    missing: list[str] = []
    for line in result.stdout.splitlines():
        name, _, rest = line.strip().partition(" => ")
        if rest.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def install_command(missing: list[str]) -> list[str] | None:
    if shutil.which("apt-get"):
        return ["apt-get", "install", "-y", *(debian_package(name) for name in missing)]
    if shutil.which("dnf"):
        return ["dnf", "install", "-y", *(f"{name}()(64bit)" for name in missing)]
    return None


def debian_package(soname: str) -> str:
    """The package that ships ``soname``; Debian names library packages after the soname."""
    known = DEBIAN_PACKAGES.get(soname)
    if known:
        return known
    stem, _, version = soname.partition(".so.")
    name = stem.lower().replace("_", "-")
    return f"{name}-{version}" if name[-1:].isdigit() else f"{name}{version}"


def privilege_prefix() -> list[str] | None:
    """``[]`` as root, ``["sudo", "-n"]`` with passwordless sudo, None when we may not install."""
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo"):
        probe = subprocess.run(["sudo", "-n", "true"], capture_output=True, check=False)
        if probe.returncode == 0:
            return ["sudo", "-n"]
    return None


def run_install(prefix: list[str], command: list[str]) -> bool:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print("Installing:", " ".join(command), file=sys.stderr)
    if subprocess.run([*prefix, *command], env=env, check=False).returncode == 0:
        return True
    if command[0] == "apt-get":
        # a fresh system's package lists may be empty or stale
        subprocess.run([*prefix, "apt-get", "update", "-qq"], env=env, check=False)
        return subprocess.run([*prefix, *command], env=env, check=False).returncode == 0
    return False


def uses_xcb(args: list[str]) -> bool:
    if not sys.platform.startswith("linux") or "--screenshot" in args:
        return False  # a screenshot without a display renders offscreen
    if args[:1] and args[0] in {"export", "search", "ner", "-h", "--help"}:
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return not platform or "xcb" in platform


def main(args: list[str]) -> int:
    if not uses_xcb(args):
        return 0
    plugin = plugin_path()
    if plugin is None or not shutil.which("ldd"):
        return 0
    missing = missing_libraries(plugin)
    if not missing:
        return 0
    print(
        "Qt's X11 platform plugin cannot load; missing system libraries: " + ", ".join(missing),
        file=sys.stderr,
    )
    command = install_command(missing)
    if command is None:
        print("Install the packages that provide them with your package manager.", file=sys.stderr)
        return 1
    prefix = privilege_prefix()
    if prefix is None:
        print("Run this once, then start the app again:", file=sys.stderr)
        print("    sudo " + " ".join(command), file=sys.stderr)
        return 1
    if not run_install(prefix, command) or missing_libraries(plugin):
        still = ", ".join(missing_libraries(plugin)) or "none"
        print(f"The install did not complete (still missing: {still}).", file=sys.stderr)
        return 1
    print("System libraries for Qt installed.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
