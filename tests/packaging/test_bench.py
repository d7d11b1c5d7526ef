"""`run_game.py bench --quick`: every section of the benchmark runs and lands in bench.json."""
import json
import os
import subprocess
import sys
import resource
import time

from conftest import ROOT

SECTIONS = ("meta", "startup", "frames", "idle", "content", "progress", "postgres", "memory", "scale", "weak", "built", "targets")
SCENES = ("title", "profiles", "create_profile", "map", "quiz_single", "quiz_feedback", "results", "story_line")


def test_quick_bench_writes_every_section(tmp_path):
    out = tmp_path / "bench.json"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, "run_game.py", "bench", "--quick", "--out", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=900)  # a guard, not a target
    assert result.returncode == 0, result.stderr[-3000:]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    assert cpu_s < 60  # the quick bench stays quick (CPU time: a busy machine does not make it fail)
    data = json.loads(out.read_text(encoding="utf-8"))
    for section in SECTIONS:
        assert section in data, section
    assert data["meta"]["quick"] is True
    assert data["startup"]["game_ms"] > 0 and data["startup"]["bare_ms"] > 0
    for scene in SCENES:
        frame = data["frames"]["scenes"][scene]
        assert frame["median_us"] > 0 and frame["p99_us"] >= frame["median_us"] and frame["bare_median_us"] > 0
    assert 0 <= data["idle"]["game_cpu_percent"] < 100
    assert data["content"]["validate_ms"] > 0 and data["content"]["shipped"]["levels"] >= 2
    assert data["progress"]["commits"]["journal_mode"] == "wal"
    assert data["progress"]["commits"]["synchronous"] == "FULL"
    assert set(data["progress"]["reports"]["queries"]) >= {"levels_all_children", "children_all"}
    pg = data["postgres"]  # the room's server: measured when one can be had, else the reason
    assert "skipped" in pg or (pg["commits"]["bare_p99_ms"] > 0 and pg["outbox"]["sent"] == pg["outbox"]["queued"]
                               and set(pg["reports"]["queries"]) >= {"levels_all_children", "children_all"}
                               and pg["reports"]["answer_rows"] > 0
                               and all(q["cold_ms"] > 0 for q in pg["reports"]["queries"].values()))
    assert data["memory"]["peak_rss_mb"] > 0 and data["memory"]["ended_on"] == "title"
    assert data["startup"]["first_launch"]["game_ms"] > 0
    assert data["content"]["generated"] == 20 and data["content"]["levels"] > 20
    assert all(q["cold_ms"] > 0 for q in data["progress"]["reports"]["queries"].values())
    assert data["progress"]["reports"]["answer_rows"] > 0
    (size,) = data["scale"]["sizes"]
    assert size["scene"] == "map" and size["launch_to_map_ms"] > 0 and size["scroll_ms"] > 0
    assert "skipped" in data["weak"] or data["weak"]["game_ms"] > 0
    assert {row["verdict"] for row in data["targets"]} <= {"PASS", "FAIL"}
    for word in ("start-up", "frame", "idle", "content", "progress", "memory"):
        assert word in result.stdout


def test_the_first_frame_hook_writes_its_time_and_ends_the_game(tmp_path):
    mark = tmp_path / "first-frame"
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", OLKETANU_DATA_DIR=str(tmp_path / "data"),
               OLKETANU_FIRST_FRAME_FILE=str(mark))
    launched = time.time()
    result = subprocess.run([sys.executable, "run_game.py"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    drawn = float(mark.read_text(encoding="utf-8"))
    assert launched < drawn < time.time()
    assert (tmp_path / "data").is_dir()  # the game ran as usual up to its first frame
