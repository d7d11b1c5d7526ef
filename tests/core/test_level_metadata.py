"""Pack and level metadata (format v1): every key is read into the model, and every mistake is reported
at its line and column with a hint; `unlock` is checked with the whole pack; the lock logic is pure."""
import re
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import LEVELS, ROOT
from game.authoring.schema import build_schema
from game.core.catalog import Catalog, validate_paths
from game.core.loader import load_pack
from game.core.metadata import age_ranges
from game.core.model import Book, Licence, Unlock
from game.core.plural import plural
from game.core.problems import Where
from game.core.text import Text
from game.core.unlock import finished_level_ids, locked_levels, unlock_problems

PICTURE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"/>'
PACK = """\
format: 1
id: club
title: {kk: Үйірме, ru: Кружок, en: Club}
levels: [first, second, third]
"""
QUESTION = """\
questions:
  - {id: q, type: true_false, prompt: {kk: а, ru: б, en: c}, answer: true,
     explanation: {kk: а, ru: б, en: c}, source: "a book, p. 3"}
"""


def level(level_id: str, extra: str = "") -> str:
    return (f"format: 1\nid: {level_id}\ntype: quiz\ntitle: {{kk: {level_id}, ru: {level_id}, en: {level_id}}}\n"
            + textwrap.dedent(extra) + QUESTION)


def make_pack(folder: Path, pack: str = PACK, **levels: str) -> Path:
    (folder / "assets").mkdir(parents=True)
    (folder / "assets" / "cover.svg").write_text(PICTURE)
    (folder / "pack.yaml").write_text(pack, encoding="utf-8")
    for level_id in ("first", "second", "third"):
        (folder / f"{level_id}.yaml").write_text(levels.get(level_id, level(level_id)), encoding="utf-8")
    return folder


def found(folder: Path) -> list[tuple[str, int, int, str, str, str]]:
    problems, _ = validate_paths([folder])
    return [(Path(p.where.path).name, p.where.line, p.where.col, p.severity.value, p.message, p.hint)
            for p in problems]


# -- pack.yaml -------------------------------------------------------------------------------------

FULL_PACK = PACK + """\
author: Айгүл Серікқызы
library: {kk: Қарқаралы кітапханасы, ru: Каркаралинская библиотека, en: Karkaraly library}
ages: 9 – 14
languages: [en, kk]
version: "1.2"
cover: assets/cover.svg
licence: {texts: CC BY 4.0, pictures: CC BY-SA 4.0}
"""


def test_every_pack_key_reaches_the_model(tmp_path):
    result = load_pack(make_pack(tmp_path / "club", FULL_PACK))
    assert result.all_problems() == []
    pack = result.pack
    assert pack.author == Text.same("Айгүл Серікқызы")
    assert pack.library.get("en") == "Karkaraly library"
    assert pack.ages == (9, 14)
    assert pack.languages == ("kk", "en")  # in the game's order
    assert pack.version == "1.2"
    assert pack.cover == "assets/cover.svg"
    assert pack.licence == Licence("CC BY 4.0", "CC BY-SA 4.0")


def test_a_pack_without_metadata_is_still_valid(tmp_path):
    result = load_pack(make_pack(tmp_path / "club"))
    assert result.all_problems() == [] and result.pack.ages is None and result.pack.licence is None


