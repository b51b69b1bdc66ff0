"""Keep start-up lean: import sqlite-utils without the optional numpy and pandas.

sqlite-utils imports numpy and pandas whenever they are installed, only to map their scalar
types to SQLite column types; audience stores plain Python values, and numpy alone costs about
0.1 s of every command's start-up. Commands that really need numpy (matching) import it
themselves, before or after this, unaffected.
"""

from __future__ import annotations

import sys

_OPTIONAL = ("numpy", "pandas")


def import_sqlite_utils() -> None:
    """Import sqlite_utils with numpy and pandas hidden if nothing has imported them yet."""
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in _OPTIONAL if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import numpy` fail
    try:
        import sqlite_utils.db
        import sqlite_utils.plugins

        # audience uses no sqlite-utils plugins: skip scanning every installed package's
        # entry points each time a database is opened.
        sqlite_utils.plugins._plugins_loaded = True
        del sqlite_utils
    finally:
        for name in hidden:
            del sys.modules[name]
