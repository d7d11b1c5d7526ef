"""`new-pack NAME`: a valid pack with an example of every question type and story feature."""
import re

import jsonschema
import pytest
import yaml

from conftest import LEVELS
from game.authoring.scaffold import ScaffoldError, new_pack
from game.authoring.schema import build_schema
from game.cli import main
from game.core.catalog import Catalog, validate_paths
from game.core.questions import KINDS
from game.core.story_format import _ACTIONS


@pytest.fixture
def made(tmp_path):
    return new_pack("my-library", tmp_path)


def test_the_new_pack_validates_with_zero_problems(made):
    problems, count = validate_paths([made.folder])
    assert [p.format() for p in problems] == []
    assert count == 2


def test_the_new_pack_files_follow_the_schema(made):
    validator = jsonschema.Draft202012Validator(build_schema())
    files = sorted(made.folder.glob("*.yaml"))
    assert [f.name for f in files] == ["first-quiz.yaml", "first-story.yaml", "pack.yaml"]
    for path in files:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert [e.message for e in validator.iter_errors(document)] == []


def test_the_new_pack_loads_and_its_quiz_has_every_question_type(made):
    catalog = Catalog.load([made.folder.parent])
    pack = catalog.packs[0]
    assert pack.pack.id == "my-library" and pack.pack.level_ids == ("first-quiz", "first-story")
    quiz = catalog.find("my-library/first-quiz").level
    kinds = [q.kind for q in quiz.questions]
    assert sorted(kinds) == sorted(KINDS) and len(kinds) == len(KINDS)
    assert any(q.hint for q in quiz.questions) and any(q.image for q in quiz.questions)
    assert any(q.picture_only for q in quiz.questions) and any(q.time_limit for q in quiz.questions)
    assert quiz.shuffle is True
    text = (made.folder / "first-quiz.yaml").read_text(encoding="utf-8")
    assert "# pool:" in text and "# time_limit:" in text  # the level-wide options, shown as comments
    for kind in KINDS:  # each example is introduced by a comment naming its type
        assert f"  # {kind}:" in text


def test_the_new_pack_story_shows_every_story_feature(made):
    catalog = Catalog.load([made.folder.parent])
    story = catalog.find("my-library/first-story").level
    assert story.mode == "puppets"
    assert all(c.puppet for c in story.characters)
    assert {type(v) for _, v in story.variables} == {bool, int}
    lines = [line for scene in story.scenes for line in scene.lines]
    directions = [d for line in lines for d in line.stage]
    assert {d.action for d in directions} == set(_ACTIONS)
    assert any(d.action == "prop" and d.remove for d in directions)
    assert any(d.action == "prop" and "/" in d.target for d in directions)  # a picture of the pack as prop
    assert any(d.action == "enter" and d.expression for d in directions)
    assert any(line.question for line in lines)
    assert any(line.expression for line in lines)
    assert any(line.sets for line in lines)
    assert any(line.source for line in lines)
    assert any(line.speaker for line in lines) and any(line.text and not line.speaker for line in lines)
    assert any(line.text is None and line.stage for line in lines)  # a line with only `stage`
    choices = [c for scene in story.scenes for c in scene.choices]
    assert any(c.condition for c in choices) and any(c.sets for c in choices)
    nexts = [scene.next for scene in story.scenes if scene.next]
    assert any(len(n) == 1 and n[0].condition is None for n in nexts)      # next: scene
    assert any(len(n) > 1 and n[0].condition is not None for n in nexts)   # next: [{if, goto}, {goto}]
    assert sum(1 for scene in story.scenes if scene.is_ending and scene.ending) == 2
    text = (made.folder / "first-story.yaml").read_text(encoding="utf-8")
    assert "# audio: assets/" in text  # a recording needs a sound file, so it is shown as a comment
    assert "puppet: assets/my_puppet.svg" in text


def test_every_text_has_kazakh_russian_and_english(made):
    problems, _ = validate_paths([made.folder])
    assert not [p for p in problems if "translation" in p.message]
    for path in made.folder.glob("*.yaml"):
        text = "\n".join(line.split("#")[0] for line in path.read_text(encoding="utf-8").splitlines())
        counts = [len(re.findall(rf"\b{lang}: ", text)) for lang in ("kk", "ru", "en")]
        assert counts[0] >= 2 and counts[0] == counts[1] == counts[2], path.name


def test_the_new_pack_has_original_pictures_and_the_schema_line(made):
    pictures = sorted(p.name for p in (made.folder / "assets").iterdir())
    assert pictures == ["calendar.svg", "landscape.svg", "library.svg", "mountain.svg", "sun.svg", "tree.svg"]
    for picture in pictures:
        head = (made.folder / "assets" / picture).read_text(encoding="utf-8")
        assert head.startswith("<?xml") and "Original work of the Ölketanu project" in head
    first = (made.folder / "pack.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema = (made.folder / first.split("=", 1)[1]).resolve()
    assert schema == (LEVELS / "olketanu.schema.json").resolve()


def test_in_the_levels_folder_the_schema_line_is_relative(tmp_path):
    (tmp_path / "olketanu.schema.json").write_text("{}")
    created = new_pack("club", tmp_path)
    for name in ("pack.yaml", "first-quiz.yaml", "first-story.yaml"):
        first = (created.folder / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../olketanu.schema.json"


@pytest.mark.parametrize("name", ["My-Pack", "1pack", "my pack", "../evil", "pack/sub", "", "-x", "ö", "a" * 65,
                                  "pack.yaml"])
def test_a_name_that_is_not_an_id_is_refused(tmp_path, name):
    with pytest.raises(ScaffoldError, match="cannot be a pack id"):
        new_pack(name, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_is_refused_and_left_alone(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "keep.txt").write_text("mine")
    with pytest.raises(ScaffoldError, match="already exists"):
        new_pack("mine", tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["mine"]
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["keep.txt"]


def test_the_command_line(tmp_path, capsys):
    assert main(["new-pack", "club", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "created the pack 'club'" in out and "validate" in out
    assert main(["validate", str(tmp_path / "club")]) == 0
    capsys.readouterr()
    assert main(["new-pack", "club", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["new-pack", "Club", "--dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "cannot be a pack id" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["club"]  # no temporary folder is left
