"""Every YAML example in the docs validates: whole files as they are, snippets inside a level around them.

A ```yaml block in docs/*.md or README.md is one of:
- a step of the tutorial (after `<!-- tutorial: ... -->`), followed by tests/ui/test_authoring_docs.py;
- a whole file (it starts with `format: 1`);
- a snippet, after `<!-- example: KIND -->`, where KIND says where it goes (see AROUND below). The test
  puts it there, in a level that is otherwise complete, and validates that level.
"""
import re
import textwrap

import pytest
import yaml

from conftest import ROOT
from game.core.catalog import validate_paths

DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
BLOCK = re.compile(r"^(?P<indent>[ ]*)```yaml\n(?P<body>.*?)^(?P=indent)```", re.S | re.M)
MARKER = re.compile(r"<!-- (tutorial|example): ?(.*?) -->")
PICTURE = re.compile(r"assets/[\w./-]+\.(?:svg|png|jpg)")
SOUND = re.compile(r"assets/[\w./-]+\.(?:ogg|wav)")

TEXT = "{kk: Мәтін, ru: Текст, en: Text}"
QUIZ_HEAD = f"format: 1\nid: example\ntype: quiz\ntitle: {TEXT}\n"
STORY_HEAD = f"format: 1\nid: example\ntype: story\ntitle: {TEXT}\n"
QUESTION = f"""\
  - id: complete
    type: true_false
    prompt: {TEXT}
    answer: true
    explanation: {TEXT}
    source: "a book, p. 1"
"""
SCENE_A = f"start: a\nscenes:\n  a:\n    lines:\n      - text: {TEXT}\n"


def _stubs(snippet: str) -> str:
    """An ending scene for every scene a snippet jumps to."""
    return "".join(f"  {name}:\n    lines:\n      - text: {TEXT}\n    ending: {TEXT}\n"
                   for name in dict.fromkeys(re.findall(r"goto: (\w+)", snippet)))


def _indent(snippet: str, spaces: int) -> str:
    return textwrap.indent(textwrap.dedent(snippet), " " * spaces)


# KIND -> the whole level file made around the snippet
AROUND = {
    "quiz questions": lambda s: QUIZ_HEAD + "questions:\n" + _indent(s, 2),
    "quiz keys": lambda s: QUIZ_HEAD + textwrap.dedent(s) + "questions:\n" + QUESTION,
    "file start": lambda s: textwrap.dedent(s) + "".join(
        line for line in (QUIZ_HEAD + f"questions:\n{QUESTION}").splitlines(keepends=True)
        if line[0] == " " or not re.search(rf"^{re.escape(line.split(':')[0])}:", textwrap.dedent(s), re.M)),
    "story keys": lambda s: STORY_HEAD + textwrap.dedent(s) + SCENE_A + f"    ending: {TEXT}\n",
    "story line": lambda s: STORY_HEAD + SCENE_A + _indent(s, 6) + f"    ending: {TEXT}\n",
    "story scene": lambda s: (STORY_HEAD + "variables: {warm: false, kindness: 0}\n" + SCENE_A + _indent(s, 4)
                              + _stubs(s)),
}
# what a snippet may leave out, as the docs say next to it
ALLOWED_WARNINGS = re.compile(r"^the question '[\w-]+' has no (explanation|source)$")


def yaml_blocks():
    """(doc, line, kind, body) of every ```yaml block; kind is 'tutorial', 'file' or an example KIND."""
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for block in BLOCK.finditer(text):
            line = text.count("\n", 0, block.start()) + 1
            before = text[:block.start()].rstrip().rsplit("\n", 1)[-1].strip()
            marker = MARKER.fullmatch(before)
            body = textwrap.dedent(block.group("body"))
            if marker:
                kind = "tutorial" if marker.group(1) == "tutorial" else marker.group(2)
            else:
                kind = "file" if body.startswith("format: 1") else "unmarked"
            found.append((doc.relative_to(ROOT).as_posix(), line, kind, body))
    return found


BLOCKS = yaml_blocks()


def test_every_yaml_block_is_a_tutorial_step_a_whole_file_or_a_marked_snippet():
    unknown = [f"{doc}:{line}: {kind}" for doc, line, kind, _ in BLOCKS
               if kind not in AROUND and kind not in ("tutorial", "file")]
    assert unknown == [], ("mark each snippet with <!-- example: KIND --> on the line before it, KIND one of "
                           f"{sorted(AROUND)}")
    assert len(BLOCKS) >= 30 and sum(kind in AROUND for _, _, kind, _ in BLOCKS) >= 8


def _pictures(folder, text):
    picture = (ROOT / "levels/karkaraly/assets/town.svg").read_bytes()
    for name in PICTURE.findall(text):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(picture)
    for name in SOUND.findall(text):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"RIFF")


@pytest.mark.parametrize("doc, line, kind, body", [b for b in BLOCKS if b[2] in AROUND],
                         ids=[f"{b[0]}:{b[1]}" for b in BLOCKS if b[2] in AROUND])
def test_every_snippet_validates_inside_a_level(tmp_path, doc, line, kind, body):
    level = AROUND[kind](body)
    level_id = re.search(r"^id: ([\w-]+)", level, re.M).group(1)
    path = tmp_path / "example" / f"{level_id}.yaml"
    path.parent.mkdir()
    path.write_text(level, encoding="utf-8")
    _pictures(path.parent, level)
    problems, count = validate_paths([path])
    shown = [p.format() for p in problems if p.is_error or not ALLOWED_WARNINGS.match(str(p.message))]
    assert shown == [] and count == 1, f"{doc}:{line} ({kind}), in this level:\n{level}"


def test_the_documented_whole_files_validate_cleanly(tmp_path):
    """The pack.yaml and the levels of docs/levels.md, as one pack."""
    blocks = [body for doc, _, kind, body in BLOCKS if kind == "file" and doc == "docs/levels.md"]
    documents = [yaml.safe_load(block) for block in blocks]
    pack = next(d for d in documents if "levels" in d)
    folder = tmp_path / pack["id"]
    folder.mkdir()
    for block, data in zip(blocks, documents):
        name = "pack.yaml" if data is pack else f"{data['id']}.yaml"
        (folder / name).write_text(block, encoding="utf-8")
        _pictures(folder, block)
    types = {d.get("type") for d in documents}
    assert types == {None, "quiz", "story"}
    problems, count = validate_paths([folder])
    assert [p.format() for p in problems] == [] and count == 2
    others = [f"{doc}:{line}" for doc, line, kind, _ in BLOCKS if kind == "file" and doc != "docs/levels.md"]
    assert others == []  # a whole file elsewhere would need its own pack here
