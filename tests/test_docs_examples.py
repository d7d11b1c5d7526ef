"""The examples in docs/levels.md are complete, valid levels."""
import re

import yaml

from conftest import ROOT
from game.core.catalog import validate_paths


def test_the_documented_examples_validate_cleanly(tmp_path):
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "docs" / "levels.md").read_text(encoding="utf-8"), re.S)
    blocks = [block for block in blocks if block.startswith("format: 1")]  # whole files, not fragments
    documents = [yaml.safe_load(block) for block in blocks]
    pack = next(d for d in documents if "levels" in d)
    folder = tmp_path / pack["id"]
    (folder / "assets").mkdir(parents=True)
    for block, data in zip(blocks, documents):
        name = "pack.yaml" if data is pack else f"{data['id']}.yaml"
        (folder / name).write_text(block, encoding="utf-8")
        pictures = [scene["background"] for scene in (data.get("scenes") or {}).values()] + \
            ([data["cover"]] if "cover" in data else [])
        for picture in pictures:
            (folder / picture).write_bytes((ROOT / "levels/karkaraly/assets/town.svg").read_bytes())
    types = {d.get("type") for d in documents}
    assert types == {None, "quiz", "story"}
    problems, count = validate_paths([folder])
    assert [p.format() for p in problems] == [] and count == 2
