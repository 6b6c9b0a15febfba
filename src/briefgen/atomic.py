"""Atomic file writes: a reader (or a Ctrl-C) never sees a half-written output file, and the
outputs of one build replace the old ones together."""
from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

PART_SUFFIX = ".part"
# A temporary file exists only while its bytes are written (seconds); one this old is left over
# from a build that was killed (SIGKILL, power loss) and is removed by the next build.
STALE_PART_SECONDS = 15 * 60


def _write_temporary(path: Path, data: bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`."""
    temporary = _write_temporary(path, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_all_atomically(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write every file to a temporary beside it, and only when all are written rename them all:
    a build stopped on the way (a full disk, Ctrl-C) leaves the old outputs, all of them, never
    a new PDF beside an old HTML and JSON."""
    temporaries: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            temporaries.append((_write_temporary(path, data), path))
        for temporary, path in temporaries:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _path in temporaries:
            Path(temporary).unlink(missing_ok=True)
        raise


def remove_stale_parts(folder: Path, names: Sequence[str], now: float | None = None) -> list[Path]:
    """Removes temporary files of `names` (outputs of this folder) that a killed build left
    behind; returns them. Recent ones are left alone: another build may be writing them."""
    cutoff = (time.time() if now is None else now) - STALE_PART_SECONDS
    removed = []
    for name in names:
        for part in folder.glob(f".{name}.*{PART_SUFFIX}"):
            with contextlib.suppress(OSError):
                if part.is_file() and not part.is_symlink() and part.lstat().st_mtime < cutoff:
                    part.unlink()
                    removed.append(part)
    return removed
