"""Writing one language of a text mapping into the YAML text, changing nothing else."""
from __future__ import annotations

import yaml

from ...core.text import LANGUAGES
from ..question_import.level_writer import quoted


def edit(text: str, mapping: yaml.MappingNode, lang: str, value: str) -> tuple[int, int, str]:
    """(start, end, replacement) that puts `value` as the `lang` text of `mapping` into `text`."""
    new = quoted(value)
    for key, node in mapping.value:
        if key.value == lang:
            start, end = node.start_mark.index, node.end_mark.index
            old = text[start:end]
            if node.style in ("|", ">"):  # a block scalar's span ends with its line break(s): keep them
                new += old[len(old.rstrip()):]
            return start, end, new
    keys = [key.value for key, _ in mapping.value]
    before = [k for k in keys if k in LANGUAGES and LANGUAGES.index(k) < LANGUAGES.index(lang)]
    after_key = before[-1] if before else keys[-1]
    last = next(node for key, node in mapping.value if key.value == after_key)
    end = last.end_mark.index
    if mapping.flow_style:
        return end, end, f", {lang}: {new}"
    indent = " " * mapping.value[0][0].start_mark.column
    newline = "\r\n" if "\r\n" in text else "\n"
    if last.style in ("|", ">"):
        return end, end, f"{indent}{lang}: {new}{newline}"
    line_end = text.find("\n", end)
    if line_end == -1:
        return len(text), len(text), f"{newline}{indent}{lang}: {new}"
    if line_end > 0 and text[line_end - 1] == "\r":
        line_end -= 1
    return line_end, line_end, f"{newline}{indent}{lang}: {new}"


def apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    """The text with every edit made (they do not overlap), from the last to the first."""
    for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):
        text = text[:start] + new + text[end:]
    return text
