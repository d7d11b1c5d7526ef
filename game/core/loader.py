"""Turning pack and level files into the content model, with every problem found at once."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import model
from .assets_check import picture_ok
from .metadata import LEVEL_META_KEYS, PACK_META_KEYS, parse_level_meta, parse_pack_meta
from .problems import Msg, Problem, Severity, Where, has_errors
from .questions import KINDS, ParseContext, Question
from .questions.items import read_image
from .reader import Reader, did_you_mean
from .story_format import parse_story
from .text import Text
from .unlock import unlock_problems
from .yamlsrc import parse_file, where

FORMAT_VERSION = 1
LEVEL_TYPES = ("quiz", "story")
_LEVEL_COMMON = ("format", "id", "type", "title", "summary") + LEVEL_META_KEYS
_QUIZ_KEYS = ("shuffle", "pool", "time_limit", "backdrop", "questions")
_STORY_KEYS = ("mode", "characters", "variables", "start", "scenes")


@dataclass
class LevelResult:
    """One level file: the level if it loaded, and what is wrong with it."""

    pack_id: str
    level_id: str
    path: Path
    level: model.Level | None
    problems: list[Problem] = field(default_factory=list)
    unlock: model.Unlock | None = None  # kept even when the level has other errors, to check it with the pack

    @property
    def ok(self) -> bool:
        return self.level is not None and not has_errors(self.problems)


@dataclass
class PackResult:
    folder: Path
    pack: model.Pack | None
    levels: list[LevelResult]
    problems: list[Problem]

    def all_problems(self) -> list[Problem]:
        found = list(self.problems)
        for level in self.levels:
            found.extend(level.problems)
        return found


def _check_format(r: Reader, keys: dict, node: yaml.Node) -> None:
    if "format" in keys:
        version = r.integer(keys["format"], "format")
        if version is not None and version != FORMAT_VERSION:
            r.error(keys["format"], Msg("format {version} is not known to this version of the game", version=version),
                    Msg("write 'format: {version}'", version=FORMAT_VERSION))


def load_pack(folder: Path) -> PackResult:
    head, pack_id, level_ids = read_pack(folder)
    levels = [load_level(folder / f"{lid}.yaml", pack_id, folder) for lid in level_ids]
    found = unlock_problems({result.level_id: result.unlock for result in levels if result.unlock}, level_ids)
    for result in levels:
        result.problems += found.get(result.level_id, [])
    head.levels = levels
    return head


def read_pack(folder: Path) -> tuple[PackResult, str, list[str]]:
    """The pack file alone (its levels not read): the pack with no levels yet, the pack id its levels
    belong to, and the ids of the level files it lists that exist."""
    pack_file = folder / "pack.yaml"
    parsed = parse_file(pack_file)
    if parsed.root is None:
        return PackResult(folder, None, [], parsed.problems), folder.name, []
    r = Reader(parsed.path)
    keys = r.mapping(parsed.root, Msg("the pack"), required=("format", "id", "title", "levels"),
                     optional=("description",) + PACK_META_KEYS)
    if keys is None:
        return PackResult(folder, None, [], r.problems), folder.name, []
    _check_format(r, keys, parsed.root)
    pack_id = r.ident(keys["id"], Msg("the pack id")) if "id" in keys else None
    if pack_id and pack_id != folder.name:
        r.error(keys["id"], Msg("the pack id '{id}' differs from its folder name '{folder}'", id=pack_id,
                                folder=folder.name),
                Msg("rename the folder or the id so that they are the same"))
    title = r.text(keys["title"], Msg("the pack title")) if "title" in keys else None
    description = r.text(keys["description"], Msg("the pack description")) if "description" in keys else None
    meta = parse_pack_meta(r, keys, folder)
    level_ids: list[str] = []
    files = sorted(p.stem for p in folder.glob("*.yaml") if p.name != "pack.yaml")
    present = set(files)
    text_files = _text_files(folder)
    listed: set[str] = set()
    missing = 0
    for item in (r.sequence(keys["levels"], "levels") or []) if "levels" in keys else []:
        level_id = r.ident(item, Msg("a level id"))
        if level_id is None:
            continue
        if level_id in listed:
            r.error(item, Msg("the level '{level}' is listed twice", level=level_id))
        elif level_id not in present:
            missing += 1  # spelling hints for the first few only: thousands of them help nobody
            hint = did_you_mean(level_id, files) if missing <= 20 else Msg("add the file or remove the line")
            text_file = text_files.get(level_id)
            if text_file:
                hint = Msg("the file is called '{name}': its name ends in .txt (Notepad adds it); rename it to {file}",
                           name=text_file, file=f"{level_id}.yaml")
            r.error(item, Msg("there is no file {file} in the pack", file=f"{level_id}.yaml"), hint)
        else:
            level_ids.append(level_id)
        listed.add(level_id)
    for stray in sorted(folder.glob("*.yaml")):
        if stray.name != "pack.yaml" and stray.stem not in level_ids and "levels" in keys:
            r.warn(keys["levels"], Msg("{file} is not listed in levels, so the game does not show it", file=stray.name),
                   Msg("add '- {level}' to levels", level=stray.stem))
    pack = None
    if pack_id and title and not has_errors(r.problems):
        pack = model.Pack(pack_id, title, description or Text({}), tuple(level_ids), folder, **meta)
    return PackResult(folder, pack, [], r.problems), pack_id or folder.name, level_ids


def _text_files(folder: Path) -> dict[str, str]:
    """level id -> the name of `<level id>.yaml.txt` (or `<level id>.txt`) in the folder, as Notepad saves it."""
    found = {}
    for path in sorted(folder.glob("*.txt")):  # name.yaml.txt after name.txt, so that it wins
        found[path.name.removesuffix(".txt").removesuffix(".yaml")] = path.name
    return found


def load_level(path: Path, pack_id: str, pack_folder: Path) -> LevelResult:
    parsed = parse_file(path)
    result = LevelResult(pack_id, path.stem, path, None, list(parsed.problems))
    if parsed.root is None:
        return result
    r = Reader(parsed.path)
    head = r.mapping(parsed.root, Msg("the level"))
    if head is None:
        result.problems += r.problems
        return result
    kind = r.string(head["type"], "type") if "type" in head else None
    typed = kind in LEVEL_TYPES
    if not typed:
        node = head.get("type", parsed.root)
        r.error(node, Msg("the level type is missing or unknown") if kind is None
                else Msg("unknown level type '{kind}'", kind=kind),
                Msg("write 'type: quiz' or 'type: story'"))
        result.problems += r.problems[-1:]  # the rest is found again below
        # read on as the type its keys show, so that every other mistake is reported too
        kind = "quiz" if "questions" in head else "story" if "scenes" in head else None
    r = Reader(parsed.path)  # read again, now knowing which keys belong to this type
    if kind is None:
        r.mapping(parsed.root, Msg("the level"), optional=_LEVEL_COMMON + _QUIZ_KEYS + _STORY_KEYS)
        r.walk(parsed.root)
        result.problems += r.problems
        return result
    extra = _QUIZ_KEYS if kind == "quiz" else _STORY_KEYS
    keys = r.mapping(parsed.root, Msg("the quiz level") if kind == "quiz" else Msg("the story level"),
                     required=("format", "id") + ("type",) * typed + ("title",) + extra[-1:],
                     optional=_LEVEL_COMMON + extra)
    assert keys is not None
    _check_format(r, keys, parsed.root)
    level_id = r.ident(keys["id"], Msg("the level id")) if "id" in keys else None
    if level_id and level_id != path.stem:
        r.error(keys["id"], Msg("the level id '{id}' differs from the file name '{file}'", id=level_id, file=path.name),
                Msg("rename the file to {file} or change the id", file=f"{level_id}.yaml"))
    common = dict(
        id=level_id or path.stem, pack_id=pack_id, path=path, where=where(parsed.path, parsed.root),
        title=r.text(keys["title"], Msg("the level title")) if "title" in keys else None,
        summary=r.text(keys["summary"], Msg("the summary")) if "summary" in keys else None,
    )
    common.update(parse_level_meta(r, keys, level_id, pack_folder))
    result.unlock = common.get("unlock")
    if kind == "quiz":
        level = _quiz(r, keys, common, pack_folder)
    else:
        level = parse_story(r, keys, common, pack_folder, _question)
    result.problems += r.problems
    if not has_errors(result.problems) and common["title"] is not None:
        result.level = level
    return result


# -- quizzes --------------------------------------------------------------------------------

def _quiz(r: Reader, keys: dict, common: dict, pack_folder: Path) -> model.QuizLevel | None:
    questions: list[Question] = []
    nodes = r.sequence(keys["questions"], "questions") if "questions" in keys else None
    if nodes is not None and not nodes:
        r.error(keys["questions"], Msg("the quiz has no questions"), Msg("add at least one question"))
    seen: set[str] = set()
    ctx = ParseContext(r, pack_folder)
    for node in nodes or []:
        question = _question(ctx, node)
        if question is None:
            continue
        if question.id in seen:
            r.error(node, Msg("two questions have the id '{id}'", id=question.id), Msg("give each question its own id"))
        seen.add(question.id)
        questions.append(question)
    shuffle = r.boolean(keys["shuffle"], "shuffle") if "shuffle" in keys else True
    pool = _positive(r, keys, "pool")
    if pool is not None and nodes and pool > len(nodes):
        r.error(keys["pool"], Msg("pool asks for {pool} questions but the quiz has {count}", pool=pool,
                                  count=len(nodes)),
                Msg("make pool smaller or add questions"))
    time_limit = _positive(r, keys, "time_limit")
    backdrop = r.string(keys["backdrop"], "backdrop") if "backdrop" in keys else None
    if backdrop is not None and not picture_ok(r, keys["backdrop"], pack_folder, backdrop):
        backdrop = None
    if common["title"] is None:
        return None
    return model.QuizLevel(questions=tuple(questions), shuffle=shuffle is not False, pool=pool,
                           time_limit=time_limit, backdrop=backdrop, **common)


def _positive(r: Reader, keys: dict, name: str) -> int | None:
    if name not in keys:
        return None
    value = r.integer(keys[name], name)
    if value is not None and value < 1:
        r.error(keys[name], Msg("{name} should be 1 or more", name=name))
        return None
    return value


_QUESTION_COMMON = ("id", "type", "prompt", "explanation", "source", "hint", "image", "picture_only", "time_limit")


def _question(ctx: ParseContext, node: yaml.Node) -> Question | None:
    r = ctx.reader
    type_node = _find_key(node, "type")
    kind_name = r.string(type_node, Msg("the question type")) if type_node is not None else None
    kind = KINDS.get(kind_name) if kind_name else None
    if type_node is not None and kind_name is not None and kind is None:
        r.error(type_node, Msg("unknown question type '{kind}'", kind=kind_name), did_you_mean(kind_name, KINDS))
    keys = r.mapping(node, Msg("a question"), required=("id", "type", "prompt"),
                     optional=_QUESTION_COMMON + (kind.keys if kind else tuple(k for v in KINDS.values() for k in v.keys)))
    if keys is None or kind is None:
        return None
    common = dict(
        id=r.ident(keys["id"], Msg("the question id")) if "id" in keys else None,
        prompt=r.text(keys["prompt"], Msg("the question")) if "prompt" in keys else None,
        explanation=r.text(keys["explanation"], Msg("the explanation")) if "explanation" in keys else Text(),
        source=r.string(keys["source"], Msg("the source")) if "source" in keys else "",
        where=where(r.path, node),
        hint=r.text(keys["hint"], Msg("the hint")) if "hint" in keys else None,
        image=read_image(ctx, keys["image"], Msg("the picture")) if "image" in keys else None,
        picture_only=bool(r.boolean(keys["picture_only"], "picture_only")) if "picture_only" in keys else False,
        time_limit=_positive(r, keys, "time_limit"),
    )
    if "source" in keys and common["source"] is not None and not common["source"].strip():
        r.error(keys["source"], Msg("the source is empty"),
                Msg("say where the fact comes from: a book, a page, a web site"))
        common["source"] = None
    for key, message in (("explanation", Msg("the question '{id}' has no explanation", id=common["id"] or "?")),
                         ("source", Msg("the question '{id}' has no source", id=common["id"] or "?"))):
        if key not in keys:
            r.warn(node, message, _UNSAID[key])
    question = kind.parse(ctx, keys, node, common)
    written_wrong = [k for k in ("explanation", "source", "hint") if k in keys and common[k] is None]
    if question is None or common["id"] is None or common["prompt"] is None or written_wrong:
        return None
    return question


# why a missing explanation or source matters, for the warnings (`validate --strict` fails on them)
_UNSAID = {
    "explanation": Msg("add 'explanation:': after every answer the child reads why it is so"),
    "source": Msg("add 'source:': where the fact comes from (a book and its page, a museum, a web site)"),
}


def _find_key(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return value
    return None


def broken_level_result(path: Path, pack_id: str, message: Msg) -> LevelResult:
    problem = Problem(Where(str(path)), Severity.ERROR, message)
    return LevelResult(pack_id, path.stem, path, None, [problem])
