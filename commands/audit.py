"""``audience audit``: the interaction / content / promotion mix of your own recent posts."""

from __future__ import annotations

from typing import Annotated

import typer

from commands._common import (
    DbOpt,
    JsonOpt,
    cell,
    console,
    err_console,
    handle_errors,
    open_workspace,
    print_json,
    workspace_rules,
)

SHOWN_POSTS = 20


def register(app: typer.Typer) -> None:
    app.command("audit")(audit)


def audit(
    platform: Annotated[
        str | None, typer.Option("--platform", "-p", help="Only this platform's posts.")
    ] = None,
    days: Annotated[int, typer.Option(help="Days up to your latest stored post.")] = 30,
    since: Annotated[
        str | None, typer.Option(help="From this date instead (2026-10-01, 30d).")
    ] = None,
    own_domain: Annotated[
        list[str] | None, typer.Option("--own-domain", help="Your site(s): links = promotion.")
    ] = None,
    brand: Annotated[
        list[str] | None, typer.Option("--brand", help="Your brand's name(s): = promotion.")
    ] = None,
    account: Annotated[
        str | None,
        typer.Option("--account", help="Audit this handle's stored posts (a twarc2 timeline)."),
    ] = None,
    as_json: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Classify your recent posts as interaction, content or promotion (with the reason for
    each), against the one-third rule and 4-6 unique posts a day."""
    from audience.audit import AuditSettings, audit_posts
    from audience.find import parse_since

    with handle_errors():
        store = open_workspace(db, create=True)
        settings = AuditSettings.from_rules(
            workspace_rules(db), own_domains=own_domain or (), brand=brand or ()
        )
        result = audit_posts(
            store,
            settings,
            platform=platform,
            days=days,
            since=parse_since(since) if since else None,
            account=account,
        )
    if as_json:
        print_json(result.as_dict())
        return
    if not result.posts:
        err_console.print(cell(result.verdicts[0]))
        raise typer.Exit(1)
    _show(result)


def _show(result) -> None:
    from rich.table import Table

    total = len(result.posts)
    console.rule(
        f"[bold]Your posts {result.first:%Y-%m-%d} to {result.last:%Y-%m-%d} ({total} posts)"
    )
    mix = Table("class", "posts", "share", "rule")
    rules = {
        "interaction": "about a third",
        "content": "about a third",
        "promotion": "a third at most",
    }
    for kind, count in result.counts.items():
        mix.add_row(kind, str(count), f"{count / total:.0%}", rules[kind])
    console.print(mix)
    console.print(
        f"{result.unique} unique posts, {result.unique_per_day:.1f} a day (method: 4-6); "
        f"{result.reposts} reposts ({result.reposts / total:.0%})."
    )
    for verdict in result.verdicts:
        console.print(cell(f"- {verdict}"))
    table = Table("date", "class", "why", "post")
    for post in result.posts[-SHOWN_POSTS:]:
        reason = post.reason + (" (near-duplicate)" if post.duplicate_of else "")
        table.add_row(f"{post.created_at:%Y-%m-%d}", post.kind, cell(reason), cell(post.text[:80]))
    if total > SHOWN_POSTS:
        table.caption = f"latest {SHOWN_POSTS}; and {total - SHOWN_POSTS} more (--json for all)"
    console.print(table)
