"""Bluesky "Export my data": the account's repository as a CAR file.

Every block is checked against its CID before anything is decoded, so a corrupted file is
reported by block number. Records are found by walking the repo's Merkle search tree (they do
not carry their own keys). Follows point at DIDs; the only offline DID -> handle evidence is
the mention facets of the owner's own posts. Followers are not in the owner's repo at all.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from audience.errors import InputError
from audience.importers.files import refuse_special_file
from audience.importers.social import (
    SocialImport,
    SocialList,
    check_depth,
    merge_accounts,
    unique,
)
from audience.models import Account, ListInfo, Post, parse_time

PLATFORM = "bluesky"
SOURCE = "bluesky-repo"
MAX_CAR_BYTES = 1024 * 1024 * 1024

_SHA2_256 = 0x12
_FOLLOW = "app.bsky.graph.follow"
_BLOCK = "app.bsky.graph.block"
_LIST = "app.bsky.graph.list"
_LIST_ITEM = "app.bsky.graph.listitem"
_POST = "app.bsky.feed.post"
_PROFILE = "app.bsky.actor.profile"
_MENTION = "app.bsky.richtext.facet#mention"
_TAG = "app.bsky.richtext.facet#tag"


def read_bluesky_car(path: str | os.PathLike[str]) -> SocialImport:
    """Parse a repo export; raises InputError naming the block or record at fault."""
    path = Path(path)
    content = _read(path)
    check_blocks(path, content)
    root, blocks = _decode(path, content)
    commit = blocks.get(root)
    if not isinstance(commit, dict) or not str(commit.get("did", "")).startswith("did:"):
        raise InputError(path, "root block", "not a repo commit (no 'did')")
    repo = _Repo(path, commit["did"])
    for key, record in _records(path, blocks, commit.get("data")):
        repo.add(key, record)
    return repo.result()


def check_blocks(path: Path, content: bytes) -> int:
    """Walk the CAR framing and verify each block's sha2-256 against its CID. Returns the
    number of blocks."""
    header_length, offset = _varint(path, content, 0, "header")
    offset += header_length
    if header_length == 0 or offset > len(content):
        raise InputError(path, "header", "truncated CAR header: is this a CAR file?")
    number = 0
    while offset < len(content):
        number += 1
        where = f"block {number}"
        length, start = _varint(path, content, offset, where)
        end = start + length
        if length == 0 or end > len(content):
            raise InputError(path, where, "block runs past the end of the file (truncated?)")
        _verify_block(path, where, content[start:end])
        offset = end
    return number


# ---- CAR framing ----------------------------------------------------------------------------


def _read(path: Path) -> bytes:
    refuse_special_file(path)
    try:
        if path.stat().st_size > MAX_CAR_BYTES:
            raise InputError(path, None, f"larger than {MAX_CAR_BYTES} bytes")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, None, exc.strerror or str(exc)) from None


def _varint(path: Path, content: bytes, offset: int, where: str) -> tuple[int, int]:
    value = shift = 0
    for index in range(offset, min(offset + 10, len(content))):
        byte = content[index]
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, index + 1
        shift += 7
    raise InputError(path, where, "bad length prefix (truncated or not a CAR file)")


def _verify_block(path: Path, where: str, block: bytes) -> None:
    if block[:2] == bytes([_SHA2_256, 32]):  # CIDv0: a bare sha2-256 multihash
        code, digest, cid_end = _SHA2_256, block[2:34], 34
    else:
        version, at = _varint(path, block, 0, where)
        _codec, at = _varint(path, block, at, where)
        code, at = _varint(path, block, at, where)
        size, at = _varint(path, block, at, where)
        digest, cid_end = block[at : at + size], at + size
        if version != 1 or cid_end > len(block):
            raise InputError(path, where, "malformed CID")
    if code == _SHA2_256 and hashlib.sha256(block[cid_end:]).digest() != digest:
        raise InputError(path, where, "content does not match its CID (corrupted)")


def _decode(path: Path, content: bytes) -> tuple[Any, dict]:
    from atproto import CAR

    try:
        car = CAR.from_bytes(content)
    except Exception as exc:  # libipld raises plain ValueError/TypeError subclasses
        raise InputError(path, _failing_block(content), f"cannot decode ({exc})") from None
    return car.root, car.blocks


def _failing_block(content: bytes) -> str | None:
    """Which block DAG-CBOR cannot decode (only called once decoding already failed)."""
    import libipld

    path = Path("")
    header_length, offset = _varint(path, content, 0, "header")
    try:
        libipld.decode_dag_cbor(content[offset : offset + header_length])
    except Exception:
        return "header"
    offset += header_length
    number = 0
    while offset < len(content):
        number += 1
        length, start = _varint(path, content, offset, f"block {number}")
        block = content[start : start + length]
        cid_length = 34 if block[:2] == bytes([_SHA2_256, 32]) else _cid_length(block)
        try:
            libipld.decode_dag_cbor(block[cid_length:])
        except Exception:
            return f"block {number}"
        offset = start + length
    return None


def _cid_length(block: bytes) -> int:
    at = 0
    for _ in range(3):  # version, codec, hash code
        _value, at = _varint(Path(""), block, at, "")
    size, at = _varint(Path(""), block, at, "")
    return at + size


# ---- the repo tree --------------------------------------------------------------------------


def _records(path: Path, blocks: dict, data_link: Any) -> Iterator[tuple[str, dict]]:
    for key, link in _walk(path, blocks, data_link, set()):
        record = blocks.get(_cid(path, link))
        if not isinstance(record, dict):
            raise InputError(path, f"record {key}", "record block missing from the file")
        yield key, record


def _walk(path: Path, blocks: dict, link: Any, seen: set) -> Iterator[tuple[str, Any]]:
    """In-order walk of an MST node: left subtree, then each entry and its right subtree."""
    cid = _cid(path, link)
    if cid in seen:
        raise InputError(path, f"tree node {cid}", "the tree loops back on itself")
    seen.add(cid)
    node = blocks.get(cid)
    if not isinstance(node, dict) or not isinstance(node.get("e"), list):
        raise InputError(path, f"tree node {cid}", "tree node missing or malformed")
    if node.get("l"):
        yield from _walk(path, blocks, node["l"], seen)
    key = b""
    for entry in node["e"]:
        try:
            key = key[: entry["p"]] + entry["k"]
            yield key.decode(), entry["v"]
        except (KeyError, TypeError, UnicodeDecodeError):
            raise InputError(path, f"tree node {cid}", "malformed tree entry") from None
        if entry.get("t"):
            yield from _walk(path, blocks, entry["t"], seen)


def _cid(path: Path, link: Any):
    from atproto import CID

    try:
        cid = CID.from_decoded_bytes(link)
        cid.encode()  # CID objects are hashed by their text form: fail here, not in a lookup
        return cid
    except Exception:
        raise InputError(path, None, f"bad CID link {link!r:.80}") from None


# ---- records --------------------------------------------------------------------------------


class _Repo:
    def __init__(self, path: Path, did: str):
        self.path = path
        self.did = did
        self.owner = Account(PLATFORM, did, url=f"https://bsky.app/profile/{did}")
        self.following: list[str] = []
        self.posts: list[Post] = []
        self.hints: list[Account] = []
        self.lists: dict[str, SocialList] = {}
        self.skipped: Counter[str] = Counter()

    def add(self, key: str, record: dict) -> None:
        collection, _, rkey = key.partition("/")
        where = f"record {key}"
        if collection == _FOLLOW:
            self.following.append(self._did(where, record.get("subject")))
        elif collection == _LIST:
            self._add_list(where, rkey, record)
        elif collection == _LIST_ITEM:
            self._add_list_item(where, record)
        elif collection == _POST:
            self._add_post(where, rkey, record)
        elif collection == _PROFILE and rkey == "self":
            self.owner.display_name = _text(record.get("displayName"))
            self.owner.bio = _text(record.get("description"))
        else:
            self.skipped[collection] += 1

    def result(self) -> SocialImport:
        following = unique(self.following)
        accounts = merge_accounts([*self.hints, *(Account(PLATFORM, did) for did in following)])
        warnings = [
            f"{count} {collection} records not imported"
            for collection, count in sorted(self.skipped.items())
        ]
        return SocialImport(
            platform=PLATFORM,
            source=SOURCE,
            owner=self.owner,
            accounts=accounts,
            following_ids=following,
            posts=self.posts,
            lists=list(self.lists.values()),
            hinted_ids={a.platform_id for a in self.hints},
            warnings=warnings,
            origin=str(self.path),
        )

    def _add_list(self, where: str, rkey: str, record: dict) -> None:
        name = _text(record.get("name"))
        if not name:
            raise InputError(self.path, where, "list without a name")
        uri = f"at://{self.did}/{_LIST}/{rkey}"
        social_list = self.lists.setdefault(uri, SocialList(ListInfo(PLATFORM, uri, name)))
        info = social_list.info
        info.name = name
        info.description = _text(record.get("description"))
        info.owner_id = self.did
        info.raw = {"purpose": record.get("purpose"), "createdAt": record.get("createdAt")}

    def _add_list_item(self, where: str, record: dict) -> None:
        member = self._did(where, record.get("subject"))
        uri = record.get("list")
        if not isinstance(uri, str) or not uri.startswith("at://"):
            raise InputError(self.path, where, f"list {uri!r:.80} is not an at:// URI")
        social_list = self.lists.setdefault(uri, SocialList(ListInfo(PLATFORM, uri, "")))
        if member not in social_list.member_ids:
            social_list.member_ids.append(member)

    def _add_post(self, where: str, rkey: str, record: dict) -> None:
        text = record.get("text")
        if not isinstance(text, str):
            raise InputError(self.path, where, "post without text")
        check_depth(record, self.path, where)  # _plain and json.dumps recurse into it
        facets = _dicts(record.get("facets"))
        tags = record.get("tags") if isinstance(record.get("tags"), list) else []
        langs = record.get("langs") or []
        self.posts.append(
            Post(
                PLATFORM,
                f"at://{self.did}/{_POST}/{rkey}",
                self.did,
                text,
                created_at=parse_time(record.get("createdAt")),
                hashtags=unique([*_tags(facets), *(t for t in tags if isinstance(t, str))]),
                lang=langs[0] if langs and isinstance(langs[0], str) else None,
                url=f"https://bsky.app/profile/{self.did}/post/{rkey}",
                raw=_plain(record),
            )
        )
        self.hints += _mention_hints(text, facets)

    def _did(self, where: str, value: object) -> str:
        if not isinstance(value, str) or not value.startswith("did:"):
            raise InputError(self.path, where, f"subject {value!r:.80} is not a DID")
        return value


def _dicts(value: object) -> list[dict]:
    """The objects of a list; anything else a record holds there is not from Bluesky."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _tags(facets: list[dict]) -> list[str]:
    return [
        feature["tag"]
        for facet in facets
        for feature in _dicts(facet.get("features"))
        if feature.get("$type") == _TAG and isinstance(feature.get("tag"), str) and feature["tag"]
    ]


def _mention_hints(text: str, facets: list[dict]) -> list[Account]:
    """DID -> handle pairs from mention facets: the facet's byte range of the text is
    ``@handle`` (offsets count UTF-8 bytes)."""
    encoded = text.encode()
    hints = []
    for facet in facets:
        index = facet.get("index")
        if not isinstance(index, dict):
            continue
        start, end = index.get("byteStart"), index.get("byteEnd")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        try:
            handle = encoded[start:end].decode().lstrip("@")
        except UnicodeDecodeError:
            continue
        for feature in _dicts(facet.get("features")):
            did = feature.get("did")
            if feature.get("$type") == _MENTION and isinstance(did, str) and _is_handle(handle):
                hints.append(Account(PLATFORM, did, handle=handle.lower()))
    return hints


def _is_handle(value: str) -> bool:
    labels = value.split(".")
    return len(labels) >= 2 and all(
        label and label.replace("-", "").isalnum() and label.isascii() for label in labels
    )


def _plain(value: Any) -> Any:
    """Record as JSON-safe data (CID links and byte strings become hex)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return value


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
