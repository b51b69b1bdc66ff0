"""Domain errors. The command layer maps each to a message on stderr and an exit code."""

from __future__ import annotations

from datetime import datetime


class AudienceError(Exception):
    """Base class: a problem the user can act on. ``exit_code`` is what the CLI returns."""

    exit_code = 1


class WorkspaceError(AudienceError):
    """The workspace file is missing, foreign, or from a newer version."""

    exit_code = 2


class ConfigError(AudienceError):
    """A setting, credential or ``audience.toml`` entry is missing or wrong."""

    exit_code = 2


class InputError(AudienceError):
    """An input file is malformed. The message names the file and the position."""

    exit_code = 3

    def __init__(self, path: object, position: str | None, problem: str):
        self.path = str(path)
        self.position = position
        self.problem = problem
        where = f"{self.path}, {position}" if position else self.path
        super().__init__(f"{where}: {problem}")


class PlatformError(AudienceError):
    """A social network refused or failed a request."""

    exit_code = 4


class NotSupported(PlatformError):
    """The platform's API has no way to do this (e.g. Lists an account is on, on Bluesky)."""


class AuthError(PlatformError):
    """401/403: bad credentials, a protected account, or an endpoint outside the API tier."""

    exit_code = 5


class RateLimited(PlatformError):
    """429. ``reset_at`` is when the platform says the window reopens (None if it did not say)."""

    def __init__(self, message: str, reset_at: datetime | None):
        super().__init__(message)
        self.reset_at = reset_at


class TransientError(PlatformError):
    """5xx or a dropped connection: worth retrying with backoff."""


class AccountUnavailable(PlatformError):
    """The account is suspended, deleted, moved or unknown. ``state`` says which."""

    def __init__(self, message: str, state: str):
        super().__init__(message)
        self.state = state


class BudgetExceeded(AudienceError):
    """A crawl reached ``--max-requests`` or ``--budget``; what was fetched is kept."""

    exit_code = 6


class RefusedForAccount(PlatformError):
    """The platform refused one write for one account (Mastodon lists only accounts you follow,
    a member X will not list); the rest of the run goes on."""


class CrawlBusy(AudienceError):
    """Another process is crawling the same job: running both would fetch every page twice."""

    exit_code = 1