@pytest.mark.parametrize("line, col, message, hint", [
    ("ages: 9", 7, "'9' is not an age range", "write the youngest and the oldest age with a dash, for example: "
                                              "ages: 9-14"),
    ("ages: {from: 9, to: 14}", 7, "ages should be written as from-to", "write the youngest and the oldest age "
                                                                        "with a dash, for example: ages: 9-14"),
    ("ages: 5-12", 7, "the ages 5-12 are not all between 6 and 14", "the game is made for children of 6 to 14"),
    ("ages: 14-9", 7, "the ages go from 14 down to 9", "write the youngest age first: 9-14"),
    ("languages: [kk, de]", 17, "unknown language 'de'", "expected one of: en, kk, ru"),
    ("languages: [kk, kk]", 17, "the language 'kk' is listed twice", ""),
    ("languages: []", 12, "languages is empty", "list the languages the pack is complete in: [kk, ru, en]"),
    ("languages: kk", 12, "languages should be a list", "start each item on its own line with '- '"),
    ("version: 1.0", 10, "the version is read as a number, not as text: '1.0'", 'put it in quotes: "1.0"'),
    ("version: 2", 10, "the version is read as a number, not as text: '2'", 'put it in quotes: "2"'),
    ('version: "v1"', 10, "the version 'v1' is not numbers with dots", 'write it in quotes, for example: version: "1.0"'),
    ("cover: assets/Cover.svg", 8, "'assets/Cover.svg' is not found: the file is called 'cover.svg'",
     "write the name with exactly the same capital and small letters"),
    ("cover: assets/missing.png", 8, "'assets/missing.png' is not found in the pack",
     "put the file at club/assets/missing.png"),
    ("cover: ../cover.svg", 8, "'../cover.svg' points outside the pack",
     "keep the pack's pictures and sounds inside its folder"),
    ("licence: {texts: CC BY 4.0}", 10, "the licence is missing 'pictures'", "add a line 'pictures: ...'"),
    ('licence: {texts: " ", pictures: CC0}', 18, "the licence of the texts is empty", 'for example: "CC BY 4.0"'),
    ("author: ''", 9, "the pack author is empty", ""),
    ("autor: me", 1, "unknown key 'autor' in the pack", "did you mean 'author'?"),
])
def test_a_wrong_pack_key_is_reported_where_it_is(tmp_path, line, col, message, hint):
    folder = make_pack(tmp_path / "club", PACK + line + "\n")
    assert found(folder) == [("pack.yaml", 5, col, "error", message, hint)]
    assert load_pack(folder).pack is None


# -- level files -----------------------------------------------------------------------------------

def test_every_level_key_reaches_the_model(tmp_path):
    folder = make_pack(tmp_path / "club", first=level("first", """\
        age: [12-14, 6-8]
        minutes: 12
        unlock: always
        read_more:
          - title: {kk: Кітап, ru: Книга, en: Book}
            author: {kk: Автор, ru: Автор, en: Author}
            call_number: "84(5Каз)-44"
            library: Gogol library
          - {title: {kk: Ертегі, ru: Сказка, en: Tale}, author: Халық}
        """), second=level("second", "unlock: {after: first}\nage: 9–11\n"))
    catalog = Catalog.load([folder])
    assert catalog.problems() == []
    first, second = catalog.find("first").level, catalog.find("second").level
    assert first.ages == ("6-8", "12-14") and first.minutes == 12 and first.unlock is None
    assert first.read_more == (
        Book(Text({"kk": "Кітап", "ru": "Книга", "en": "Book"}), Text({"kk": "Автор", "ru": "Автор", "en": "Author"}),
             "84(5Каз)-44", Text.same("Gogol library")),
        Book(Text({"kk": "Ертегі", "ru": "Сказка", "en": "Tale"}), Text.same("Халық")),
    )
    assert second.ages == ("9-11",) and second.unlock.after == "first"
    assert second.unlock.where.line == 5 and second.unlock.where.col == 17
    third = catalog.find("third").level
    assert third.ages == () and third.minutes is None and third.unlock is None and third.read_more == ()


@pytest.mark.parametrize("extra, line, col, message, hint", [
    ("age: 9-12", 5, 6, "unknown age band '9-12'", "did you mean '9-11'?"),
    ("age: 7", 5, 6, "unknown age band '7'", "expected one of: 12-14, 6-8, 9-11"),
    ("age: [6-8, 6-8]", 5, 12, "the age band '6-8' is listed twice", ""),
    ("age: []", 5, 6, "age has no age band", "write one of: 6-8, 9-11, 12-14"),
    ("minutes: 0", 5, 10, "minutes should be from 1 to 90, not 0",
     "give the time a child needs for the level, in whole minutes"),
    ("minutes: 120", 5, 10, "minutes should be from 1 to 90, not 120",
     "give the time a child needs for the level, in whole minutes"),
    ("minutes: ten", 5, 10, "minutes should be a whole number", ""),
    ("unlock: never", 5, 9, "unlock should be 'always' or {after: a level id}, not 'never'",
     "write 'unlock: always', or 'unlock: {after: level-id}' to open it once that level is finished"),
    ("unlock: {after: first}", 5, 17, "the level 'first' cannot wait for itself",
     "name another level of the pack, or write 'unlock: always'"),
    ("unlock: {after: Second}", 5, 17, "the level to finish first 'Second' is not a valid id",
     "use lowercase Latin letters, digits, '-' and '_', starting with a letter"),
    ("unlock: {after: secnd}", 5, 17, "unlock names the level 'secnd', which is not in the pack",
     "did you mean 'second'?"),
    ("read_more: []", 5, 12, "read_more has no books", "add a book, or delete read_more"),
    ("read_more: [{title: {kk: а, ru: б, en: c}}]", 5, 13, "a book is missing 'author'", "add a line 'author: ...'"),
    ("read_more: [{title: Book, author: X}]", 5, 21, "the book title should give the text in each language",
     "write it as {kk: ..., ru: ..., en: ...}"),
    ("read_more: [{title: {kk: а, ru: б, en: c}, author: X, call_number: ''}]", 5, 68,
     "the call number is empty", "write the library's call number, or delete the line"),
    ("read_more: [{title: {kk: а, ru: б, en: c}, author: X, isbn: 1}]", 5, 55, "unknown key 'isbn' in a book",
     "expected one of: author, call_number, library, title"),
])
def test_a_wrong_level_key_is_reported_where_it_is(tmp_path, extra, line, col, message, hint):
    folder = make_pack(tmp_path / "club", first=level("first", extra + "\n"))
    assert found(folder) == [("first.yaml", line, col, "error", message, hint)]
    assert not Catalog.load([folder]).find("first").ok


