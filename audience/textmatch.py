"""Sharing the work of the judgement rules between the rules, and between accounts.

The rules of :mod:`audience.roles` read the same bio several times per account (the press
rule, the outlet rule and the organisation rule each ask "what are its organisation and person
signals?", "does it name a press job?", "is it an outlet's own account?"), and a crowd repeats
the same bios (empty ones most of all). :func:`lexicon_memo` remembers the answers of such pure
functions of text and a lexicon for the run, so each is worked out once per distinct text.
(Functions of text alone use :func:`functools.lru_cache`.)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

MEMO_SIZE = 16384  # answers kept per function; the memo starts again when full
_TEXT = (str, type(None))
_FLAGS = (bool, int, str, type(None))


def lexicon_memo(function: F) -> F:
    """Remember ``function(*texts, lexicon, **flags)``'s answers. The texts and flags are
    compared by value, the lexicon (last positional argument or ``lexicon=``) by identity:
    hashing a lexicon with hundreds of learned outlets would cost more than the rule. The memo
    holds the lexicon, so its identity cannot be reused by another while an answer is kept.
    ``function`` must be pure and return an immutable value; calls of another shape are not
    remembered."""
    memo: dict[tuple[Any, ...], tuple[Any, Any]] = {}

    @functools.wraps(function)
    def remembered(*args: Any, **kwargs: Any) -> Any:
        options: tuple[tuple[str, Any], ...] = ()
        if kwargs:
            lexicon = kwargs.get("lexicon")
            options = tuple((k, v) for k, v in kwargs.items() if k != "lexicon")
            if not all(isinstance(v, _FLAGS) for _, v in options):
                return function(*args, **kwargs)
        if "lexicon" in kwargs:
            texts = args
        elif args and not isinstance(args[-1], _TEXT):
            texts, lexicon = args[:-1], args[-1]
        else:
            texts, lexicon = args, None  # the default lexicon, not given
        key = (texts, id(lexicon), options)
        found = memo.get(key)
        if found is not None and found[0] is lexicon:
            return found[1]
        value = function(*args, **kwargs)
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        memo[key] = (lexicon, value)
        return value

    remembered.cache_clear = memo.clear  # type: ignore[attr-defined]
    return remembered  # type: ignore[return-value]
