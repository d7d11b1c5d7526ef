"""docs/authoring.md (and its Kazakh and Russian tutorials) stay true to the game.

The tutorial is followed mechanically, as a librarian would: its steps are marked in the markdown with
HTML comments, each before the code block it is about:

    <!-- tutorial: run -->                      a ```sh block: one command, typed in the game folder
    <!-- tutorial: output -->                   a ```text block: exactly what the command before printed
    <!-- tutorial: file PATH -->                a ```yaml block: a new file, written whole
    <!-- tutorial: edit PATH -->                a ```yaml block: top-level keys whose lines replace the
                                                same keys' lines in the file (the rest is kept)
    <!-- tutorial: mistake PATH "BAD" "GOOD" --> a ```yaml block: part of the file with a mistake in it
                                                (GOOD written as BAD); it is in the file for the next
                                                command only, then the file is as before
    <!-- tutorial: play LEVEL -->               the level is played to its results screen, by keyboard

Commands run in an empty folder (the game folder of the reader): `new-pack` gets `--dir levels`, so
the pack is made there, and the data folder is a temporary one. Then: every message the validator can
give is in the guide's list of messages, and so is every message of `import-questions`; the links point
to headings that exist; the keys table names every key of the format.
"""
from __future__ import annotations

import ast
import json
import os
import re
import shlex
import shutil
import string
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from game.testing import run_test
from pilot_steps import answer_current, create_profile, open_level, play_story, tab_to

DOCS = ROOT / "docs"
GUIDES = {"en": DOCS / "authoring.md", "kk": DOCS / "authoring.kk.md", "ru": DOCS / "authoring.ru.md"}
MARKER = re.compile(r"<!-- tutorial: (\w+)(.*?) -->")
FENCE = re.compile(r"\n*```[a-z]*\n(.*?)```", re.S)
NEEDS_BLOCK = {"run", "output", "file", "edit", "mistake"}


def read(lang: str) -> str:
    return GUIDES[lang].read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The text under `heading` (a whole heading line), up to the next heading of the same level or higher."""
    level = len(heading) - len(heading.lstrip("#"))
    start = text.index(heading + "\n")
    rest = text[start + len(heading):]
    end = re.search(rf"\n#{{1,{level}}} ", rest)
    return heading + (rest[:end.start()] if end else rest)


def steps(text: str) -> list[tuple[str, str, str]]:
    """(kind, argument, block) for every tutorial marker, in order."""
    found = []
    for marker in MARKER.finditer(text):
        kind, argument = marker.group(1), marker.group(2).strip()
        block = ""
        if kind in NEEDS_BLOCK:
            fence = FENCE.match(text, marker.end())
            assert fence, f"<!-- tutorial: {kind} {argument} --> is not followed by a code block"
            block = fence.group(1)
        found.append((kind, argument, block))
    return found


def tutorial_steps(lang: str) -> list[tuple[str, str, str]]:
    text = read(lang)
    if lang == "en":
        text = text[:text.index("\n## Keys at a glance")]
    return steps(text)


# -- following the tutorial ---------------------------------------------------------------------------

def replace_keys(text: str, block: str) -> str:
    """The file with each top-level key of `block` (with the lines under it) put in place of the same
    key's lines."""
    lines = text.splitlines(keepends=True)
    sections: list[list[str]] = []
    for line in block.splitlines(keepends=True):
        if line.strip() and line[0] not in " #":
            sections.append([line])
        else:
            assert sections, f"an edit must start with a key: {block!r}"
            sections[-1].append(line)
    for new in sections:
        key = new[0].split(":", 1)[0]
        start = next((i for i, line in enumerate(lines) if line.startswith(key + ":")), None)
        assert start is not None, f"the file has no key '{key}' to change"
        end = start + 1
        while end < len(lines) and (not lines[end].strip() or lines[end][0] == " "):
            end += 1
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        lines[start:end] = new
    return "".join(lines)


