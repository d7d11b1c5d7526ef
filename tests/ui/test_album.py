"""The album: cards and badges in the level format (validated, with path:line:col), and a child's album
filled by finishing levels: a card for each finished level, badges for the milestones."""
import re
import shutil
import subprocess

import pytest
from conftest import LEVELS
from pilot_steps import create_profile, misfits, play_quiz_right, play_story, tab_to

from game.core.album import album
from game.core.catalog import Catalog, validate_paths
from game.core.leader import make_pin
from game.core.storage import AnswerRecord, SqliteStore
from game.testing import run_test


def _pack_with(tmp_path, pack_extra: str, card: str):
    pack = tmp_path / "kent"
    shutil.copytree(LEVELS / "kent", pack)
    text = (pack / "pack.yaml").read_text(encoding="utf-8")
    (pack / "pack.yaml").write_text(text[:text.index("badges:")] + pack_extra, encoding="utf-8")
    level = (pack / "kent-walk.yaml").read_text(encoding="utf-8")
    (pack / "kent-walk.yaml").write_text(level[:level.index("\ncard:")] + card, encoding="utf-8")
    return pack


def test_mistakes_in_cards_and_badges_are_found_where_they_are(tmp_path):
    pack = _pack_with(tmp_path, """badges:
  - id: same
    title: {kk: "А", ru: "А", en: "A"}
    picture: assets/stork.svg
    when: whole-pak
  - id: same
    title: {kk: "Б", ru: "Б", en: "B"}
    picture: assets/no-such.svg
    when: {visits: 0}
""", """
card:
  picture: assets/landscape.svg
  text: {kk: "Бір сөйлем.", ru: "Одно предложение.", en: "One sentence."}
  source: "  "
""")
    problems, _ = validate_paths([pack])
    found = {(p.where.path.split("/")[-1], p.where.line, p.where.col, p.message) for p in problems
             if p.severity.value == "error"}
    lines = (pack / "kent-walk.yaml").read_text(encoding="utf-8").splitlines()
    source_line = next(i for i, line in enumerate(lines, 1) if line.startswith("  source:"))
    top = (pack / "pack.yaml").read_text(encoding="utf-8").splitlines().index("badges:")  # the line before
    assert ("pack.yaml", top + 5, 11, "unknown badge condition 'whole-pak'") in found
    assert ("pack.yaml", top + 6, 9, "two badges have the id 'same'") in found
    assert ("pack.yaml", top + 9, 20, "visits should be from 1 to 100, not 0") in found
    assert ("pack.yaml", top + 8, 14, "'assets/no-such.svg' is not found in the pack") in found
    assert ("kent-walk.yaml", source_line, 11, "the source is empty") in found
    assert len(found) == 5


def test_the_shipped_levels_all_have_a_card_with_a_source_and_the_packs_badges():
    catalog = Catalog.load([LEVELS])
    for result in catalog.levels():
        card = result.level.card
        assert card is not None and card.source and all(card.text.get(lang) for lang in ("kk", "ru", "en"))
        assert (result.path.parent / card.picture).is_file()
    whens = {b.when for p in catalog.packs for b in p.pack.badges}
    assert whens == {"puppet-tale", "visits", "whole-pack", "all-right"}


def _finish(store, child, pack, level, right=True, day=None):
    attempt = store.start_attempt(child, pack, level, "quiz")
    store.record_answer(attempt, AnswerRecord("q1", 0, right))
    store.finish_attempt(attempt, int(right), 1, 3 if right else 1)


def test_finishing_levels_fills_the_album_with_cards_and_badges(store, shipped_catalog):
    child = store.create_profile("Бота", "owl", "kk").id
    empty = album(store, shipped_catalog, child)
    assert empty.cards == () and empty.earned == () and len(empty.badges) == 5
    _finish(store, child, "kent", "kent-quiz")
    first = album(store, shipped_catalog, child)
    assert [(c.level_id, c.card.picture) for c in first.cards] == [("kent-quiz", "assets/rocks.svg")]
    assert first.earned == ()
    _finish(store, child, "kent", "kent-walk")
    _finish(store, child, "karkaraly", "aldar-coat")  # a puppet tale
    done = album(store, shipped_catalog, child)
    assert {c.level_id for c in done.cards} == {"kent-quiz", "kent-walk", "aldar-coat"}
    assert {b.badge.id for b in done.earned} == {"kent-all-right", "kent-whole", "first-tale"}
    # one wrong first answer in Kent: that badge is not earned, the whole pack still is
    other = store.create_profile("Ерлан", "fox", "kk").id
    _finish(store, other, "kent", "kent-quiz", right=False)
    _finish(store, other, "kent", "kent-walk")
    assert {b.badge.id for b in album(store, shipped_catalog, other).earned} == {"kent-whole"}


# -- the album on screen and on paper ---------------------------------------------------------------

