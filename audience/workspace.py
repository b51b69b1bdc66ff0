"""Creating and summarising a workspace."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audience.config import CONFIG_TEMPLATE, config_path_for
from audience.store import Store, open_store


@dataclass
class InitResult:
    db_path: Path
    config_path: Path
    config_written: bool


def init_workspace(db_path: Path) -> InitResult:
    """Create the workspace file and a commented ``audience.toml`` beside it (kept if present)."""
    store = open_store(db_path, create=True)
    store.close()
    config = config_path_for(db_path)
    written = not config.exists()
    if written:
        config.write_text(CONFIG_TEMPLATE, encoding="utf-8")
    from audience.datasette import write_metadata

    write_metadata(db_path)
    return InitResult(db_path, config, written)


def status(store: Store) -> dict:
    """Counts a user checks first: accounts per platform, people, contacts, matches, segments."""
    per_platform = {
        row["platform"]: {"accounts": row["n"], "active": row["active"]}
        for row in store.query(
            "SELECT platform, count(*) n, sum(state = 'active') active FROM accounts "
            "GROUP BY platform ORDER BY platform"
        )
    }
    for row in store.query(
        "SELECT a.platform, count(*) n FROM follows f JOIN accounts a ON a.id = f.follower_id "
        "GROUP BY a.platform"
    ):
        per_platform.setdefault(row["platform"], {})["follow_edges"] = row["n"]
    for row in store.query("SELECT platform, count(*) n FROM posts GROUP BY platform"):
        per_platform.setdefault(row["platform"], {})["posts"] = row["n"]
    matches = {
        row["status"]: row["n"]
        for row in store.query("SELECT status, count(*) n FROM matches GROUP BY status")
    }
    segments = {
        row["name"]: row["n"]
        for row in store.query(
            "SELECT s.name, count(m.account_id) n FROM segments s LEFT JOIN segment_members m "
            "ON m.segment_id = s.id AND m.excluded = 0 GROUP BY s.id ORDER BY s.name"
        )
    }
    store.settle_dead_runs()  # a killed crawl's run is interrupted, not running forever
    last_crawl = store.query(
        "SELECT platform, command, started_at, finished_at, status, requests, items "
        "FROM crawl_runs ORDER BY id DESC LIMIT 1"
    )
    return {
        "workspace": str(store.path) if store.path else ":memory:",
        "platforms": per_platform,
        "people": store.scalar("SELECT count(*) FROM people"),
        "contacts": store.scalar("SELECT count(*) FROM contacts"),
        "contact_sources": store.scalar("SELECT count(DISTINCT source) FROM contacts"),
        "matches": matches,
        "segments": segments,
        "targets": store.scalar("SELECT count(*) FROM targets"),
        "last_crawl": last_crawl[0] if last_crawl else None,
        "last_page_saved": store.scalar("SELECT max(updated_at) FROM crawl_cursors"),
        "as_of": _as_of_text(store),
    }


def _as_of_text(store: Store) -> str | None:
    from audience.clock import workspace_as_of

    when = workspace_as_of(store)
    return when.isoformat(timespec="seconds") if when else None