def command_env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    # an English computer: a translated tutorial must ask for its language with --lang
    env.update(LANG="en_US.UTF-8", OLKETANU_DATA_DIR=str(data), PYTHONIOENCODING="utf-8",
               SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return env


def run_command(line: str, folder: Path) -> tuple[int, str]:
    words = shlex.split(line)
    assert words[:2] == ["python", "run_game.py"] and len(words) > 2, f"not a command of the game: {line}"
    words = words[2:]
    data = folder / "data"
    if words[0] == "new-pack":
        words += ["--dir", "levels"]
    if words[0] == "screenshot":  # the reader's pack is in the game's levels/; here, in the data folder
        for pack in (folder / "levels").iterdir():
            shutil.copytree(pack, data / "packs" / pack.name, dirs_exist_ok=True)
    done = subprocess.run([sys.executable, str(ROOT / "run_game.py"), *words], cwd=folder, env=command_env(data),
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    return done.returncode, done.stdout + done.stderr


def shown(output: str) -> list[str]:
    lines = [line.rstrip() for line in output.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def play(folder: Path, lang: str, level_id: str) -> None:
    with run_test(folder / f"pilot-{level_id}", language=lang, level_dirs=[folder / "levels"]) as pilot:
        create_profile(pilot, "Aigul", "fox")
        level = next(w for w in pilot.widget_ids() if w.startswith("level_") and w.endswith("_" + level_id))
        open_level(pilot, level)
        assert pilot.scene.name in ("quiz", "story"), f"{level_id} did not open"
        if pilot.scene.name == "quiz":
            answered = 0
            while pilot.scene.name == "quiz":
                answer_current(pilot)
                tab_to(pilot, "next")
                pilot.press("return")
                answered += 1
            assert answered >= 3
        else:
            lines = play_story(pilot, choice=1)
            assert len(lines) >= 3
        assert pilot.scene.name == "results" and pilot.scene.stars == 3


def follow(lang: str, folder: Path) -> list[str]:
    """Does every step of the tutorial in `folder`; returns what was done, for the failure messages."""
    done: list[str] = []
    last: tuple[str, int, str] | None = None
    mistake: tuple[Path, str] | None = None
    for kind, argument, block in steps(read(lang)):  # the English guide also shares the pack
        if kind == "run":
            command = block.strip()
            assert "\n" not in command, f"one command per block: {block!r}"
            code, output = run_command(command, folder)
            last = (command, code, output)
            done.append(command)
            if mistake is not None:
                path, good = mistake
                path.write_text(good, encoding="utf-8")
                mistake = None
            elif "Traceback" in output or (code != 0 and "error" not in output):
                pytest.fail(f"{command} failed ({code}):\n{output}")
        elif kind == "output":
            assert last is not None, "an output block before any command"
            command, code, output = last
            assert shown(output) == shown(block), f"{lang}: `{command}` prints something else than the guide shows"
            expected_code = 1 if any(": error: " in line or ": қате: " in line or ": ошибка: " in line
                                     for line in shown(block)) else 0
            assert code == expected_code, f"{command} ended with {code}"
        elif kind == "file":
            path = folder / argument
            assert path.parent.is_dir(), f"{argument}: its folder should exist by now"
            path.write_text(block, encoding="utf-8")
            done.append(f"wrote {argument}")
        elif kind == "edit":
            path = folder / argument
            path.write_text(replace_keys(path.read_text(encoding="utf-8"), block), encoding="utf-8")
            done.append(f"changed {argument}")
        elif kind == "mistake":
            where, bad, good = shlex.split(argument)
            path = folder / where
            text = path.read_text(encoding="utf-8")
            assert bad in block, f"the mistake {bad!r} is not in its example"
            right = block.replace(bad, good)
            assert text.count(right) == 1, f"the lines around the mistake {bad!r} are not (once) in {where}"
            path.write_text(text.replace(right, block), encoding="utf-8")
            mistake = (path, text)
            done.append(f"made the mistake {bad!r} in {where}")
        elif kind == "play":
            play(folder, lang, argument)
            done.append(f"played {argument}")
        else:
            pytest.fail(f"unknown tutorial step '{kind}'")
    assert mistake is None, "a mistake is never followed by a command"
    return done


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_the_tutorial_works_as_written(tmp_path, lang):
    done = follow(lang, tmp_path)
    assert any(step.startswith("python run_game.py new-pack") for step in done)
    assert [s for s in done if s.startswith("played")] == ["played karkaraly-quiz", "played karkaraly-walk"]
    from game.core.catalog import validate_paths
    problems, count = validate_paths([tmp_path / "levels" / "my-library"])
    assert [p.format() for p in problems] == [] and count == 4
    if lang == "en":
        assert (tmp_path / "quiz.png").stat().st_size > 10_000
        assert (tmp_path / "my-library.zip").is_file()


def test_the_tutorial_files_follow_the_schema_that_vs_code_uses():
    import jsonschema
    import yaml
    from game.authoring.schema import build_schema
    validator = jsonschema.Draft202012Validator(build_schema())
    files = [(argument, block) for kind, argument, block in tutorial_steps("en") if kind == "file"]
    assert len(files) == 2
    for name, block in files:
        assert [e.message for e in validator.iter_errors(yaml.safe_load(block))] == [], name


def without_lang(step: tuple[str, str, str]) -> tuple[str, str, str]:
    kind, argument, block = step
    if kind == "run":
        block = re.sub(r" --lang (kk|ru|en)\b", "", block)
    return kind, argument, block


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_translated_tutorials_have_the_same_files_and_commands(lang):
    def comparable(steps_):
        return [without_lang(step) for step in steps_ if step[0] != "output"]

    assert comparable(tutorial_steps(lang)) == comparable(tutorial_steps("en"))
    outputs = [s for s in tutorial_steps(lang) if s[0] == "output"]
    assert len(outputs) == len([s for s in tutorial_steps("en") if s[0] == "output"])
    text = read(lang)
    assert "authoring.md" in text  # the rest is in the English reference
    marked_yaml = sum(1 for kind, _, _ in tutorial_steps(lang) if kind in ("file", "edit", "mistake"))
    assert marked_yaml == len(re.findall(r"<!-- tutorial: (?:file|edit|mistake) ", text))


# -- the messages ----------------------------------------------------------------------------------

def normal(text: str) -> str:
    return " ".join(text.split())


def code_spans(text: str) -> set[str]:
    """The `code` written in the text's paragraphs (not in its ```blocks```), with spaces as one space."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    return {normal(span) for span in re.findall(r"`([^`]+)`", text)}


def shown_template(template: str) -> str:
    """A message as the guide writes it: each {placeholder} as ‹placeholder›."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(literal)
        if name is not None:
            parts.append(f"‹{name}›")
    return "".join(parts)


def game_messages() -> list[dict]:
    done = subprocess.run([sys.executable, str(ROOT / "run_game.py"), "validate", "--list-messages", "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_message_of_the_game_is_in_the_guide():
    messages = game_messages()
    assert len(messages) > 300
    listed = code_spans(section(read("en"), "## Every message and how to fix it"))
    missing = [shown_template(m["template"]) for m in messages if normal(shown_template(m["template"])) not in listed]
    assert missing == [], ("these messages of the game are not in docs/authoring.md, 'Every message and how to "
                           "fix it' (write each in `backquotes`, with ‹placeholders›, and say how to fix it):\n"
                           + "\n".join(missing))


_IMPORT_CALLS = {"skip": -1, "note": -1, "_refuse": 0, "BankFileError": 0}


def _readings(node: ast.AST) -> list[list[str | None]]:
    """Every way a message expression can read: literal pieces, and None for a value filled in."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [[node.value]]
    if isinstance(node, ast.JoinedStr):
        readings: list[list[str | None]] = [[]]
        for value in node.values:
            pieces = _readings(value) if isinstance(value, ast.Constant) else [[None]]
            readings = [r + p for r in readings for p in pieces]
        return readings
    if isinstance(node, ast.IfExp):
        return _readings(node.body) + _readings(node.orelse)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in _readings(node.left) for b in _readings(node.right)]
    return [[None]]


def import_question_messages() -> list[tuple[str, list[str | None]]]:
    """(place, reading) of every message import-questions prints: refusals, skipped questions, notes."""
    found = []
    for path in sorted((ROOT / "game" / "authoring" / "question_import").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            expression = None
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                if name in _IMPORT_CALLS:
                    expression = node.args[_IMPORT_CALLS[name]]
                elif name == "append" and isinstance(func.value, ast.Name) and func.value.id == "notes":
                    expression = node.args[0]
            elif isinstance(node, ast.FunctionDef) and node.name == "problem":
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Return) and inner.value is not None:
                        found += [(f"{path.name}:{inner.lineno}", r) for r in _readings(inner.value)]
            if expression is not None:
                found += [(f"{path.name}:{node.lineno}", r) for r in _readings(expression)]
    return [(place, reading) for place, reading in found
            if sum(len(piece.strip(" :.,()'")) for piece in reading if piece) >= 3]


def test_every_message_of_import_questions_is_in_the_guide():
    messages = import_question_messages()
    assert len(messages) > 40
    spans = code_spans(section(read("en"), "### import-questions"))
    missing = []
    for place, reading in messages:
        pattern = "".join("[^`]*?" if piece is None else re.escape(normal(piece)) for piece in reading)
        if not any(re.fullmatch(pattern, span) for span in spans):
            missing.append(f"{place}: " + "".join("‹…›" if p is None else p for p in reading))
    assert missing == [], "not in docs/authoring.md, 'import-questions':\n" + "\n".join(missing)


# -- links and keys ----------------------------------------------------------------------------------

def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return {slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.M)}


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_the_links_lead_to_headings_that_exist(lang):
    text = re.sub(r"`[^`]*`", "", re.sub(r"```.*?```", "", read(lang), flags=re.S))  # not links in `code`
    links = re.findall(r"\]\(([^)\s]*)\)", text)
    assert links
    for link in links:
        if link.startswith(("http://", "https://")):
            continue
        target, _, anchor = link.partition("#")
        path = GUIDES[lang] if not target else DOCS / target
        assert path.is_file(), f"{lang}: the link {link} leads to no file"
        if anchor:
            assert anchor in anchors(path), f"{lang}: the link {link} leads to no heading of {path.name}"


def test_the_keys_at_a_glance_name_every_key_of_the_format():
    from game.authoring.schema import build_schema
    keys: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                keys.update(node["properties"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(build_schema())
    table = section(read("en"), "## Keys at a glance")
    words = {word for span in code_spans(table) for word in re.findall(r"[a-z_]+", span)}
    assert sorted(keys - words) == []
