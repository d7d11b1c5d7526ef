"""Every text a child reads in a pack: each `{kk: ..., ru: ..., en: ...}` mapping of its YAML files."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ...core.text import LANGUAGES

SEPARATOR = "/"


@dataclass
class Found:
    file: str                      # the file's name inside the pack folder
    where: str                     # its keys from the top, ids for list entries: questions/sun/options/1/text
    line: int                      # the line of the Kazakh text (or of the mapping), from 1
    speaker: str                   # who says it in a story ("ata (Ата)"), else ""
    node: yaml.MappingNode         # the mapping itself, with the marks of every value

    def value(self, lang: str) -> str:
        node = self.value_node(lang)
        return str(node.value) if node is not None else ""

    def value_node(self, lang: str) -> yaml.ScalarNode | None:
        for key, value in self.node.value:
            if key.value == lang and isinstance(value, yaml.ScalarNode):
                return value
        return None


def pack_files(folder: Path) -> list[Path]:
    """pack.yaml first, then the other YAML files of the pack folder, by name."""
    files = sorted(p for p in folder.glob("*.yaml") if p.is_file())
    return sorted(files, key=lambda p: (p.name != "pack.yaml", p.name))


def read_yaml(path: Path) -> tuple[str, yaml.Node | None]:
    text = path.read_bytes().decode("utf-8-sig")
    return text, yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _is_text(node: yaml.Node) -> bool:
    return (isinstance(node, yaml.MappingNode) and bool(node.value)
            and all(isinstance(k, yaml.ScalarNode) and k.value in LANGUAGES and isinstance(v, yaml.ScalarNode)
                    for k, v in node.value))


def _get(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def _names(root: yaml.Node) -> dict[str, str]:
    """Character id -> its Kazakh name, from a story's `characters`."""
    names = {}
    characters = _get(root, "characters")
    if isinstance(characters, yaml.MappingNode):
        for key, value in characters.value:
            name = _get(value, "name")
            kk = _get(name, "kk") if isinstance(name, yaml.MappingNode) else name
            names[key.value] = kk.value if isinstance(kk, yaml.ScalarNode) else ""
    return names


def texts_of(file: str, root: yaml.Node | None) -> list[Found]:
    found: list[Found] = []
    names = _names(root) if root is not None else {}

    def walk(node: yaml.Node, path: list[str], speaker: str) -> None:
        if _is_text(node):
            kk = _get(node, "kk")
            line = (kk or node).start_mark.line + 1
            found.append(Found(file, SEPARATOR.join(path), line, speaker, node))
        elif isinstance(node, yaml.MappingNode):
            said = _get(node, "speaker")
            if isinstance(said, yaml.ScalarNode):
                speaker = f"{said.value} ({names[said.value]})" if names.get(said.value) else said.value
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    walk(value, path + [key.value], speaker)
        elif isinstance(node, yaml.SequenceNode):
            for number, item in enumerate(node.value, 1):
                ident = _get(item, "id")
                walk(item, path + [ident.value if isinstance(ident, yaml.ScalarNode) else str(number)], speaker)

    if root is not None:
        walk(root, [], "")
    return found


def find(root: yaml.Node | None, where: str) -> yaml.MappingNode | None:
    """The text mapping at `where` (as texts_of names it), or None."""
    node = root
    for part in where.split(SEPARATOR) if where else []:
        if isinstance(node, yaml.MappingNode):
            node = _get(node, part)
        elif isinstance(node, yaml.SequenceNode):
            by_id = [item for item in node.value if isinstance(_get(item, "id"), yaml.ScalarNode)
                     and _get(item, "id").value == part]
            node = by_id[0] if by_id else (node.value[int(part) - 1] if part.isdigit()
                                           and 0 < int(part) <= len(node.value) else None)
        else:
            return None
    return node if node is not None and _is_text(node) else None
