"""`audience audit`: each own post classed with its reason, the mix against thirds, unique
posts per day, reposts; from the raw shapes the importers store."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from audience.audit import AuditSettings, audit_posts, classify
from audience.config import Rules
from audience.models import Account, Post
from commands import app

runner = CliRunner()
SETTINGS = AuditSettings(
    own_domains=["lumenlark.example"],
    brand=["Lumen & Lark"],
    promotion_phrases=["proud", "hiring", "book now"],
    topics=["#cx", "customer service"],
)
ME = {"robin"}


@pytest.mark.parametrize(
    ("text", "raw", "kind", "reason"),
    [
        # X archive (v1.1 shapes)
        (
            "@amy thanks!",
            {"in_reply_to_status_id_str": "1", "in_reply_to_screen_name": "amy"},
            "interaction",
            "reply to @amy",
        ),
        ("RT @priya: new piece", {}, "content", "repost of @priya: sharing others' content"),
        (
            "Our story https://t.co/x",
            {"entities": {"urls": [{"expanded_url": "https://www.lumenlark.example/work"}]}},
            "promotion",
            "links to your own site (lumenlark.example)",
        ),
        (
            "Great read https://t.co/y",
            {"entities": {"urls": [{"expanded_url": "https://news.example/story"}]}},
            "content",
            "shares a link (news.example)",
        ),
        ("Proud of the team", {}, "promotion", "self-promotion wording ('proud')"),
        ("Lumen & Lark turns ten", {}, "promotion", "names your brand (Lumen & Lark)"),
        ("Coffee with @noor", {}, "interaction", "mentions @noor"),
        ("Queues are long today #CX", {}, "content", "on your topics (#cx)"),
        (
            "Rant over.",
            {},
            "content",
            "your own words, no link, mention or promotion: counted as content",
        ),
        # X API v2 (twarc2)
        (
            "so true",
            {"referenced_tweets": [{"type": "quoted", "id": "9"}]},
            "interaction",
            "quotes another post",
        ),
        (
            "RT-less retweet",
            {"referenced_tweets": [{"type": "retweeted", "id": "9"}]},
            "content",
            "repost of someone else: sharing others' content",
        ),
        # Bluesky record
        ("agreed", {"reply": {"root": {}, "parent": {}}}, "interaction", "reply to @someone"),
        (
            "look",
            {
                "facets": [
                    {
                        "features": [
                            {
                                "$type": "app.bsky.richtext.facet#link",
                                "uri": "https://lumenlark.example/x",
                            }
                        ]
                    }
                ]
            },
            "promotion",
            "links to your own site (lumenlark.example)",
        ),
        # Mastodon status
        (
            "hi",
            {"in_reply_to_id": "5", "in_reply_to_account_acct": "bo@x.social"},
            "interaction",
            "reply to @bo@x.social",
        ),
    ],
)
def test_each_post_gets_a_class_and_a_reason(text, raw, kind, reason):
    assert classify(text, raw, SETTINGS, ME)[:2] == (kind, reason)


def test_a_reply_to_myself_is_judged_on_its_content():
    raw = {"in_reply_to_status_id_str": "1", "in_reply_to_screen_name": "Robin"}
    assert classify("Book now for the summit", raw, SETTINGS, ME)[0] == "promotion"


def own_posts(store, texts, start=datetime(2026, 11, 1, 9, tzinfo=UTC), per_day=1):
    me = Account("x", "1", handle="robin")
    ids = store.upsert_accounts([me])
    store.execute("INSERT INTO my_accounts (platform, account_id) VALUES ('x', ?)", [ids["1"]])
    posts = [
        Post(
            "x", str(100 + n), "1", text, created_at=start + timedelta(days=n // per_day, minutes=n)
        )
        for n, text in enumerate(texts)
    ]
    with store.transaction():
        store.upsert_posts(posts, ids)


def test_the_mix_is_judged_against_thirds_and_unique_posts_per_day(store):
    texts = [
        "Proud of our award",
        "Book now!",
        "Hiring again",
        "Proud moment",
        "@amy thanks",
        "#cx tip: callbacks",
        "#cx tip: callbacks!",
        "RT @bo: read this",
        "Rant.",
        "@cy congrats",
    ]
    own_posts(store, texts)
    audit = audit_posts(store, SETTINGS, days=30)
    data = audit.as_dict()
    assert data["mix"]["promotion"] == {"posts": 4, "share": 0.4}
    assert data["reposts"] == 1 and data["repost_share"] == 0.1
    assert data["unique_posts"] == 8  # the repost and the near-duplicate tip are not unique
    assert audit.posts[6].duplicate_of is not None
    assert any("promotion is 40%" in v for v in audit.verdicts)
    assert any("successful community managers post 4-6" in v for v in audit.verdicts)


WORDS = [
    "empathy",
    "callbacks",
    "routing",
    "staffing",
    "quality",
    "training",
    "coaching",
    "wellbeing",
    "scripts",
    "knowledge",
    "chatbots",
    "escalation",
    "surveys",
    "feedback",
    "forecasting",
    "scheduling",
    "attrition",
    "onboarding",
    "headsets",
    "acoustics",
    "dashboards",
    "complaints",
    "refunds",
    "billing",
    "outages",
    "apologies",
    "ownership",
    "handoffs",
    "queues",
    "silence",
    "hold-music",
    "transfers",
    "accents",
    "translation",
    "accessibility",
    "vulnerability",
    "fraud",
    "privacy",
    "consent",
    "recordings",
    "analytics",
    "sentiment",
]


def test_too_many_posts_a_day_is_flagged(store):
    own_posts(store, [f"#cx {word}" for word in WORDS], per_day=8)
    audit = audit_posts(store, SETTINGS, days=30)
    assert audit.unique_per_day > 6
    assert any("don't post for the sake of it" in v for v in audit.verdicts)


def test_few_posts_are_too_few_to_judge(store):
    own_posts(store, ["#cx one", "@amy two"])
    assert "too few to judge the mix" in audit_posts(store, SETTINGS).verdicts[0]


def test_settings_from_audience_toml():
    rules = Rules(
        hashtags=["#cx"], raw={"audit": {"own_domains": ["mine.example"], "brand": ["Mine"]}}
    )
    settings = AuditSettings.from_rules(rules, own_domains=["other.example"])
    assert settings.own_domains == ["mine.example", "other.example"]
    assert settings.brand == ["Mine"] and "proud" in settings.promotion_phrases
    assert settings.topics == ["#cx"]


def test_audit_command_on_the_imported_x_archive(workspace, monkeypatch):
    from audience.importers.social import save_social_import
    from audience.importers.x_archive import read_x_archive
    from audience.store import open_store
    from tests.conftest import EXAMPLES

    store = open_store(workspace)
    save_social_import(store, read_x_archive(EXAMPLES / "x" / "archive-2026-11-19.zip"))
    store.close()
    result = runner.invoke(
        app,
        [
            "audit",
            "--db",
            str(workspace),
            "--days",
            "120",
            "--own-domain",
            "lumenlark.example",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["posts"] == 12
    classes = {p["text"][:20]: (p["class"], p["reason"]) for p in data["classified"]}
    assert classes["Our client story in "] == (
        "promotion",
        "links to your own site (lumenlark.example)",
    )
    assert classes["@amduval_phare thank"] == ("interaction", "reply to @amduval_phare")
    table = runner.invoke(app, ["audit", "--db", str(workspace), "--days", "120"])
    assert table.exit_code == 0 and "reply to @amduval_phare" in table.stdout


def test_audit_with_no_own_posts_says_what_to_import(workspace):
    result = runner.invoke(app, ["audit", "--db", str(workspace)])
    assert result.exit_code == 1
    assert "import your archive" in result.output


def test_any_stored_account_can_be_audited_by_handle(store):
    them = Account("x", "9", handle="OtherDesk")
    ids = store.upsert_accounts([them])
    posts = [Post("x", "900", "9", "@robin thanks", created_at=datetime(2026, 11, 1, tzinfo=UTC))]
    with store.transaction():
        store.upsert_posts(posts, ids)
    assert audit_posts(store, SETTINGS).posts == []  # not one of my accounts
    audit = audit_posts(store, SETTINGS, account="@otherdesk")
    assert [(p.kind, p.reason) for p in audit.posts] == [("interaction", "mentions @robin")]