def test_an_unlock_with_another_key_says_both_what_is_wrong_and_what_is_missing(tmp_path):
    folder = make_pack(tmp_path / "club", first=level("first", "unlock: {before: second}\n"))
    assert found(folder) == [("first.yaml", 5, 9, "error", "unlock is missing 'after'", "add a line 'after: ...'"),
                             ("first.yaml", 5, 10, "error", "unknown key 'before' in unlock", "expected one of: after")]


def test_levels_waiting_for_each_other_are_all_reported(tmp_path):
    folder = make_pack(tmp_path / "club", first=level("first", "unlock: {after: third}\n"),
                       second=level("second", "unlock: {after: first}\n"),
                       third=level("third", "unlock: {after: second}\n"))
    message = "the levels first → third → second → first wait for each other, so none of them can ever be opened"
    assert found(folder) == [(name, 5, 17, "error", message, "write 'unlock: always' in one of them")
                             for name in ("first.yaml", "second.yaml", "third.yaml")]
    catalog = Catalog.load([folder])
    assert not any(level.ok for level in catalog.levels())


def test_an_unlock_of_a_level_with_other_errors_is_still_checked(tmp_path):
    folder = make_pack(tmp_path / "club", first=level("first", "minutes: 0\nunlock: {after: nowhere}\n"))
    assert [(p[1], p[4]) for p in found(folder)] == [
        (5, "minutes should be from 1 to 90, not 0"),
        (6, "unlock names the level 'nowhere', which is not in the pack")]


def test_unlock_may_only_name_a_level_listed_in_the_pack(tmp_path):
    folder = make_pack(tmp_path / "club", PACK.replace("[first, second, third]", "[first, second]"),
                       first=level("first", "unlock: {after: third}\n"))
    problems = found(folder)
    assert ("first.yaml", 5, 17, "error", "unlock names the level 'third', which is not in the pack",
            "expected one of: second") in problems


def test_the_read_more_example_of_the_docs_is_valid(tmp_path):
    docs = (ROOT / "docs" / "levels.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", docs, re.S) if b.startswith("read_more:"))
    folder = make_pack(tmp_path / "club", first=level("first", block))
    assert found(folder) == []
    assert len(Catalog.load([folder]).find("first").level.read_more) == 2


def test_the_shipped_pack_has_ages_and_minutes_everywhere_and_locks_nothing(shipped_catalog):
    pack = shipped_catalog.packs[0]
    assert pack.pack.ages == (6, 14) and pack.pack.languages == ("kk", "ru", "en")
    for result in pack.levels:
        assert result.level.ages and result.level.minutes, result.level_id
        assert result.level.unlock is None, result.level_id
    books = shipped_catalog.find("journey-childhood").level.read_more
    assert [b.title.get("kk") for b in books] == ["«Балалық шаққа саяхат»", "«Менің атым Қожа»"]
    assert all(b.call_number is None for p in shipped_catalog.packs for r in p.levels for b in r.level.read_more)


# -- the schema agrees -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(build_schema())


def test_the_schema_accepts_every_metadata_key(validator, tmp_path):
    pack = yaml.safe_load(FULL_PACK)
    assert list(validator.iter_errors(pack)) == []
    quiz = yaml.safe_load(level("first", "age: [6-8, 9–11]\nminutes: 90\nunlock: {after: second}\n"
                                         "read_more: [{title: {kk: а}, author: X, call_number: 7, library: {en: L}}]\n"))
    assert list(validator.iter_errors(quiz)) == []
    assert list(validator.iter_errors({**quiz, "unlock": "always", "age": "12-14"})) == []


