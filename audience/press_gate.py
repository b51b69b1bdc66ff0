"""A cheap first look before the press and outlet rules (issue 18): can this account be press?

:func:`audience.roles.press_evidence` and :func:`audience.roles.outlet_account` are long chains
of checks, each remembered per text, but a crowd of a million still pays the whole chain per
account. Most accounts can be ruled out from a few facts worked out once per distinct bio and
once per distinct display name. Each return of a finding in those rules needs at least one of:

- a website (an outlet's site, an author page, a title at the account's own site);
- a handle the gazetteer knows (an outlet's own account);
- in the display name: a press job (:func:`press_role` of the name), an outlet's name at its
  start, an @handle, a podcast or outlet noun, or a broadcaster's name ("Coast FM");
- in the bio: one of the findings of the rules that read the bio alone (a press job, a
  freelancer's outlets, a clause naming an outlet, a title with a known outlet, a clause of
  outlet nouns or of news, a station on air at set hours), or a word of the vocabulary those
  rules start from (outlet nouns, podcast and episode words, newsy words, "on air" hours, a
  link, an @handle, media hints).

The gate asks exactly those questions, with the same functions and the same patterns (built
from the vocabulary, the user's files and learned outlets included), so a word added to the
vocabulary opens the gate as it opens the rule. When the gate is shut the rule would have
found nothing: it answers None at once. ``tests/test_press_gate.py`` checks that on every
labelled bio. A change to those rules that adds a way to find press must add it here.
"""

from __future__ import annotations

from typing import Any

from audience import roles
from audience.textmatch import searched

ENABLED = True  # the tests turn it off to compare with the rules alone
MEMO_SIZE = 65536  # answers kept per question; the memo starts again when full


def may_be_press(
    handle: str | None, name: str | None, bio: str | None, website: str | None, lexicon: Any
) -> bool:
    """False only when :func:`audience.roles.press_evidence` finds nothing for these fields."""
    if website or not ENABLED:
        return True
    memo = _memo(lexicon)
    if _asked(memo.bio_press, bio, _bio_may_be_press, lexicon):
        return True
    if _asked(memo.name_press, name, _name_may_be_press, lexicon):
        return True
    return lexicon.gazetteer.handle(handle) is not None


def may_be_outlet(name: str | None, bio: str | None, lexicon: Any) -> bool:
    """False only when :func:`audience.roles.outlet_account` finds nothing (it needs a bio)."""
    if not ENABLED:
        return True
    if not bio:
        return False
    memo = _memo(lexicon)
    return _asked(memo.bio_outlet, bio, _bio_may_be_outlet, lexicon) or _asked(
        memo.name_outlet, name, _name_may_be_outlet, lexicon
    )


class _Memo:
    """The gate's answers under one lexicon, per distinct bio or name."""

    __slots__ = ("lexicon", "bio_press", "name_press", "bio_outlet", "name_outlet")

    def __init__(self, lexicon: Any):
        self.lexicon = lexicon  # held, so its id cannot be reused while the answers are kept
        self.bio_press: dict[str | None, bool] = {}
        self.name_press: dict[str | None, bool] = {}
        self.bio_outlet: dict[str | None, bool] = {}
        self.name_outlet: dict[str | None, bool] = {}


_MEMOS: dict[int, _Memo] = {}


def _memo(lexicon: Any) -> _Memo:
    found = _MEMOS.get(id(lexicon))
    if found is None or found.lexicon is not lexicon:
        if len(_MEMOS) >= 8:
            _MEMOS.clear()
        found = _MEMOS[id(lexicon)] = _Memo(lexicon)
    return found


def _asked(memo: dict[str | None, bool], text: str | None, question: Any, lexicon: Any) -> bool:
    found = memo.get(text)
    if found is None:
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        found = memo[text] = question(text, lexicon)
    return found


def clear() -> None:
    """Forget every answer (the tests compare runs with and without the gate)."""
    _MEMOS.clear()


def _may_have_press_role(folded: str, lexicon: Any) -> bool:
    """What :func:`audience.roles.press_role` needs before it can find anything: one of the
    patterns its loops read (a cheap look, before a :class:`BioText` is built)."""
    return any(
        searched(pattern, folded)
        for pattern in (
            lexicon.press,
            lexicon.press_no_spaces,
            lexicon.qualified,
            lexicon.outlet_trail,
            lexicon.outlet_lead,
        )
    )


def _bio_may_be_press(bio: str | None, lexicon: Any) -> bool:
    if not bio:
        return False
    text = roles._bio_text(bio, lexicon)
    folded = text.folded
    return bool(
        (_may_have_press_role(folded, lexicon) and roles.press_role(bio, lexicon))
        or roles._freelance_now(text)
        or roles._freelance_for_outlets(text)
        or _bio_may_be_outlet(bio, lexicon)
        or searched(roles._LINK, folded)
        or searched(roles._MENTION, folded)
        or roles._outlet_clause(text, lexicon.gazetteer, roles.other_job(text))
        or roles._title_and_known_outlet(text)
        or roles.on_air_slot(text)
        or roles.title_at_station(text)
        or searched(lexicon.media_hints, folded)
    )


def _name_may_be_press(name: str | None, lexicon: Any) -> bool:
    if not name:
        return False
    folded = roles.fold_same_length(name)
    return bool(
        (_may_have_press_role(folded, lexicon) and roles.press_role(name, lexicon))
        or lexicon.gazetteer.name_at(name.strip(), 0)
        or ("@" in name and searched(roles._MENTION, folded))  # "Sam Tan | @harbourpost"
        or _name_may_be_outlet(name, lexicon)
    )


def _bio_may_be_outlet(bio: str | None, lexicon: Any) -> bool:
    if not bio:
        return False
    text = roles._bio_text(bio, lexicon)
    folded = text.folded
    return bool(
        searched(roles._OUTLET_NOUNS, folded)
        or searched(lexicon.outlet_nouns, folded)
        or searched(roles._A_PODCAST, folded)
        or searched(lexicon.episodes, folded)
        or searched(lexicon.named_podcast, folded)
        or searched(roles._NEWSY_BIO, folded)
        or searched(lexicon.journalism, folded)
        or searched(roles._ON_AIR, bio)
        or roles._STATION.search(bio)
        or lexicon.broadcast_name.match(bio)
        or roles._nouns_only_clause(text, lexicon)
        or roles._news_clause(text, lexicon)
        or roles._podcast_opening(text, lexicon)
        or roles._podcast_itself(text, lexicon)
        or roles._show_on_an_outlet(text, lexicon)
    )


def _name_may_be_outlet(name: str | None, lexicon: Any) -> bool:
    if not name:
        return False
    folded = roles.fold_same_length(name)
    return bool(
        searched(lexicon.podcast, folded)
        or roles.broadcast_name(name, lexicon)
        or searched(roles._OUTLET_NOUNS, folded)
        or searched(lexicon.outlet_nouns, folded)
    )
