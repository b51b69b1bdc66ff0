"""Groups in the crowd: community detection on the follow graph around it.

The graph: every stored follow edge with the crowd on at least one end (segment members, my
followers and the accounts I follow, as of the latest snapshots), read as undirected; accounts
outside the crowd stay only when at least two crowd members are linked to them, so one
journalist's long follow list does not become a group of its own. My own accounts are left out
(everyone links to them). Communities: Leiden modularity optimisation (igraph's C core: a graph
of 150,000 edges in well under a second, where networkx's pure-Python Louvain takes twelve),
with a fixed seed so the same workspace gives the same groups.

Each group is named by its most distinctive bio words (frequent in the group, rarer in the whole
graph; stop words of the common languages left out, from the ``stop-words`` package) and the
segment it holds more of than the graph as a whole; its top accounts are the most linked within
it. Groups under ``MIN_MEANINGFUL`` accounts are kept but flagged: too small to mean anything.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from audience.store import Store

MIN_MEANINGFUL = 5
TERMS_IN_NAME = 3
TOP_ACCOUNTS = 5
SEED = 20261120
STOP_WORD_LANGUAGES = ("english", "french", "spanish", "german", "italian", "portuguese", "dutch")
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@dataclass
class Group:
    number: int
    size: int
    crowd_members: int
    terms: list[str]
    segments: list[tuple[str, int]]
    top: list[dict[str, Any]]
    member_ids: list[int] = field(default_factory=list, repr=False)

    @property
    def too_small(self) -> bool:
        return self.size < MIN_MEANINGFUL

    @property
    def name(self) -> str:
        words = ", ".join(self.terms) if self.terms else "no common bio words"
        segment = f" ({self.segments[0][0]})" if self.segments else ""
        return words + segment

    def as_dict(self) -> dict[str, Any]:
        return {
            "group": self.number,
            "name": self.name,
            "size": self.size,
            "crowd_members": self.crowd_members,
            "too_small": self.too_small,
            "terms": self.terms,
            "segments": dict(self.segments),
            "top": [
                {
                    "platform": a["platform"],
                    "handle": a["handle"],
                    "name": a["display_name"],
                    "links": a["links"],
                }
                for a in self.top
            ],
        }


def crowd_ids(store: Store) -> set[int]:
    """Segment members and the latest complete followers and following snapshots of mine."""
    ids = {r[0] for r in store.execute("SELECT account_id FROM segment_members WHERE excluded = 0")}
    for (snapshot_id,) in store.execute(
        "SELECT (SELECT id FROM snapshots s2 WHERE s2.platform = s.platform AND s2.kind = s.kind "
        "AND s2.complete = 1 ORDER BY taken_at DESC, id DESC LIMIT 1) "
        "FROM snapshots s WHERE s.complete = 1 GROUP BY s.platform, s.kind"
    ):
        ids.update(
            r[0]
            for r in store.execute(
                "SELECT account_id FROM snapshot_members WHERE snapshot_id = ?", [snapshot_id]
            )
        )
    return ids


@dataclass
class CrowdGraph:
    """The undirected follow graph around the crowd: vertex ``n`` is account ``ids[n]``."""

    ids: list[int]
    edges: list[tuple[int, int]]  # vertex numbers, each pair once
    crowd: set[int]

    def links_inside(self, membership: list[int]) -> dict[int, int]:
        """Per account, its links to accounts of its own group (one pass over the edges)."""
        counts = [0] * len(self.ids)
        for a, b in self.edges:
            if membership[a] == membership[b]:
                counts[a] += 1
                counts[b] += 1
        return dict(zip(self.ids, counts, strict=True))


def crowd_graph(store: Store) -> CrowdGraph:
    """The undirected follow graph around the crowd (see the module note)."""
    from audience.privacy import suppressed_account_ids

    crowd = crowd_ids(store)
    excluded = {r[0] for r in store.execute("SELECT account_id FROM my_accounts")}
    excluded |= suppressed_account_ids(store)
    crowd -= excluded
    pairs = set()
    outside_links: Counter = Counter()
    for follower, followed in store.execute("SELECT follower_id, followed_id FROM follows"):
        if follower in excluded or followed in excluded or follower == followed:
            continue
        inside = (follower in crowd) + (followed in crowd)
        if not inside:
            continue
        pairs.add((follower, followed) if follower < followed else (followed, follower))
        if inside == 1:
            outside_links[followed if follower in crowd else follower] += 1
    kept = [
        (a, b)
        for a, b in pairs
        if (a in crowd or outside_links[a] >= 2) and (b in crowd or outside_links[b] >= 2)
    ]
    ids = sorted({n for pair in kept for n in pair})
    vertex = {account_id: n for n, account_id in enumerate(ids)}
    edges = [(vertex[a], vertex[b]) for a, b in sorted(kept)]  # sorted: the same graph each run
    return CrowdGraph(ids, edges, crowd & set(ids))


def find_groups(store: Store, *, resolution: float = 1.0) -> list[Group]:
    """Groups of the crowd's follow graph, biggest first."""
    graph = crowd_graph(store)
    if not graph.edges:
        return []
    membership = _leiden(graph, resolution)
    communities: dict[int, set[int]] = defaultdict(set)
    for account_id, community in zip(graph.ids, membership, strict=True):
        communities[community].add(account_id)
    nodes = set(graph.ids)
    accounts = _accounts(store, nodes)
    segments = _segments(store, nodes)
    links = graph.links_inside(membership)
    document_frequency = Counter()
    words_of = {}
    stop = _stop_words()
    for node in graph.ids:
        words = _WORD.findall((accounts.get(node, {}).get("bio") or "").casefold())
        words_of[node] = set(words) - stop
        document_frequency.update(words_of[node])
    context = _Context(nodes, graph.crowd, links, accounts, segments, words_of)
    overall = Counter(name for node in nodes for name in segments.get(node, []))
    groups = [
        _group(members, context, document_frequency, overall)
        for members in sorted(communities.values(), key=lambda c: (-len(c), min(c)))
    ]
    for number, group in enumerate(groups, start=1):
        group.number = number
    return groups


