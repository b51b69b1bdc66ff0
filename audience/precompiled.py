"""The rules' largest regular expressions, compiled once and kept between runs (issue 18).

Every command that judges accounts compiles the same few patterns of tens of thousands of
characters (the outlet gazetteer, the denied titles, the language files' word lists): most of
a second of CPU in each process, before the first account is read, spent in ``re``'s parser,
which is Python. What that parser produces, the program ``_sre`` runs, depends only on the
pattern, its flags and the Python build, so it is kept in the cache folder (a file per
pattern, in a folder per Python build) and handed straight to ``_sre.compile``: the same
program, so a pattern compiled here is equal to what :func:`re.compile` gives (``Pattern``
equality compares the programs) and finds the same matches.

Anything unexpected (another Python's ``re`` internals, an unreadable or damaged file, a
folder that cannot be written) means compiling as :func:`re.compile` does.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
import unicodedata
from array import array
from pathlib import Path

# Programs kept (a workspace's learned outlets make a gazetteer of their own, ~0.6 MB): the
# least recently used go first.
MAX_FILES = 64
_CODE_UNIT = "I"  # the program's code units: 32 bits (``_sre.CODESIZE``, checked in _folder)
_Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_Packed = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]  # the code as bytes

_compiled: dict[tuple[str, int], re.Pattern[str]] = {}


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its program read from the cache folder when a run
    before compiled it with this Python."""
    key = (pattern, int(flags))
    found = _compiled.get(key)
    if found is not None:
        return found
    try:
        path = _folder() / f"{_name(key)}.marshal"
        packed = _load(path, key)
        fresh = packed is None
        if packed is None:
            packed = _packed(_program(pattern, key[1]))
        found = _sre_compile(pattern, _unpacked(packed))
    except Exception:  # noqa: BLE001  (another Python's internals: compile as re does)
        found = re.compile(pattern, flags)
    else:
        if fresh:
            _store(path, key, packed)
    _compiled[key] = found
    return found


def _program(pattern: str, flags: int) -> _Program:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern``."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    flags |= parsed.state.flags
    return (flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _sre_compile(pattern: str, program: _Program) -> re.Pattern[str]:
    import _sre

    flags, code, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def _packed(program: _Program) -> _Packed:
    """The program with its code as bytes (a list of ints reads ten times slower)."""
    flags, code, groups, groupindex, indexgroup = program
    return (flags, array(_CODE_UNIT, code).tobytes(), groups, groupindex, indexgroup)


def _unpacked(packed: _Packed) -> _Program:
    flags, code, groups, groupindex, indexgroup = packed
    units = array(_CODE_UNIT)
    units.frombytes(code)
    return (flags, units.tolist(), groups, groupindex, indexgroup)


def _folder() -> Path:
    import _sre

    from platformdirs import user_cache_dir

    if array(_CODE_UNIT).itemsize != _sre.CODESIZE:
        raise ValueError("code units of another size")
    build = repr((sys.version, _sre.MAGIC, _sre.CODESIZE, unicodedata.unidata_version))
    tag = hashlib.blake2b(build.encode(), digest_size=6).hexdigest()
    cache = os.environ.get("AUDIENCE_CACHE_DIR") or user_cache_dir("audience")
    return Path(cache) / f"patterns-{tag}"


def _name(key: tuple[str, int]) -> str:
    text = key[0].encode("utf-8", "surrogatepass") + b"\0" + str(key[1]).encode()
    return hashlib.blake2b(text, digest_size=16).hexdigest()


def _checksum(key: tuple[str, int], packed: _Packed) -> bytes:
    # (marshal's version 2 writes no back-references, which depend on who else holds a value)
    return hashlib.blake2b(marshal.dumps((key, packed), 2), digest_size=16).digest()


def _load(path: Path, key: tuple[str, int]) -> _Packed | None:
    """The program a run before stored for ``key``, if whole and for this very pattern."""
    try:
        with open(path, "rb") as handle:
            stored = marshal.load(handle)
        os.utime(path)  # used: the last to go when the folder is full
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == key):
        return None
    packed, checksum = stored[1], stored[2]
    if not (isinstance(packed, tuple) and len(packed) == 5 and checksum == _checksum(key, packed)):
        return None
    return packed


def _store(path: Path, key: tuple[str, int], packed: _Packed) -> None:
    """Write the program atomically, then leave the :data:`MAX_FILES` most recently used."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".pattern.", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            marshal.dump((key, packed, _checksum(key, packed)), handle)
        os.replace(temp, path)
        files = sorted(path.parent.glob("*.marshal"), key=_last_used, reverse=True)
        for old in files[MAX_FILES:]:
            old.unlink(missing_ok=True)
    except (OSError, ValueError):
        pass


def _last_used(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
