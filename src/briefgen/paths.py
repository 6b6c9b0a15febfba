"""Where a file really is: links resolved, so that no folder's files reach beyond it.

Whoever supplies a course folder (articles, settings, a theme) chooses its links; briefgen
follows a link only when it stays inside the folder it was found in, and never takes the root
or a system folder for a theme or a glossary, whose files the renderer may read.
"""
from __future__ import annotations

import os
from pathlib import Path

# Folders whose files are the system's, not a course's: refused as a theme or glossary place,
# and so is everything below them.
_SYSTEM_TREES = ("/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/proc", "/root", "/run", "/sbin",
                 "/sys", "/usr/bin", "/usr/lib", "/usr/lib64", "/usr/sbin", "/var/lib", "/var/log", "/var/run",
                 "/private/etc", "/private/var", "/System", "/Library", "C:\\Windows")
# Folders that hold everyone's files: refused themselves (a course folder inside them is fine).
_SHARED_ROOTS = ("/", "/home", "/Users", "/usr", "/var", "/opt", "/tmp", "/mnt", "/media", "/srv")


def resolves_inside(path: Path, folder: Path) -> bool:
    """Whether `path`, links followed, is inside `folder` (links followed too)."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))
    except (OSError, ValueError):
        return False


def outside_link_problem(path: Path, folder: Path) -> str | None:
    """Why `path` (an entry of `folder`) is not to be read: it is a link to somewhere outside."""
    if resolves_inside(path, folder):
        return None
    return f"a link to a file outside its folder ({os.path.realpath(path)}); not read"


def system_folder_problem(path: Path) -> str | None:
    """Why `path` cannot be a theme folder or a glossary file: a system file or folder, or (for
    a folder) the root or a home, which hold far more than a course's files."""
    real = Path(os.path.realpath(path))
    if real.is_dir() and (real == Path.home().resolve() or str(real) in _SHARED_ROOTS or real == Path(real.anchor)):
        return f"{real} holds far more than a course's files; use a folder of its own"
    for tree in _SYSTEM_TREES:
        if real == Path(tree) or real.is_relative_to(tree):
            return f"{real} is a system folder; use a folder of the course's own"
    return None
