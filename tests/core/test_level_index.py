"""The catalogue index: kept in the data folder's cache, each file checked by its size and time; a level is
read again only when its file changed, and a changed or broken file is seen at the next look."""
import os
import time

from game.core.level_index import CatalogIndex

PACK = "format: 1\nid: club\ntitle: {{kk: Үйірме, ru: Кружок, en: Club}}\nlevels: [{ids}]\n"
QUIZ = """\
format: 1
id: {id}
type: quiz
title: {{kk: "{title} (kk)", ru: "{title} (ru)", en: "{title}"}}
{extra}questions:
  - {{id: q, type: true_false, prompt: {{kk: а, ru: б, en: Is it so?}}, answer: true,
     explanation: {{kk: а, ru: б, en: It is.}}, source: "a book, p. 3"}}
"""


def make_pack(root, count=3, extra=None):
    folder = root / "club"
    folder.mkdir(parents=True)
    ids = [f"level-{n}" for n in range(1, count + 1)]
    (folder / "pack.yaml").write_text(PACK.format(ids=", ".join(ids)), encoding="utf-8")
    for n, level_id in enumerate(ids, 1):
        more = (extra or {}).get(level_id, "")
        (folder / f"{level_id}.yaml").write_text(QUIZ.format(id=level_id, title=f"Level {n}", extra=more),
                                                 encoding="utf-8")
    return folder


def age(*paths, seconds=60):
    """Files (and folders) last changed a while ago, as a library's packs are."""
    then = time.time() - seconds
    for path in paths:
        os.utime(path, (then, then))


def aged_pack(root, **options):
    folder = make_pack(root, **options)
    age(*folder.iterdir(), folder)
    return folder


def test_the_index_is_kept_and_only_new_files_are_parsed(tmp_path):
    folder = aged_pack(tmp_path / "levels", extra={"level-2": "age: 9-11\nminutes: 4\nunlock: {after: level-1}\n"})
    index_file = tmp_path / "data" / "cache" / "levels.json"
    first = CatalogIndex([tmp_path / "levels"], index_file).refresh()
    assert first.parsed == 3 and index_file.is_file()
    again = CatalogIndex([tmp_path / "levels"], index_file).refresh()  # a new start of the game
    assert again.parsed == 0
    entry = again.levels()[1]
    assert (entry.pack_id, entry.level_id, entry.kind, entry.title.get("ru")) == ("club", "level-2", "quiz",
                                                                                   "Level 2 (ru)")
    assert entry.ages == ("9-11",) and entry.minutes == 4 and entry.unlock.after == "level-1" and entry.ok
    assert again.packs[0].title.get("kk") == "Үйірме"
    level = again.full(entry).level  # played: read in full
    assert level.questions[0].id == "q" and level.path == folder / "level-2.yaml"


def test_a_changed_file_is_seen_at_once(tmp_path):
    folder = aged_pack(tmp_path / "levels")
    index = CatalogIndex([tmp_path / "levels"], tmp_path / "cache" / "levels.json").refresh()
    path = folder / "level-3.yaml"
    path.write_text(QUIZ.format(id="level-3", title="A new title", extra="minutes: 7\n"), encoding="utf-8")
    age(path, seconds=30)
    index.refresh()
    assert index.parsed == 1
    assert index.levels()[2].title.get("en") == "A new title" and index.levels()[2].minutes == 7
    fresh = CatalogIndex([tmp_path / "levels"], tmp_path / "cache" / "levels.json").refresh()
    assert fresh.parsed == 0 and fresh.levels()[2].title.get("en") == "A new title"


