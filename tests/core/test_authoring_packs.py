"""`import-pack` / `export-pack`: hostile zips are refused, nothing is ever half installed, round trips."""
import os
import stat
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT
from game.authoring.packs import importing
from game.authoring.packs import MAX_FILES, PackArchiveError, export_pack, import_pack
from game.authoring.scaffold import new_pack
from game.cli import main
from game.core.catalog import Catalog, validate_paths


@pytest.fixture
def pack(tmp_path):
    """A valid pack folder, `<tmp>/src/club`."""
    return new_pack("club", tmp_path / "src").folder


@pytest.fixture
def data(tmp_path):
    return tmp_path / "data"


def pack_members(folder, prefix="club/"):
    return {prefix + p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def make_zip(path, members, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in members.items():
            if isinstance(name, zipfile.ZipInfo):
                zf.writestr(name, data)
            else:
                zf.writestr(name, data)
    return path


def nothing_installed(data):
    folder = data / "packs"
    return not folder.exists() or list(folder.iterdir()) == []


def refused(zip_path, data, match, **kwargs):
    with pytest.raises(PackArchiveError) as caught:
        import_pack(zip_path, data, **kwargs)
    assert match in caught.value.message, caught.value.message
    assert nothing_installed(data), list((data / "packs").iterdir())
    return caught.value


# -- a valid pack --------------------------------------------------------------------------------

def test_a_valid_zip_is_installed_and_the_game_finds_it(pack, data, tmp_path):
    zip_path = make_zip(tmp_path / "club.zip", pack_members(pack))
    result = import_pack(zip_path, data)
    assert result.pack_id == "club" and result.folder == data / "packs" / "club" and not result.replaced
    assert result.level_count == 2
    assert sorted(os.listdir(data / "packs")) == ["club"]  # no temporary folder is left
    assert pack_members(data / "packs" / "club") == pack_members(pack)
    catalog = Catalog.load([tmp_path / "no-levels-here", data / "packs"])
    assert [lv.level_id for lv in catalog.levels() if lv.ok] == ["first-quiz", "first-story"]


def test_a_zip_with_the_pack_files_at_its_top_works_too(pack, data, tmp_path):
    zip_path = make_zip(tmp_path / "flat.zip", pack_members(pack, prefix=""))
    assert import_pack(zip_path, data).pack_id == "club"
    assert (data / "packs" / "club" / "pack.yaml").is_file()


def test_hidden_files_and_mac_resource_folders_are_not_installed(pack, data, tmp_path):
    members = pack_members(pack)
    members.update({"__MACOSX/club/._pack.yaml": b"junk", "club/.DS_Store": b"junk", "README.txt": b"hello"})
    result = import_pack(make_zip(tmp_path / "mac.zip", members), data)
    assert result.skipped == 3
    assert pack_members(data / "packs" / "club") == pack_members(pack)


def test_export_then_import_gives_back_the_same_files(pack, data, tmp_path):
    (pack / ".hidden").write_text("not part of the pack")
    (pack / ".git").mkdir()
    (pack / ".git" / "config").write_text("no")
    (pack / "assets" / "Thumbs.db").write_bytes(b"no")
    out = tmp_path / "out" / "club.zip"
    result = export_pack(pack, out)
    assert result.out == out and out.is_file()
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert all(not info.is_dir() and (info.external_attr >> 16) == stat.S_IFREG | 0o644 for info in zf.infolist())
    assert names == sorted(names) and all(name.startswith("club/") for name in names)
    assert not [n for n in names if "/." in n or "Thumbs" in n]
    assert import_pack(out, data).pack_id == "club"
    installed = data / "packs" / "club"
    expected = {k: v for k, v in pack_members(pack).items() if "/." not in k and "Thumbs" not in k}
    assert pack_members(installed) == expected
    problems, count = validate_paths([installed])
    assert problems == [] and count == 2


def test_export_then_import_through_the_command_line(pack, data, tmp_path, capsys):
    out = tmp_path / "club.zip"
    assert main(["export-pack", str(pack), "--out", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "import-pack", str(out)]) == 0
    assert "installed the pack 'club' (2 level(s)" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "import-pack", str(out)]) == 1
    err = capsys.readouterr().err
    assert "already installed" in err and "--replace" in err
    assert main(["--data-dir", str(data), "import-pack", str(out), "--replace"]) == 0
    assert "replaced the pack 'club'" in capsys.readouterr().out
    assert sorted(os.listdir(data / "packs")) == ["club"]


