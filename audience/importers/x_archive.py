"""X/Twitter "Download an archive of your data": the zip as downloaded, or its folder.

Follow lists carry only numeric ids; the only offline id -> @handle evidence is in the
owner's own tweets (mentions, replies). Everything else stays an id-only stub until
:func:`audience.importers.social.resolve_stub_ids` feeds a batch look-up.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
import zlib
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

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

PLATFORM = "x"
SOURCE = "x-archive"
MAX_READ_BYTES = 200 * 1024 * 1024  # data files we read, uncompressed, in total
MAX_RATIO = 200  # uncompressed/compressed above this (for entries over 1 MB) = zip bomb
_RATIO_FLOOR = 1024 * 1024

_DATA_FILE = re.compile(r"^(?:(.*)/)?data/([A-Za-z0-9_-]+)\.js$")
_PART = re.compile(r"^(?P<stem>.+?)(?:-part(?P<n>\d+))?$")
_ID = re.compile(r"^\d{1,20}$")
_LIST_URL = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(\w{1,50})/lists/(\d+)")
_TWEET_DATE = "%a %b %d %H:%M:%S %z %Y"
_DECODER = json.JSONDecoder()
_EPOCH = datetime.fromtimestamp(0, UTC)


def read_x_archive(path: str | os.PathLike[str]) -> SocialImport:
    """Parse an archive zip or unzipped folder; raises InputError naming file and line/entry."""
    archive = _open_archive(Path(path))
    try:
        return _read(archive)
    finally:
        archive.close()


def _read(archive: _Archive) -> SocialImport:
    data = SocialImport(platform=PLATFORM, source=SOURCE, origin=str(archive.path))
    owner = _owner(archive)
    data.owner = owner
    data.taken_at = _generated_at(archive)
    data.following_ids = _follow_ids(archive, "following")
    data.follower_ids = _follow_ids(archive, "follower")
    data.posts, hints = _tweets(archive, owner)
    data.accounts = merge_accounts(
        [*hints, *(Account(PLATFORM, pid) for pid in _all_follow_ids(data))]
    )
    data.hinted_ids = {a.platform_id for a in hints}
    data.lists = _lists(archive, owner, hints)
    data.warnings = _warnings(archive)
    return data


# ---- reading the archive --------------------------------------------------------------------


class _Archive:
    """The ``data/*.js`` files of an archive, by stem (``following``, ``tweets-part1``)."""

    def __init__(self, path: Path, files: dict[str, str], reader, close=lambda: None):
        self.path = path
        self.files = files  # stem -> name inside the archive
        self._reader = reader
        self.close = close

    def has(self, stem: str) -> bool:
        return bool(self.parts(stem))

    def parts(self, stem: str) -> list[str]:
        """``tweets.js``, ``tweets-part1.js``, … in order."""
        found = []
        for name_stem in self.files:
            match = _PART.match(name_stem)
            if match and match["stem"] == stem:
                found.append((int(match["n"] or 0), name_stem))
        return [self.files[s] for _, s in sorted(found)]

    def load(self, name: str) -> object:
        return _parse_js(self.path, name, self._reader(name))


def _open_archive(path: Path) -> _Archive:
    refuse_special_file(path, folder_ok=True)
    if path.is_dir():
        return _open_folder(path)
    if not path.exists():
        raise InputError(path, None, "no such file or folder")
    return _open_zip(path)


def _open_folder(path: Path) -> _Archive:
    data_dir = path if (path / "account.js").exists() or path.name == "data" else path / "data"
    if not data_dir.is_dir():
        raise InputError(path, None, "no data/ folder: this is not an X archive")
    files = {f.stem: f"data/{f.name}" for f in sorted(data_dir.glob("*.js")) if f.is_file()}
    total = sum((data_dir / PurePosixPath(n).name).stat().st_size for n in files.values())
    if total > MAX_READ_BYTES:
        raise InputError(path, None, f"data files total {total} bytes, more than allowed")

    def read(name: str) -> bytes:
        return (data_dir / PurePosixPath(name).name).read_bytes()

    return _Archive(path, files, read)


def _open_zip(path: Path) -> _Archive:
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(path, None, f"not a readable zip file ({exc})") from None
    try:
        wanted = _data_entries(path, zf.infolist())
    except InputError:
        zf.close()
        raise
    by_name = {info.filename: info for info in wanted.values()}

    def read(name: str) -> bytes:
        return _read_entry(path, zf, by_name[name])

    files = {stem: info.filename for stem, info in wanted.items()}
    return _Archive(path, files, read, zf.close)


def _data_entries(path: Path, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    for info in infos:
        _check_entry_name(path, info.filename)
    wanted: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        match = _DATA_FILE.match(info.filename)
        if match and not info.is_dir():
            wanted.setdefault(match[2], info)
    if not wanted:
        raise InputError(path, None, "no data/*.js files: this is not an X archive")
    _check_sizes(path, list(wanted.values()))
    return wanted


def _check_entry_name(path: Path, name: str) -> None:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or ".." in parts:
        raise InputError(path, name, "unsafe path inside the zip (absolute or '..')")


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise InputError(
                path, info.filename, f"compression ratio {ratio:.0f}:1 looks like a zip bomb"
            )
    if total > MAX_READ_BYTES:
        raise InputError(path, None, f"data files unpack to {total} bytes, more than allowed")


def _read_entry(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with zf.open(info) as handle:
            # The header's size can lie; never unpack more than it promised.
            content = handle.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise InputError(path, info.filename, f"corrupt zip entry ({exc})") from None
    except RuntimeError:  # zipfile: encrypted, or a compression method it does not know
        raise InputError(path, info.filename, "encrypted or unsupported zip entry") from None
    if len(content) > info.file_size:
        raise InputError(path, info.filename, "entry is larger than its header says")
    return content


def _parse_js(path: Path, name: str, content: bytes) -> object:
    """``window.YTD.following.part0 = [ … ]`` -> the JSON value after ``=``."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, name, f"not UTF-8 text (byte {exc.start})") from None
    head = text.lstrip()
    equals = text.find("=")
    if not head.startswith("window.") or equals < 0:
        raise InputError(
            path, f"{name}, line 1", "expected 'window.YTD.<name>.part0 = [' at the start"
        )
    start = equals + 1
    while start < len(text) and text[start].isspace():
        start += 1
    try:
        value, end = _DECODER.raw_decode(text, start)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"{name}, line {exc.lineno}", exc.msg) from None
    except RecursionError:
        raise InputError(path, name, "JSON nested too deeply") from None
    trailing = text[end:].strip().rstrip(";").strip()
    if trailing:
        line = text.count("\n", 0, end) + 1
        raise InputError(path, f"{name}, line {line}", "unexpected text after the data")
    check_depth(value, path, name)
    return value


def _entries(archive: _Archive, stem: str, key: str) -> list[tuple[str, dict]]:
    """(position, inner object) for every ``{key: {...}}`` entry of all parts of a file."""
    result = []
    for name in archive.parts(stem):
        value = archive.load(name)
        if not isinstance(value, list):
            raise InputError(archive.path, name, "expected a JSON array after '='")
        for number, entry in enumerate(value, 1):
            inner = entry.get(key, entry) if isinstance(entry, dict) else None
            if not isinstance(inner, dict):
                raise InputError(
                    archive.path, f"{name}, entry {number}", f"expected an object with {key!r}"
                )
            result.append((f"{name}, entry {number}", inner))
    return result


def _account_id(archive: _Archive, position: str, value: object, what: str = "accountId") -> str:
    # bool is an int subclass; floats would have lost digits of 19-digit ids already
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not _ID.match(value):
        raise InputError(archive.path, position, f"{what} {value!r:.80} is not a numeric X id")
    return value


# ---- the pieces -----------------------------------------------------------------------------


def _owner(archive: _Archive) -> Account:
    account = next((inner for _, inner in _entries(archive, "account", "account")), None)
    info = _manifest_user(archive)
    if account is None and info is None:
        raise InputError(archive.path, None, "no data/account.js or data/manifest.js")
    account = account or {}
    info = info or {}
    raw_id = account.get("accountId", info.get("accountId"))
    owner = Account(
        PLATFORM,
        _account_id(archive, "data/account.js", raw_id),
        handle=_text(account.get("username")) or _text(info.get("userName")),
        display_name=_text(account.get("accountDisplayName")) or _text(info.get("displayName")),
        created_at=parse_time(account.get("createdAt")),
    )
    profile = next((inner for _, inner in _entries(archive, "profile", "profile")), {})
    description = _mapping(profile.get("description"))
    owner.bio = _text(description.get("bio"))
    owner.website = _text(description.get("website"))
    owner.location = _text(description.get("location"))
    avatar = _text(profile.get("avatarMediaUrl"))
    if avatar:
        owner.default_avatar = "default_profile" in avatar
    owner.url = f"https://x.com/{owner.handle}" if owner.handle else None
    return owner


def _text(value: object) -> str | None:
    """A text field; anything else (a number, a list) in a hand-edited file is left out."""
    return value if isinstance(value, str) and value else None


def _mapping(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _items(value: object) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _manifest_user(archive: _Archive) -> dict | None:
    if not archive.has("manifest"):
        return None
    manifest = archive.load(archive.parts("manifest")[0])
    info = manifest.get("userInfo") if isinstance(manifest, dict) else None
    return info if isinstance(info, dict) else None


def _follow_ids(archive: _Archive, stem: str) -> list[str] | None:
    if not archive.has(stem):
        return None
    return unique(
        _account_id(archive, position, inner.get("accountId"))
        for position, inner in _entries(archive, stem, stem)
    )


def _all_follow_ids(data: SocialImport) -> list[str]:
    return unique([*(data.following_ids or ()), *(data.follower_ids or ())])


def _tweets(archive: _Archive, owner: Account) -> tuple[list[Post], list[Account]]:
    entries = _entries(archive, "tweets", "tweet") or _entries(archive, "tweet", "tweet")
    parsed = [
        (_post(archive, position, tweet, owner), position, tweet) for position, tweet in entries
    ]
    # oldest first, so that the newest mention of a renamed account wins the merge
    parsed.sort(key=lambda item: (item[0].created_at is None, item[0].created_at or _EPOCH))
    hints = [
        hint
        for _, position, tweet in parsed
        for hint in _handle_hints(archive, position, tweet)
        if hint.platform_id != owner.platform_id
    ]
    return [post for post, _, _ in parsed], hints


def _post(archive: _Archive, position: str, tweet: dict, owner: Account) -> Post:
    tweet_id = _account_id(archive, position, tweet.get("id_str", tweet.get("id")), "tweet id")
    entities = _mapping(tweet.get("entities"))
    created = tweet.get("created_at")
    try:
        created_at = datetime.strptime(created, _TWEET_DATE) if created else None
    except (TypeError, ValueError):
        raise InputError(archive.path, position, f"unreadable created_at {created!r:.80}") from None
    return Post(
        PLATFORM,
        tweet_id,
        owner.platform_id,
        _text(tweet.get("full_text")) or _text(tweet.get("text")) or "",
        created_at=created_at,
        hashtags=[t["text"] for t in _items(entities.get("hashtags")) if _text(t.get("text"))],
        lang=_text(tweet.get("lang")),
        like_count=_count(tweet.get("favorite_count")),
        repost_count=_count(tweet.get("retweet_count")),
        url=f"https://x.com/{owner.handle or 'i'}/status/{tweet_id}",
        raw=tweet,
    )


def _count(value: object) -> int:
    try:
        return int(value)  # archives write counts as strings
    except (TypeError, ValueError):
        return 0


def _handle_hints(archive: _Archive, position: str, tweet: dict) -> list[Account]:
    hints = []
    for mention in _items(_mapping(tweet.get("entities")).get("user_mentions")):
        mention_id = mention.get("id_str", mention.get("id"))
        if mention_id is None or not _text(mention.get("screen_name")):
            continue
        hints.append(
            Account(
                PLATFORM,
                _account_id(archive, position, mention_id, "mention id"),
                handle=mention["screen_name"],
                display_name=_text(mention.get("name")),
            )
        )
    reply_id = tweet.get("in_reply_to_user_id_str")
    reply_handle = _text(tweet.get("in_reply_to_screen_name"))
    if reply_id and reply_handle:
        reply_id = _account_id(archive, position, reply_id, "in_reply_to_user_id_str")
        hints.append(Account(PLATFORM, reply_id, handle=reply_handle))
    return hints


def _lists(archive: _Archive, owner: Account, hints: list[Account]) -> list[SocialList]:
    handle_to_id = {a.handle.lower(): a.platform_id for a in [*hints, owner] if a.handle}
    lists: dict[str, SocialList] = {}
    for stem, relation in (
        ("lists-created", "created"),
        ("lists-member", "member"),
        ("lists-subscribed", "subscribed"),
    ):
        for position, inner in _entries(archive, stem, "userListInfo"):
            owner_handle, list_id = _list_url(archive, position, inner.get("url"))
            social_list = lists.setdefault(list_id, _list(list_id, inner["url"], owner_handle))
            social_list.info.raw.setdefault("relations", []).append(relation)
            if social_list.info.owner_id is None:
                social_list.info.owner_id = handle_to_id.get(owner_handle.lower())
            if relation == "member" and owner.platform_id not in social_list.member_ids:
                social_list.member_ids.append(owner.platform_id)
    return list(lists.values())


def _list_url(archive: _Archive, position: str, url: object) -> tuple[str, str]:
    match = _LIST_URL.match(url) if isinstance(url, str) else None
    if not match:
        raise InputError(archive.path, position, f"not an X list URL: {url!r:.80}")
    return match[1], match[2]


def _list(list_id: str, url: str, owner_handle: str) -> SocialList:
    # Archives give the URL only; the name comes from a later look-up.
    info = ListInfo(PLATFORM, list_id, "", raw={"url": url, "owner_handle": owner_handle})
    return SocialList(info)


def _generated_at(archive: _Archive) -> datetime | None:
    """When X made the archive: its follow lists are a snapshot as of then."""
    manifest = archive.load(archive.parts("manifest")[0]) if archive.has("manifest") else {}
    info = manifest.get("archiveInfo") if isinstance(manifest, dict) else None
    return parse_time(info.get("generationDate") if isinstance(info, dict) else None)


def _warnings(archive: _Archive) -> list[str]:
    warnings = []
    for stem, what in (("block", "blocked accounts"), ("mute", "muted accounts")):
        if archive.has(stem):
            warnings.append(f"data/{stem}.js ({what}) is not imported")
    manifest = archive.load(archive.parts("manifest")[0]) if archive.has("manifest") else {}
    info = manifest.get("archiveInfo") if isinstance(manifest, dict) else None
    if isinstance(info, dict) and info.get("isPartialArchive"):
        warnings.append("this is one part of a multi-part archive: import every part")
    return warnings