def test_a_broken_file_is_seen_at_once_with_where_and_why(tmp_path):
    folder = aged_pack(tmp_path / "levels")
    index_file = tmp_path / "cache" / "levels.json"
    CatalogIndex([tmp_path / "levels"], index_file).refresh()
    path = folder / "level-1.yaml"
    path.write_text("format: 1\nid: level-1\ntype: quiz\ntitle: [unclosed\n", encoding="utf-8")
    age(path, seconds=30)
    index = CatalogIndex([tmp_path / "levels"], index_file).refresh()
    broken = index.levels()[0]
    assert not broken.ok and broken.kind is None
    problem = broken.problems[0]
    assert problem.is_error and problem.where.path.endswith("level-1.yaml") and problem.where.line >= 1
    assert problem.text("kk") != problem.text("en")  # kept as a message, still shown in every language
    again = CatalogIndex([tmp_path / "levels"], index_file).refresh()  # from the index, still broken
    assert again.parsed == 0 and again.levels()[0].problems == broken.problems


def test_a_file_changed_just_now_is_read_again_even_with_the_same_size_and_time(tmp_path):
    folder = aged_pack(tmp_path / "levels")
    index_file = tmp_path / "cache" / "levels.json"
    path = folder / "level-2.yaml"
    path.write_text(QUIZ.format(id="level-2", title="Title A", extra=""), encoding="utf-8")
    CatalogIndex([tmp_path / "levels"], index_file).refresh()
    stat = path.stat()
    path.write_text(QUIZ.format(id="level-2", title="Title B", extra=""), encoding="utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same time (a coarse file system)
    index = CatalogIndex([tmp_path / "levels"], index_file).refresh()
    assert index.levels()[1].title.get("en") == "Title B"


def test_added_level_files_unlock_circles_and_a_damaged_index(tmp_path):
    folder = aged_pack(tmp_path / "levels", count=2, extra={"level-1": "unlock: {after: level-2}\n",
                                                             "level-2": "unlock: {after: level-1}\n"})
    index_file = tmp_path / "cache" / "levels.json"
    index = CatalogIndex([tmp_path / "levels"], index_file).refresh()
    assert [lv.ok for lv in index.levels()] == [False, False]  # they wait for each other
    assert "wait for each other" in index.levels()[0].problems[-1].text("en")
    (folder / "level-3.yaml").write_text(QUIZ.format(id="level-3", title="Three", extra=""), encoding="utf-8")
    (folder / "pack.yaml").write_text(PACK.format(ids="level-1, level-2, level-3"), encoding="utf-8")
    index.refresh()
    assert [lv.level_id for lv in index.levels()] == ["level-1", "level-2", "level-3"]
    index_file.write_text("{not json", encoding="utf-8")
    damaged = CatalogIndex([tmp_path / "levels"], index_file).refresh()
    assert damaged.parsed == 3 and damaged.levels()[2].title.get("en") == "Three"


def test_the_index_serves_a_game_started_from_another_folder(tmp_path, monkeypatch):
    aged_pack(tmp_path / "levels")
    index_file = tmp_path / "cache" / "levels.json"
    CatalogIndex([tmp_path / "levels"], index_file).refresh()
    monkeypatch.chdir(tmp_path)
    again = CatalogIndex([tmp_path.relative_to(tmp_path) / "levels"], index_file).refresh()  # --data-dir .
    assert again.parsed == 0 and len(again.levels()) == 3


def test_an_index_edited_by_hand_reads_the_files_again(tmp_path):
    aged_pack(tmp_path / "levels")
    index_file = tmp_path / "cache" / "levels.json"
    CatalogIndex([tmp_path / "levels"], index_file).refresh()
    import json
    data = json.loads(index_file.read_text(encoding="utf-8"))
    for record in data["levels"].values():
        record["problems"] = "not a list of problems"
    next(iter(data["packs"].values()))["ids"] = 7
    index_file.write_text(json.dumps(data), encoding="utf-8")
    index = CatalogIndex([tmp_path / "levels"], index_file).refresh()
    assert index.parsed == 3 and [lv.title.get("en") for lv in index.levels()] == ["Level 1", "Level 2", "Level 3"]
    assert all(lv.ok for lv in index.levels())
