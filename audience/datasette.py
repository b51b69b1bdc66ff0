"""``metadata.json`` for browsing the workspace with Datasette (``datasette audience.db -m
metadata.json``): table and column descriptions, label columns, full-text search over bios, and
a few canned queries a PR team asks for.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from audience.export import atomic_write_text

METADATA_NAME = "metadata.json"

TABLES: dict[str, dict[str, Any]] = {
    "accounts": {
        "description": "Social accounts seen on X, Bluesky, Mastodon and LinkedIn, one row each.",
        "label_column": "handle",
        "fts_table": "accounts_fts",
        "fts_pk": "id",
        "sort_desc": "followers_count",
        "columns": {
            "platform": "x, bluesky, mastodon or linkedin",
            "platform_id": "The account's id on its platform (stable when the handle changes)",
            "handle": "Handle without @",
            "display_name": "Name shown on the profile",
            "bio": "Profile text (searchable)",
            "location": "Free-text location from the profile",
            "country": "ISO country code resolved from the location when the account was written",
            "region": "The city named in the location (else the US state)",
            "website": "Website from the profile",
            "url": "Profile page",
            "followers_count": "Followers when last seen",
            "following_count": "Accounts it follows when last seen",
            "posts_count": "Posts when last seen",
            "created_at": "When the account was created",
            "last_post_at": "Newest post seen",
            "state": "active, suspended, deleted, moved, unknown or protected",
            "moved_to": "New address of a moved account",
            "is_organisation": "1 if this looks like an organisation rather than a person",
            "person_id": "The person this account belongs to",
            "first_seen": "When audience first saw it",
            "last_seen": "When audience last saw it",
            "raw": "The platform's own record, as received",
        },
    },
    "account_history": {
        "description": "Changes of handle, name, bio, location and website over time.",
        "columns": {"field": "Which field changed", "old_value": "Before", "new_value": "After"},
    },
    "posts": {
        "description": "Posts collected by hashtag searches and timelines.",
        "sort_desc": "created_at",
        "columns": {
            "account_id": "Author",
            "text": "Post text",
            "created_at": "When it was posted",
            "lang": "Language",
            "like_count": "Likes",
            "repost_count": "Reposts",
            "reply_count": "Replies",
            "url": "Link to the post",
        },
    },
    "post_hashtags": {
        "description": "Hashtags used in each post (lower case, without #).",
        "columns": {"tag": "Hashtag"},
    },
    "follows": {
        "description": "Who follows whom, from crawled follower and following lists.",
        "columns": {
            "follower_id": "The account following",
            "followed_id": "The account followed",
            "first_seen": "When the edge was first seen (Unix seconds)",
            "last_seen": "When the edge was last seen (Unix seconds)",
        },
    },
    "lists": {
        "description": "Public lists (X lists, Bluesky lists) and who owns them.",
        "label_column": "name",
        "columns": {"member_count": "Members reported by the platform"},
    },
    "list_members": {"description": "Members of each list."},
    "people": {
        "description": "People from your contact books, each merged from one or more contacts.",
        "label_column": "name",
        "columns": {
            "name": "Full name",
            "organisation": "Organisation or outlet",
            "title": "Job title",
            "city": "City",
            "country": "Country",
        },
    },
    "contacts": {
        "description": "Contact-book entries as imported (Google, Outlook, vCard, LinkedIn).",
        "label_column": "full_name",
        "columns": {
            "person_id": "The person this contact was merged into",
            "source": "The file it came from",
            "source_format": "google, outlook, vcard, linkedin, ...",
            "position": "Line or entry in the source file",
            "emails": "E-mail addresses (JSON list)",
            "phones": "Phone numbers in E.164 (JSON list)",
            "social": "Social handles written on the card (JSON list)",
            "linkedin_url": "LinkedIn profile URL",
            "labels": "Contact groups / labels (JSON list)",
        },
    },
    "contact_points": {
        "description": "One row per e-mail address, phone number or handle of a contact.",
        "columns": {"kind": "email, phone, ...", "value": "Normalised value"},
    },
    "matches": {
        "description": "Which social account belongs to which person, with the evidence.",
        "columns": {
            "score": "Confidence, 0 to 1",
            "evidence": "Why they were matched (JSON list)",
            "method": "exact-email, fuzzy-name, ...",
            "status": "accepted, review or rejected",
            "decided_by": "auto, or the person who reviewed it",
        },
    },
    "segments": {
        "description": "Groups of the crowd: customers, press, suppliers, competitors, ...",
        "label_column": "name",
    },
    "segment_orgs": {
        "description": "Organisations listed for a segment: a name, a web domain, or both.",
        "label_column": "name",
        "columns": {
            "name": "Organisation name",
            "name_key": "Normalised name used for matching",
            "domain": "Web domain (e-mail and website matches)",
            "source": "Where the entry came from",
        },
    },
    "segment_members": {
        "description": "Accounts in each segment, and why.",
        "columns": {
            "source": "rule, match or manual",
            "reason": "Why the account is in the segment",
            "excluded": "1 if removed by hand (a rule will not add it back)",
            "is_primary": "1 for the account's main segment",
        },
    },
    "targets": {"description": "Accounts you want to engage with or follow."},
    "my_accounts": {"description": "Your own account on each platform."},
    "snapshots": {
        "description": "Your follower and following lists at points in time.",
        "columns": {"kind": "followers or following", "count": "Accounts in the snapshot"},
    },
    "snapshot_members": {"description": "Accounts in each snapshot."},
    "unfollow_actions": {
        "description": "Planned and executed unfollows, with the reasons.",
        "columns": {"status": "planned, sent, done or failed"},
    },
    "platform_actions": {
        "description": "Follows and List changes sent by `follow` and `lists push`, step by step.",
        "columns": {
            "kind": "follow, list_add or list_remove",
            "status": "planned, sent, done, pending (a request), failed or refused",
            "list_id": "The platform's id of the List",
        },
    },
    "suppressions": {
        "description": "Forgotten people: identifiers that must never come back into exports.",
        "columns": {
            "kind": "email, phone, handle, account, linkedin_url or name_org",
            "value": "Normalised identifier",
        },
    },
    "crawl_runs": {"description": "Every crawl: command, requests made, items saved, errors."},
    "crawl_cursors": {"description": "Where each paginated crawl stopped, for --resume."},
    # listening (issue 17)
    "listen_volumes": {
        "description": "Conversation volume per topic, platform and bucket; one row per "
        "measurement, appended by every `audience listen`.",
        "columns": {
            "bucket_start": "Start of the bucket (UTC)",
            "method": "How it was counted (X counts, Mastodon tag history, Bluesky search...)",
            "complete": "1 if the bucket had ended when measured",
            "exhaustive": "0 for a lower bound (a capped search, a sample of stored posts)",
        },
    },
    "call_volumes": {
        "description": "The contact centre's daily volumes last read by `listen compare`.",
        "columns": {"day": "Local day in the file's timezone", "is_forecast": "1 for a forecast"},
    },
    "crawl_locks": {
        "description": "Which process is crawling which job now (a second one refuses)."
    },
    "workspace_settings": {
        "description": "What the workspace says about itself, e.g. the demo's as-of date."
    },
    "judgement_cache": {
        "description": "Per-account judgements kept between runs of `segment auto` and "
        "`prune`, with the fingerprint of the fields and rules they came from.",
        "columns": {"kind": "segment, segment-learned, prune-press, prune-signals, prune-topics"},
    },
}

QUERIES: dict[str, dict[str, Any]] = {
    "segment_members_with_contacts": {
        "title": "Members of a segment with their contact details",
        "description": "Pick a segment name (press, customers, ...).",
        "sql": (
            "SELECT a.platform, a.handle, a.display_name, a.followers_count, p.name, "
            "p.organisation, m.reason FROM segment_members m "
            "JOIN segments s ON s.id = m.segment_id JOIN accounts a ON a.id = m.account_id "
            "LEFT JOIN people p ON p.id = a.person_id "
            "WHERE s.name = :segment AND m.excluded = 0 ORDER BY a.followers_count DESC"
        ),
    },
    "search_bios": {
        "title": "Search profile bios",
        "description": "Full-text search over handle, name and bio.",
        "sql": (
            "SELECT a.platform, a.handle, a.display_name, a.bio, a.followers_count "
            "FROM accounts_fts JOIN accounts a ON a.id = accounts_fts.rowid "
            "WHERE accounts_fts MATCH :terms ORDER BY rank LIMIT 200"
        ),
    },
}


def metadata(database_name: str) -> dict[str, Any]:
    """The Datasette metadata document for a workspace called ``database_name`` (file stem)."""
    return {
        "title": "audience workspace",
        "description": "Your crowd on social networks: accounts, people, segments and snapshots.",
        "databases": {
            database_name: {
                "description": "One audience workspace.",
                "tables": {**TABLES, "accounts_fts": {"hidden": True}},
                "queries": QUERIES,
            }
        },
    }


def write_metadata(db_path: Path) -> Path:
    """Write ``metadata.json`` beside the workspace; returns its path.

    Other databases already described in an existing ``metadata.json`` are kept.
    """
    db_path = Path(db_path)
    target = db_path.resolve().parent / METADATA_NAME
    document = _existing(target)
    fresh = metadata(db_path.stem)
    document.setdefault("title", fresh["title"])
    document.setdefault("description", fresh["description"])
    document.setdefault("databases", {}).update(fresh["databases"])
    atomic_write_text(target, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return target


write_datasette_metadata = write_metadata


def _existing(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if isinstance(document, dict) and isinstance(document.get("databases", {}), dict):
        return document
    return {}
