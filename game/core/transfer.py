"""Progress that moves: one child, a group or every child of a computer, written to one file and merged
into the progress of another computer.

The file is gzip-compressed UTF-8 JSON (gzip's CRC-32 finds a file cut short or scribbled on):

    {"format": "olketanu-progress", "format_version": 1, "game_version": "0.1.0",
     "exported_at": "2026-12-03T15:04:05.123Z",
     "children": [{"nickname", "avatar", "language", "archived", "created_at", "last_played_at",
                   "settings": {...} | null,
                   "attempts": [{"pack", "level", "kind", "seed", "started_at", "finished_at", "correct",
                                 "total", "stars", "answers": [{"question", "answer", "correct", "time_ms",
                                 "attempt_number", "hint_used", "right_parts", "total_parts", "answered_at"}]}],
                   "best_stars": [{"pack", "level", "stars"}],
                   "positions": [{"pack", "level", "attempt_started_at", "attempt_seed", "state", "saved_at"}],
                   "lines_read": [[pack, level, scene, line_index]]}],
     "groups": [{"name", "created_at", "members": [nickname, ...]}]}

Importing merges, in one transaction (everything or nothing), and importing the same file again changes
nothing: a child is the same child when the nickname (ignoring case) and the picture are the same; an
attempt is the same when its child, pack, level, start time and seed are; an answer is the same when its
attempt, question, asking (first, or back at the end) and answer time are. Best stars keep the higher; a
saved position the newer; lines read and group places are a union; a child already here keeps their own
settings. A nickname here with another picture is another child: the one from the file becomes
"Name (2)" (or (3)...: the first of those that is free or is that same child with the same picture).
A file of a newer format_version is refused, as is a damaged one; nothing is changed then.
"""
from __future__ import annotations

import gzip
import json
import re
import zlib
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

from .avatars import AVATARS
from .profiles import MAX_NICKNAME, normalise_nickname
from .put_in_place import put_in_place
from .storage.errors import Refusal
from .storage.port import ProgressPort
from .storage.records import ImportReport
from .text import LANGUAGES

FORMAT_NAME = "olketanu-progress"
FORMAT_VERSION = 1


class TransferError(Refusal):
    """The file cannot be written or taken in. `reason` names the message (catalog key transfer.<reason>):
    missing, unreadable, not_progress, damaged, newer, unwritable."""


def game_version() -> str:
    from importlib import metadata
    try:
        return metadata.version("olketanu")
    except metadata.PackageNotFoundError:  # a standalone build may carry no package metadata
        return "unknown"


