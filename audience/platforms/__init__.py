"""One module per social network, each behind the :class:`~audience.platforms.base.Platform`
interface. Modules import their SDK lazily so ``audience --help`` stays instant."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from audience.platforms.base import Platform

NAMES = ("x", "bluesky", "mastodon", "linkedin")


def get_platform(name: str, **options: object) -> Platform:
    """Build the client for ``name`` from the environment (credentials, base URLs)."""
    if name == "x":
        from audience.platforms.x import XPlatform

        return XPlatform.from_env(**options)
    if name == "bluesky":
        from audience.platforms.bluesky import BlueskyPlatform

        return BlueskyPlatform.from_env(**options)
    if name == "mastodon":
        from audience.platforms.mastodon import MastodonPlatform

        return MastodonPlatform.from_env(**options)
    if name == "linkedin":
        from audience.platforms.linkedin import LinkedInPlatform

        return LinkedInPlatform.from_env(**options)
    raise ValueError(f"unknown platform {name!r}; choose one of {', '.join(NAMES)}")
