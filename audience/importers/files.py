"""Checks every importer makes on a path before opening it."""

from __future__ import annotations

import stat
from pathlib import Path

from audience.errors import InputError


def refuse_special_file(path: Path, *, folder_ok: bool = False) -> None:
    """Refuse a FIFO, device or socket (reading one would block or never end); a folder
    unless ``folder_ok``. A missing path is left to the reader to report."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) or (folder_ok and stat.S_ISDIR(mode)):
        return
    if stat.S_ISDIR(mode):
        raise InputError(path, None, "is a folder, not a file")
    raise InputError(path, None, "not a regular file (a FIFO, device or socket): give a file")