def test_a_child_fills_the_album_by_playing_and_browses_it_by_keyboard_and_speech(tmp_path):
    with run_test(tmp_path, language="en", level_dirs=[LEVELS]) as pilot:
        create_profile(pilot, "Aigul", "fox")
        tab_to(pilot, "album")
        pilot.press("return")
        assert pilot.scene.name == "album"
        assert pilot.spoken[-2] == "Aigul's album is empty for now: every level you finish adds a card."
        assert not any(i.startswith("card_") for i in pilot.widget_ids())
        tab_to(pilot, "badge_karkaraly_first-tale")
        assert pilot.spoken[-1] == "Badge: First puppet tale. Not earned yet."
        pilot.press("escape")
        assert pilot.scene.name == "map"
        tab_to(pilot, "level_karkaraly_kanbak-shal")  # a puppet tale
        pilot.press("return")
        play_story(pilot, choice=0)
        assert pilot.scene.name == "results"
        pilot.press("escape")
        tab_to(pilot, "level_karkaraly_town-quiz")
        pilot.press("return")
        play_quiz_right(pilot)
        pilot.press("escape")
        assert pilot.scene.name == "map"
        tab_to(pilot, "album")
        pilot.press("return")
        assert pilot.spoken[-2] == "Aigul's album. Cards: 2. Badges: 1."
        cards = {i for i in pilot.widget_ids() if i.startswith("card_")}
        assert cards == {"card_karkaraly_kanbak-shal", "card_karkaraly_town-quiz"}
        tab_to(pilot, "card_karkaraly_town-quiz")
        assert pilot.spoken[-1].endswith(". Karkaraly lies at the foot of mountains, about 220 km south-east of "
                                         "Karaganda. Source: Wikipedia, «Қарқаралы»; el.kz, «Сарыарқаның алтын тәжі "
                                         "– Қарқаралы»")
        tab_to(pilot, "badge_karkaraly_first-tale")
        assert pilot.spoken[-1] == "Badge: First puppet tale. Earned!"
        assert "about 220 km south-east of Karaganda" in pilot.drawn_text().replace("\n", " ")


POPPLER = shutil.which("pdftotext")


def test_the_desk_prints_a_childs_album_as_an_a4_pdf(tmp_path):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    store.save_leader_pin(make_pin("2580"))
    child = store.create_profile("Әлия", "fox", "kk").id
    for pack, level in (("karkaraly", "aldar-coat"), ("kent", "kent-quiz"), ("kent", "kent-walk")):
        _finish(store, child, pack, level)
    store.save_club_setup({"library_name": "Қарқаралы аудандық кітапханасы"})
    store.close()
    with run_test(tmp_path, language="kk", level_dirs=[LEVELS]) as pilot:
        tab_to(pilot, "desk")
        pilot.press("return")
        pilot.press(*"2580", "return")
        tab_to(pilot, "album")
        pilot.press("return")
        assert pilot.scene.name == "desk_album"
        tab_to(pilot, f"child_{child}")
        pilot.press("return")
        pdf = tmp_path / "reports" / f"olketanu-album-{child}.pdf"
        assert pdf.is_file() and pilot.spoken[-1].startswith(f"Сақталды: {pdf.name} (карточка саны: 3)")
    assert pdf.read_bytes().startswith(b"%PDF")
    if POPPLER:
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        for words in ("Әлия: өлкетану альбомы", "Қарқаралы аудандық кітапханасы", "Кент тауы толық өтілді",
                      "Алғашқы қуыршақ ертегі", "Қарағайлы"):
            assert words in text, words
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages: +1$", info, re.M) and "(A4)" in info
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "NotoSans" in fonts and " yes yes yes " in fonts


@pytest.mark.parametrize("scale, lang", [(1.0, "en"), (2.0, "kk"), (2.0, "ru")])
def test_the_album_screens_fit_at_every_text_size(tmp_path, scale, lang):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    store.save_leader_pin(make_pin("2580"))
    store.save_settings(None, {"text_scale": scale})
    child = store.create_profile("Әлия-Ұлжан", "fox", "kk").id
    levels = list(Catalog.load([LEVELS]).levels())
    for result in levels:  # every card, every badge but the visits
        _finish(store, child, result.pack_id, result.level_id)
    store.close()
    problems = []
    with run_test(tmp_path, language=lang, level_dirs=[LEVELS], window_size=(1024, 768)) as pilot:
        pilot.press("return")
        tab_to(pilot, f"profile_{child}")
        pilot.press("return")
        problems += misfits(pilot, "map")
        tab_to(pilot, "album")
        pilot.press("return")
        for page in range(pilot.scene.pages):
            problems += misfits(pilot, f"album page {page + 1}")
            tab_to(pilot, "more")
            pilot.press("return")
        cards = len(levels)  # one card a level (test_the_shipped_levels_all_have_a_card...)
        assert pilot.scene.page == 0 and pilot.scene.pages == ((cards + 1) // 2 if scale == 1.0 else cards)
        pilot.press("escape", "escape", "escape")
        tab_to(pilot, "desk")
        pilot.press("return")
        pilot.press(*"2580", "return")
        tab_to(pilot, "album")
        pilot.press("return")
        tab_to(pilot, f"child_{child}")
        pilot.press("return")
        problems += misfits(pilot, "desk_album")
    assert not problems, "\n".join(problems)