def _leiden(graph: CrowdGraph, resolution: float) -> list[int]:
    """The community number of each vertex."""
    import random

    import igraph

    network = igraph.Graph(n=len(graph.ids), edges=graph.edges)
    igraph.set_random_number_generator(random.Random(SEED))  # the same groups every run
    try:
        partition = network.community_leiden(
            objective_function="modularity", resolution=resolution, n_iterations=2
        )
    finally:
        igraph.set_random_number_generator(random)
    return partition.membership


@dataclass
class _Context:
    nodes: set[int]
    crowd: set[int]
    links: dict[int, int]
    accounts: dict[int, dict[str, Any]]
    segments: dict[int, list[str]]
    words_of: dict[int, set[str]]


def _stop_words() -> set[str]:
    from stop_words import get_stop_words

    return {w.casefold() for lang in STOP_WORD_LANGUAGES for w in get_stop_words(lang)}


def _distinctive_segments(
    members: set[int], segments: dict[int, list[str]], overall: Counter, total: int
) -> list[tuple[str, int]]:
    """Segments the group holds more of than the graph does, most over-represented first."""
    counts = Counter(name for node in members for name in segments.get(node, []))
    lift = {
        name: (n / len(members)) / (overall[name] / total)
        for name, n in counts.items()
        if n >= 2 or len(members) < 4
    }
    return sorted(
        ((name, counts[name]) for name in counts if lift.get(name, 0) > 1.2),
        key=lambda item: (-lift[item[0]], item[0]),
    )


def _group(
    members: set[int], ctx: _Context, document_frequency: Counter, overall: Counter
) -> Group:
    total = len(ctx.nodes)
    in_group: Counter = Counter()
    for node in members:
        in_group.update(ctx.words_of[node])
    scored = [
        (count / len(members) * math.log(1 + total / document_frequency[word]), word)
        for word, count in in_group.items()
        if count >= 2 or len(members) < 4
    ]
    terms = [word for _, word in sorted(scored, key=lambda item: (-item[0], item[1]))]
    top_ids = heapq.nsmallest(
        TOP_ACCOUNTS,
        (n for n in members if n in ctx.accounts),
        key=lambda n: (-ctx.links[n], -(ctx.accounts[n]["followers_count"] or 0), n),
    )
    top = [{**ctx.accounts[n], "links": ctx.links[n]} for n in top_ids]
    return Group(
        number=0,
        size=len(members),
        crowd_members=len(members & ctx.crowd),
        terms=terms[:TERMS_IN_NAME],
        segments=_distinctive_segments(members, ctx.segments, overall, total),
        top=top[:TOP_ACCOUNTS],
        member_ids=sorted(members),
    )


def _accounts(store: Store, ids: set[int]) -> dict[int, dict[str, Any]]:
    result = {}
    for row in store.query(
        "SELECT id, platform, platform_id, handle, display_name, bio, followers_count, url "
        "FROM accounts"
    ):
        if row["id"] in ids:
            result[row["id"]] = row
    return result


def _segments(store: Store, ids: set[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = defaultdict(list)
    for account_id, name in store.execute(
        "SELECT m.account_id, s.name FROM segment_members m JOIN segments s "
        "ON s.id = m.segment_id WHERE m.excluded = 0"
    ):
        if account_id in ids:
            result[account_id].append(name)
    return result