def export_progress(store: ProgressPort, out: Path, profile_ids: Iterable[int] | None = None) -> int:
    """Writes the file (whole, or not at all) and returns how many children it holds."""
    data = store.export_children(profile_ids)
    document = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "game_version": game_version(),
                "exported_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z", **data}
    payload = gzip.compress(json.dumps(document, ensure_ascii=False, indent=0).encode("utf-8"), mtime=0)
    partial = out.with_name(out.name + ".part")
    try:
        partial.write_bytes(payload)
        put_in_place(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise TransferError("unwritable", exc.strerror or str(exc), path=str(out)) from exc
    return len(data["children"])


def read_progress_file(path: Path) -> dict:
    """The checked content of a progress file, or TransferError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise TransferError("missing", path=str(path)) from exc
    except OSError as exc:
        raise TransferError("unreadable", exc.strerror or str(exc), path=str(path)) from exc
    if not raw.startswith(b"\x1f\x8b"):
        raise TransferError("not_progress", path=str(path))
    try:
        document = json.loads(gzip.decompress(raw).decode("utf-8"))
    except (OSError, EOFError, zlib.error) as exc:  # cut short, or a byte changed (CRC-32)
        raise TransferError("damaged", str(exc) or type(exc).__name__, path=str(path)) from exc
    except (ValueError, RecursionError) as exc:  # not UTF-8, not JSON, nested beyond reason
        raise TransferError("damaged", str(exc), path=str(path)) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise TransferError("not_progress", path=str(path))
    version = document.get("format_version")
    if not _whole(version) or version < 1:
        raise TransferError("damaged", "format_version", path=str(path))
    if version > FORMAT_VERSION:
        raise TransferError("newer", path=str(path), version=version, known=FORMAT_VERSION)
    problem = _problem(document)
    if problem:
        raise TransferError("damaged", problem, path=str(path))
    return document


def import_progress(store: ProgressPort, path: Path) -> ImportReport:
    """Reads and checks the whole file first, then merges it in one transaction. Raises TransferError,
    NicknameTaken (a nickname changed here meanwhile: nothing was changed, import again), StorageError."""
    document = read_progress_file(path)
    here = {p.nickname.casefold(): p.avatar for p in store.profiles(include_archived=True)}
    local = plan_nicknames([(c["nickname"], c["avatar"]) for c in document["children"]], here)
    by_key = {name.casefold(): new for name, new in local.items()}
    data = {"children": [{**child, "nickname": local[child["nickname"]]} for child in document["children"]],
            "groups": [{**group, "members": [by_key[m.casefold()] for m in group["members"]]}
                       for group in document["groups"]]}
    report = store.import_children(data)
    return replace(report, renamed=tuple((name, new) for name, new in local.items() if name != new))


def plan_nicknames(children: list[tuple[str, str]], here: dict[str, str]) -> dict[str, str]:
    """Each file nickname -> its nickname on this computer. `here`: nickname key -> picture. In file order,
    a child takes the first of Name, "Name (2)", "Name (3)"... that is free or is the same picture and not
    already taken by another child of the file; so a second import finds the children the first made."""
    taken: dict[str, str] = dict(here)
    claimed: set[str] = set()
    plan = {}
    for nickname, avatar in children:
        for candidate in _candidates(nickname):
            key = candidate.casefold()
            if key not in claimed and taken.get(key, avatar) == avatar:
                plan[nickname] = candidate
                taken[key] = avatar
                claimed.add(key)
                break
    return plan


def _candidates(nickname: str):
    yield nickname
    number = 2
    while True:
        suffix = f" ({number})"
        yield nickname[:MAX_NICKNAME - len(suffix)].rstrip() + suffix
        number += 1


# -- checking a file: every field of the format, its type, and nothing else --------------------------
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[^\x00-\x1f]{0,30}")  # the game writes 2026-12-03T15:04:05.123Z


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 200


def _time(value: object) -> bool:
    return isinstance(value, str) and _TIME.fullmatch(value) is not None


def _maybe(check: Callable[[object], bool]) -> Callable[[object], bool]:
    return lambda value: value is None or check(value)


def _nickname(value: object) -> bool:
    return isinstance(value, str) and value != "" and normalise_nickname(value) == value


def _line(value: object) -> bool:
    return (isinstance(value, list) and len(value) == 4 and all(_text(v) for v in value[:3]) and _whole(value[3]))


def _anything(value: object) -> bool:
    return True


_ANSWER = {"question": _text, "answer": _anything, "correct": lambda v: isinstance(v, bool), "time_ms": _whole,
           "attempt_number": _whole, "hint_used": lambda v: isinstance(v, bool), "right_parts": _whole,
           "total_parts": _whole, "answered_at": _time}
_ATTEMPT = {"pack": _text, "level": _text, "kind": _text, "seed": _whole, "started_at": _time,
            "finished_at": _maybe(_time), "correct": _maybe(_whole), "total": _maybe(_whole), "stars": _maybe(_whole),
            "answers": [_ANSWER]}
_CHILD = {"nickname": _nickname, "avatar": lambda v: v in AVATARS, "language": lambda v: v in LANGUAGES,
          "archived": lambda v: isinstance(v, bool),
          "created_at": _time, "last_played_at": _maybe(_time), "settings": _maybe(lambda v: isinstance(v, dict)),
          "attempts": [_ATTEMPT], "best_stars": [{"pack": _text, "level": _text, "stars": _whole}],
          "positions": [{"pack": _text, "level": _text, "attempt_started_at": _time, "attempt_seed": _whole,
                         "state": lambda v: isinstance(v, dict), "saved_at": _time}],
          "lines_read": [_line]}
_DOCUMENT = {"format": _text, "format_version": _whole, "game_version": _text, "exported_at": _time,
             "children": [_CHILD], "groups": [{"name": _text, "created_at": _time, "members": [_nickname]}]}


def _problem(document: dict) -> str:
    """Where the document breaks the format ("" when it does not), e.g. children[2].attempts[0].seed."""
    problem = _shape(document, _DOCUMENT, "")
    if problem:
        return problem
    keys = [child["nickname"].casefold() for child in document["children"]]
    if len(set(keys)) != len(keys):
        return "children: a nickname twice"
    for i, group in enumerate(document["groups"]):
        if any(member.casefold() not in keys for member in group["members"]):
            return f"groups[{i}].members"
    return ""


def _shape(value: object, spec, where: str) -> str:
    if isinstance(spec, dict):
        if not isinstance(value, dict) or set(value) != set(spec):
            return where or "the file"
        return next((p for key, check in spec.items() if (p := _shape(value[key], check, f"{where}.{key}".strip(".")))),
                    "")
    if isinstance(spec, list):
        if not isinstance(value, list):
            return where
        return next((p for i, item in enumerate(value) if (p := _shape(item, spec[0], f"{where}[{i}]"))), "")
    return "" if spec(value) else where