def repetitive_svg(size: int) -> bytes:
    """A plain map drawn of many alike shapes, as drawing programs write them: it packs 100+ times smaller."""
    rows = [f'<rect x="{i % 40 * 10}" y="{i // 40 * 10}" width="10" height="10" fill="#2F6B3A"/>\n' for i in range(40)]
    body = "".join(rows).encode() * (size // len("".join(rows)) + 1)
    return b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200">\n' + body[:size] + b"</svg>\n"


def test_a_large_repetitive_svg_zipped_by_an_ordinary_tool_is_installed(pack, data, tmp_path):
    members = pack_members(pack)
    members["club/assets/map.svg"] = repetitive_svg(570_000)
    zip_path = make_zip(tmp_path / "club.zip", members)
    with zipfile.ZipFile(zip_path) as zf:
        info = zf.getinfo("club/assets/map.svg")
        assert info.file_size / info.compress_size > 100  # what was refused as a "zip bomb" before
    assert import_pack(zip_path, data).pack_id == "club"
    assert (data / "packs" / "club" / "assets" / "map.svg").read_bytes() == members["club/assets/map.svg"]


def test_export_packs_every_file_and_import_takes_it_back(pack, data, tmp_path):
    (pack / "assets" / "blank.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">' + " " * 200_000 + "</svg>")
    out = export_pack(pack, tmp_path / "club.zip").out
    with zipfile.ZipFile(out) as zf:
        assert zf.getinfo("club/assets/blank.svg").compress_type == zipfile.ZIP_DEFLATED
    assert import_pack(out, data).pack_id == "club"


# -- refusals: an invalid pack --------------------------------------------------------------------

def test_a_pack_with_errors_is_not_installed_and_every_problem_is_named_by_its_place_in_the_zip(pack, data,
                                                                                                tmp_path):
    quiz = (pack / "first-quiz.yaml").read_text(encoding="utf-8")
    (pack / "first-quiz.yaml").write_text(quiz.replace("assets/calendar.svg", "assets/Calendar.svg")
                                          .replace("type: order", "type: ordr"), encoding="utf-8")
    error = refused(make_zip(tmp_path / "bad.zip", pack_members(pack)), data, "the pack has 2 error(s)")
    shown = [p.format() for p in error.problems]
    assert any(s.startswith("bad.zip/club/first-quiz.yaml:") and "Calendar.svg" in s for s in shown), shown
    assert any("unknown question type 'ordr'" in s for s in shown)


def test_a_zip_without_a_pack_is_refused(data, tmp_path):
    refused(make_zip(tmp_path / "x.zip", {"notes/readme.txt": b"hi"}), data, "no pack.yaml")


def test_a_zip_with_two_packs_is_refused(pack, data, tmp_path):
    members = pack_members(pack)
    members.update(pack_members(pack, prefix="club2/"))
    refused(make_zip(tmp_path / "two.zip", members), data, "several packs")


def test_the_pack_is_installed_under_its_id_whatever_the_folder_in_the_zip_is_called(pack, data, tmp_path):
    assert import_pack(make_zip(tmp_path / "x.zip", pack_members(pack, prefix="club-v2/")), data).pack_id == "club"
    assert sorted(os.listdir(data / "packs")) == ["club"]


def test_a_pack_with_an_invalid_id_is_refused(pack, data, tmp_path):
    members = pack_members(pack)
    members["club/pack.yaml"] = members["club/pack.yaml"].replace(b"id: club", b"id: Club")
    error = refused(make_zip(tmp_path / "y.zip", members), data, "error(s)")
    assert any("'Club' is not a valid id" in p.message for p in error.problems)


def test_a_pack_with_the_id_of_a_shipped_pack_is_refused(data, tmp_path):
    members = pack_members(ROOT / "levels" / "karkaraly", prefix="karkaraly/")
    refused(make_zip(tmp_path / "k.zip", members), data, "comes with the game", replace=True)


def test_replacing_keeps_the_old_pack_when_the_new_one_cannot_be_moved_in(pack, data, tmp_path, monkeypatch):
    zip_path = make_zip(tmp_path / "club.zip", pack_members(pack))
    import_pack(zip_path, data)
    (data / "packs" / "club" / "mine.txt").write_text("the old pack")
    real_rename = os.rename

    def failing_rename(src, dst):
        if str(src).endswith(os.sep + "club") and ".import-" in str(src):
            raise OSError(28, "No space left on device")
        return real_rename(src, dst)

    monkeypatch.setattr(importing.os, "rename", failing_rename)
    with pytest.raises(PackArchiveError, match="No space left"):
        import_pack(zip_path, data, replace=True)
    assert (data / "packs" / "club" / "mine.txt").read_text() == "the old pack"
    assert sorted(os.listdir(data / "packs")) == ["club"]


# -- refusals: hostile archives -------------------------------------------------------------------

@pytest.mark.parametrize("name, match", [
    ("club/../../evil.yaml", "leaves its folder"),
    ("../evil.yaml", "leaves its folder"),
    ("club/assets/../../../evil.svg", "leaves its folder"),
    ("/etc/evil.yaml", "absolute path"),
    ("C:/Windows/evil.yaml", "absolute path"),
    ("club\\..\\evil.yaml", "backslashes"),
    ("club/assets/a\x01b.svg", "control characters"),
    ("club/assets/a:b.svg", "':'"),
])
def test_names_that_could_leave_the_folder_are_refused(pack, data, tmp_path, name, match):
    members = pack_members(pack)
    members[name] = b"<svg/>"
    refused(make_zip(tmp_path / "slip.zip", members), data, match)
    assert not (tmp_path / "evil.yaml").exists() and not (data / "evil.yaml").exists()


def test_a_symbolic_link_is_refused(pack, data, tmp_path):
    members = pack_members(pack)
    link = zipfile.ZipInfo("club/assets/passwords.svg")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    members[link] = b"/etc/passwd"
    refused(make_zip(tmp_path / "link.zip", members), data, "symbolic link")


def test_other_special_files_are_refused(pack, data, tmp_path):
    members = pack_members(pack)
    fifo = zipfile.ZipInfo("club/assets/pipe.svg")
    fifo.create_system = 3
    fifo.external_attr = (stat.S_IFIFO | 0o644) << 16
    members[fifo] = b""
    refused(make_zip(tmp_path / "fifo.zip", members), data, "special file")


def test_more_than_2000_files_are_refused(pack, data, tmp_path):
    members = pack_members(pack)
    members.update({f"club/assets/p{i}.svg": b"<svg/>" for i in range(MAX_FILES)})
    refused(make_zip(tmp_path / "many.zip", members, zipfile.ZIP_STORED), data, f"at most {MAX_FILES}")


def test_more_than_50_mb_unpacked_is_refused(pack, data, tmp_path):
    members = pack_members(pack)
    members.update({f"club/assets/huge{i}.png": bytes(18_000_000) for i in range(3)})
    refused(make_zip(tmp_path / "big.zip", members, zipfile.ZIP_STORED), data, "more than 50 MB")


def test_a_zip_bomb_is_refused_by_what_it_would_write_and_says_what_to_do(pack, data, tmp_path):
    members = pack_members(pack)
    members["club/assets/bomb.svg"] = bytes(100_000_000)  # deflates about 1000 times
    zip_path = make_zip(tmp_path / "bomb.zip", members)
    assert zip_path.stat().st_size < 200_000
    error = refused(zip_path, data, "'club/assets/bomb.svg' would take 100 MB once unpacked; one file of a pack may "
                                    "take at most 20 MB")
    assert "make the pictures and sounds smaller" in error.hint and "export-pack" in error.hint


def test_many_small_bombs_are_refused_by_their_total(pack, data, tmp_path):
    members = pack_members(pack)
    members.update({f"club/assets/bomb{i}.svg": bytes(10_000_000) for i in range(6)})
    zip_path = make_zip(tmp_path / "bombs.zip", members)
    assert zip_path.stat().st_size < 200_000
    error = refused(zip_path, data, "more than 50 MB once unpacked")
    assert "export-pack" in error.hint


def test_a_member_that_unpacks_to_more_than_it_announces_is_stopped(pack, data, tmp_path, monkeypatch):
    """Even if the sizes in the table of contents lie, no more than they announce is ever written."""
    members = pack_members(pack)
    zip_path = make_zip(tmp_path / "liar.zip", members)
    real = importing.check_members

    def lying(zf):
        found = real(zf)
        for member in found:
            if member.name.endswith("library.svg"):
                member.info.file_size = 10  # what the table of contents would claim
        return found

    monkeypatch.setattr(importing, "check_members", lying)
    with pytest.raises(PackArchiveError) as caught:  # zipfile's own check or ours, whichever comes first
        import_pack(zip_path, data)
    assert "announces" in caught.value.message or "Bad CRC-32" in caught.value.message
    assert nothing_installed(data)


def _patch_name(zip_path, placeholder: bytes, raw: bytes):
    content = zip_path.read_bytes()
    assert len(placeholder) == len(raw) and content.count(placeholder) == 2  # local header + directory
    zip_path.write_bytes(content.replace(placeholder, raw))


def test_a_file_name_that_is_not_utf8_is_refused(pack, data, tmp_path):
    members = pack_members(pack)
    members["club/assets/XXXX.svg"] = b"<svg/>"
    zip_path = make_zip(tmp_path / "cp866.zip", members)
    _patch_name(zip_path, b"XXXX", "Тест".encode("cp866"))  # what Windows' own zip does with Cyrillic
    error = refused(zip_path, data, "is not UTF-8")
    assert "7-Zip" in error.hint


def test_a_file_name_marked_utf8_that_is_not_is_refused(pack, data, tmp_path):
    members = pack_members(pack)
    info = zipfile.ZipInfo("club/assets/XXXX.svg")
    info.flag_bits |= 0x800
    members[info] = b"<svg/>"
    zip_path = make_zip(tmp_path / "bad-utf8.zip", members)
    _patch_name(zip_path, b"XXXX", b"\xff\xfe\xfd\xfc")
    refused(zip_path, data, "not UTF-8")


def test_utf8_file_names_are_fine(pack, data, tmp_path):
    members = pack_members(pack)
    members["club/assets/көл.svg"] = (pack / "assets" / "sun.svg").read_bytes()
    assert import_pack(make_zip(tmp_path / "kk.zip", members), data).pack_id == "club"
    assert (data / "packs" / "club" / "assets" / "көл.svg").is_file()


def test_names_that_differ_only_in_capitals_are_refused(pack, data, tmp_path):
    members = pack_members(pack)
    members["club/assets/SUN.svg"] = b"<svg/>"
    refused(make_zip(tmp_path / "case.zip", members), data, "differ only in capital letters")


def test_a_name_that_is_both_a_file_and_a_folder_is_refused(pack, data, tmp_path):
    members = pack_members(pack)
    members["club/assets/sun.svg/x.svg"] = b"<svg/>"
    refused(make_zip(tmp_path / "both.zip", members), data, "both a file and a folder")


def _set_flag(zip_path, name: bytes, bit: int):
    """Sets a general-purpose flag bit of one member, in its local header and in the directory."""
    content = bytearray(zip_path.read_bytes())
    for signature, name_length_at, name_at, flags_at in ((b"PK\x03\x04", 26, 30, 6), (b"PK\x01\x02", 28, 46, 8)):
        at = content.find(signature)
        while at != -1:
            length = int.from_bytes(content[at + name_length_at:at + name_length_at + 2], "little")
            if bytes(content[at + name_at:at + name_at + length]) == name:
                flags = int.from_bytes(content[at + flags_at:at + flags_at + 2], "little") | bit
                content[at + flags_at:at + flags_at + 2] = flags.to_bytes(2, "little")
            at = content.find(signature, at + 4)
    zip_path.write_bytes(bytes(content))


def test_a_password_protected_member_is_refused(pack, data, tmp_path):
    members = pack_members(pack)
    members["club/assets/secret.svg"] = b"<svg/>"
    zip_path = make_zip(tmp_path / "secret.zip", members)
    _set_flag(zip_path, b"club/assets/secret.svg", 0x1)
    refused(zip_path, data, "password")


@pytest.mark.parametrize("content", [b"", b"this is not a zip", b"PK\x03\x04broken", bytes(1000)])
def test_a_file_that_is_not_a_zip_is_refused(data, tmp_path, content):
    path = tmp_path / "pack.zip"
    path.write_bytes(content)
    refused(path, data, "not a zip file")


def test_a_missing_file_is_refused(data, tmp_path):
    refused(tmp_path / "nothing.zip", data, "cannot read")


def test_a_truncated_zip_is_refused(pack, data, tmp_path):
    zip_path = make_zip(tmp_path / "club.zip", pack_members(pack))
    content = zip_path.read_bytes()
    zip_path.write_bytes(content[: len(content) // 2])
    refused(zip_path, data, "not a zip file")


def test_a_member_whose_data_is_damaged_is_refused(pack, data, tmp_path):
    zip_path = make_zip(tmp_path / "club.zip", pack_members(pack), zipfile.ZIP_STORED)
    content = bytearray(zip_path.read_bytes())
    at = content.index(b"<svg")
    content[at:at + 4] = b"<SVG"  # the CRC no longer matches
    zip_path.write_bytes(bytes(content))
    refused(zip_path, data, "cannot unpack")


def test_leftovers_of_an_import_cut_short_are_cleaned_up(pack, data, tmp_path):
    stale = data / "packs" / ".import-old"
    (stale / "club").mkdir(parents=True)
    os.utime(stale, (1, 1))
    import_pack(make_zip(tmp_path / "club.zip", pack_members(pack)), data)
    assert sorted(os.listdir(data / "packs")) == ["club"]


# -- export refusals -----------------------------------------------------------------------------

def test_export_refuses_a_folder_without_pack_yaml(tmp_path):
    with pytest.raises(PackArchiveError, match="not a pack folder"):
        export_pack(tmp_path, tmp_path / "x.zip")


def test_export_refuses_a_pack_with_errors(pack, tmp_path):
    (pack / "first-story.yaml").write_text("format: 1\nid: first-story\ntype: story\n", encoding="utf-8")
    with pytest.raises(PackArchiveError, match="no zip was made") as caught:
        export_pack(pack, tmp_path / "x.zip")
    assert caught.value.problems and not (tmp_path / "x.zip").exists()


def test_export_refuses_to_write_inside_the_pack(pack):
    with pytest.raises(PackArchiveError, match="inside the pack folder"):
        export_pack(pack, pack / "club.zip")


def test_export_leaves_out_symbolic_links(pack, tmp_path):
    (pack / "assets" / "link.svg").symlink_to(pack / "assets" / "sun.svg")
    result = export_pack(pack, tmp_path / "club.zip")
    assert "assets/link.svg (not a plain file)" in result.skipped
    assert "assets/link.svg" not in result.files


# -- the command line never shows a traceback ------------------------------------------------------

def test_the_command_line_prints_a_message_and_exits_1_on_a_hostile_zip(pack, tmp_path):
    members = pack_members(pack)
    members["club/../../evil.yaml"] = b"x"
    zip_path = make_zip(tmp_path / "slip.zip", members)
    not_zip = tmp_path / "notes.zip"
    not_zip.write_text("hello")
    env = {"PATH": "", "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
           "OLKETANU_DATA_DIR": str(tmp_path / "data")}
    for path in (zip_path, not_zip, tmp_path / "missing.zip"):
        result = subprocess.run([sys.executable, "run_game.py", "import-pack", str(path)], cwd=ROOT,
                                capture_output=True, text=True, env=env)
        assert result.returncode == 1
        assert result.stderr.startswith("import-pack: ") and "Traceback" not in result.stderr
    assert not (tmp_path / "data" / "packs").exists() or list((tmp_path / "data" / "packs").iterdir()) == []
    result = subprocess.run([sys.executable, "run_game.py", "export-pack", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, env=env)
    assert result.returncode == 1 and "not a pack folder" in result.stderr and "Traceback" not in result.stderr