@pytest.mark.parametrize("key, value", [
    ("ages", "5-9"), ("ages", "14-9"), ("ages", 9), ("languages", ["kk", "de"]), ("languages", []),
    ("version", "v1"), ("version", 1.0), ("version", 2), ("cover", "../cover.svg"), ("licence", {"texts": "CC0"}),
    ("author", ""), ("library", {"de": "x"}),
])
def test_the_schema_rejects_wrong_pack_metadata(validator, key, value):
    assert list(validator.iter_errors({**yaml.safe_load(PACK), key: value})) != []


@pytest.mark.parametrize("key, value", [
    ("age", "9-12"), ("age", []), ("age", ["6-8", "6-8"]), ("minutes", 0), ("minutes", 91),
    ("unlock", "never"), ("unlock", {"after": "Second"}), ("unlock", {"before": "x"}), ("read_more", []),
    ("read_more", [{"title": {"kk": "а"}}]), ("read_more", [{"title": "Book", "author": "X"}]),
    ("read_more", [{"title": {"kk": "а"}, "author": "X", "isbn": "1"}]),
])
def test_the_schema_rejects_wrong_level_metadata(validator, key, value):
    assert list(validator.iter_errors({**yaml.safe_load(level("first")), key: value})) != []


# -- the lock logic (pure) -------------------------------------------------------------------------

class _Level:
    def __init__(self, level_id, after=None):
        self.id = level_id
        self.unlock = Unlock(after, Where("x.yaml", 1, 1)) if after else None


def test_a_level_is_locked_until_its_prerequisite_is_finished():
    levels = [_Level("a"), _Level("b", after="a"), _Level("c", after="b")]
    assert locked_levels(levels, set()) == {"b": "a", "c": "b"}
    assert locked_levels(levels, {"a"}) == {"c": "b"}
    assert locked_levels(levels, {"a", "b"}) == {}
    assert locked_levels(levels, {"b"}) == {"b": "a"}  # b finished while it was open: c opens, b stays locked


def test_finished_means_best_stars_of_one_or_more_in_that_pack():
    best = {("club", "a"): 1, ("club", "b"): 0, ("other", "c"): 3, ("club", "d"): 3}
    assert finished_level_ids(best, "club") == {"a", "d"}
    assert finished_level_ids({}, "club") == set()


def test_unlock_problems_find_unknown_levels_and_every_circle():
    def unlock(after):
        return Unlock(after, Where("x.yaml", 3, 9))
    problems = unlock_problems({"a": unlock("b"), "b": unlock("a"), "c": unlock("a"), "d": unlock("zz"),
                                "e": unlock("f"), "f": unlock("e")}, ["a", "b", "c", "d", "e", "f"])
    assert sorted(problems) == ["a", "b", "d", "e", "f"]
    assert "a → b → a" in problems["a"][0].message and "e → f → e" in problems["f"][0].message
    assert problems["d"][0].message == "unlock names the level 'zz', which is not in the pack"
    assert unlock_problems({"a": unlock("a")}, ["a"]) == {}  # reported where the file is read


def test_age_bands_next_to_each_other_are_shown_as_one_range():
    assert age_ranges(("6-8", "9-11")) == [(6, 11)]
    assert age_ranges(("12-14", "6-8")) == [(6, 8), (12, 14)]
    assert age_ranges(("6-8", "9-11", "12-14")) == [(6, 14)]
    assert age_ranges(()) == []


@pytest.mark.parametrize("lang, n, word", [
    ("ru", 1, "минута"), ("ru", 2, "минуты"), ("ru", 5, "минут"), ("ru", 11, "минут"), ("ru", 21, "минута"),
    ("ru", 14, "минут"), ("ru", 22, "минуты"), ("en", 1, "minute"), ("en", 10, "minutes"), ("kk", 3, "минут"),
])
def test_minutes_are_spoken_with_the_right_plural(lang, n, word):
    from game.core.i18n import catalog
    assert plural(lang, n, catalog(lang)["map.minute_forms"]) == word


def test_the_shipped_pack_validates_cleanly():
    problems, count = validate_paths([LEVELS / "karkaraly"])
    assert problems == [] and count >= 13  # the season «Қарқаралы 200»
    problems, count = validate_paths([LEVELS])  # and every other shipped pack
    assert problems == [] and count >= 15
