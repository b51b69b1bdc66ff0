"""Who followed me since the last sync, split into worth following back and not, with reasons.

Worth following back: not spam, not gone, and fits what I care about: one of my segments, a
contact match, a target, a journalist, or posts and bio on my topics. The same signals as
:mod:`audience.prune` are used, so the two never disagree about what spam looks like.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from audience.config import Rules
from audience.models import parse_time
from audience.prune import (
    MEDIA_ROLE_BIO,
    PruneSettings,
    TopicMatcher,
    activity_reasons,
    load_profiles,
    media_role,
    media_role_cache,
    media_role_fields,
    noisy_or,
    press_lexicon,
    protection,
    spam_reasons,
    state_reasons,
    topic_matcher,
    topic_terms,
)
from audience.store import Store
from audience.sync import SnapshotRef, snapshot_members, snapshots, synced_platforms

# Spam signals adding up to this make a new follower not worth following back.
SPAM_LIMIT = 0.4


@dataclass
class Candidate:
    account_id: int
    platform: str
    handle: str | None
    display_name: str | None
    url: str | None
    followers: int | None
    worth: bool
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "account_id": self.account_id,
            "platform": self.platform,
            "handle": self.handle,
            "display_name": self.display_name,
            "url": self.url,
            "followers": self.followers,
            "worth": self.worth,
            "reasons": self.reasons,
        }


@dataclass
class FollowbackQueue:
    worth: list[Candidate] = field(default_factory=list)
    not_worth: list[Candidate] = field(default_factory=list)
    # platform -> (previous sync, latest sync); previous is None after a first sync
    windows: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "windows": {p: {"since": a, "until": b} for p, (a, b) in self.windows.items()},
            "worth": [c.as_dict() for c in self.worth],
            "not_worth": [c.as_dict() for c in self.not_worth],
        }


def followback_queue(
    store: Store,
    rules: Rules,
    platform: str | None = None,
    now: datetime | None = None,
    *,
    everyone: bool = False,
) -> FollowbackQueue:
    """New followers since the last sync that I do not follow. ``everyone``: every follower I
    do not follow back, not only the new ones (also what a first sync gives)."""
    now = now or datetime.now(UTC)
    settings = PruneSettings.from_rules(rules)
    matcher = topic_matcher(rules)
    lexicon = press_lexicon(store, rules)
    queue = FollowbackQueue()
    for name in [platform] if platform else synced_platforms(store, "followers"):
        account_ids, window = _new_followers(store, name, everyone, now)
        queue.windows[name] = window
        guarded = protection(store, rules, account_ids)
        profiles = load_profiles(store, account_ids)
        roles = _media_roles(store, lexicon, account_ids, profiles)
        for account_id in account_ids:
            candidate = _judge(
                profiles[account_id], guarded.get(account_id), settings, matcher, now, roles
            )
            (queue.worth if candidate.worth else queue.not_worth).append(candidate)
    queue.worth.sort(key=lambda c: (-len(c.reasons), -(c.followers or 0)))
    queue.not_worth.sort(key=lambda c: (c.handle or "").lower())
    return queue


def _media_roles(
    store: Store, lexicon: Any, account_ids: list[int], profiles: dict[int, Any]
) -> dict[int, str | None]:
    """:func:`media_role` of each new follower, kept between runs (a follower's press
    evidence is read again only when its texts or the rules change); over the cores for a
    large crowd. A read-only workspace (the report's second process) keeps nothing."""
    cache = media_role_cache(store, lexicon, account_ids)
    work = ((i, media_role_fields(profiles[i]), (profiles[i], lexicon)) for i in account_ids)
    cache.judge_ahead(work, media_role, together=MEDIA_ROLE_BIO)
    roles = {
        i: cache.judge(i, media_role_fields(profiles[i]), media_role, profiles[i], lexicon)
        for i in account_ids
    }
    if not store.read_only:
        cache.save()
    return roles


def _new_followers(
    store: Store, platform: str, everyone: bool, as_of: datetime
) -> tuple[list[int], tuple[str | None, str | None]]:
    """New followers between the last two followers snapshots taken by ``as_of`` (a replay
    sees the workspace as it was then), minus the accounts I followed by then."""
    from audience.sync import NeedsSync, require_snapshot

    require_snapshot(store, platform, "followers")
    series = _snapshots_by(store, platform, "followers", as_of)
    if not series:
        raise NeedsSync(
            f"No complete snapshot of your followers on {platform} on or before "
            f"{as_of.date().isoformat()}: choose a later --as-of."
        )
    following = _snapshots_by(store, platform, "following", as_of)
    followed = snapshot_members(store, following[-1].id) if following else set()
    latest = snapshot_members(store, series[-1].id)
    if everyone or len(series) < 2:
        return sorted(latest - followed), (None, series[-1].taken_at)
    added = latest - snapshot_members(store, series[-2].id)
    return sorted(added - followed), (series[-2].taken_at, series[-1].taken_at)


def _snapshots_by(store: Store, platform: str, kind: str, as_of: datetime) -> list[SnapshotRef]:
    return [
        s for s in snapshots(store, platform, kind) if (parse_time(s.taken_at) or as_of) <= as_of
    ]


def _judge(
    profile,
    guard: str | None,
    settings: PruneSettings,
    matcher: TopicMatcher,
    now: datetime,
    roles: dict[int, str | None],
) -> Candidate:
    row = profile.row
    against = [r.text for r in state_reasons(profile)]
    spam = spam_reasons(profile, settings, now)
    if noisy_or([r.weight for r in spam]) >= SPAM_LIMIT:
        against += ["looks like spam: " + ", ".join(r.text for r in spam)]
    against += [r.text for r in activity_reasons(profile, settings, now)]
    fits = _fits(profile, guard, matcher, roles[row["id"]])
    if not fits and not against:
        against.append("nothing ties them to your segments or topics")
    worth = bool(fits) and not against
    return Candidate(
        account_id=row["id"],
        platform=row["platform"],
        handle=row["handle"],
        display_name=row["display_name"],
        url=row["url"],
        followers=row["followers_count"],
        worth=worth,
        reasons=fits if worth else against + fits,
    )


def _fits(profile, guard: str | None, matcher: TopicMatcher, role: str | None) -> list[str]:
    fits = [guard] if guard else []
    fits += [
        f"in segment {name}" for name in profile.segments if f"segment {name}" not in (guard or "")
    ]
    if role:
        fits.append(role)
    terms = topic_terms(profile, matcher) if matcher else set()
    if terms:
        fits.append("talks about " + ", ".join(sorted(terms)))
    return fits
