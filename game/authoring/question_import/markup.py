"""Texts with HTML or Markdown made plain, saying what was removed.

A hard line break (HTML <br>, </p>, GIFT's \\n) is returned as BREAK so that the caller can tell it from a
line end of the file, which is only a soft wrap.
"""
from __future__ import annotations

import html
import re

BREAK = "\ue0ff"

_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_BLOCK_END = re.compile(r"<\s*(br|/p|/div|/li|/h[1-6]|/tr)\b[^<>]*>", re.IGNORECASE)
_IMG = re.compile(r"<\s*img\b", re.IGNORECASE)
_SCRIPT = re.compile(r"<\s*(script|style)\b.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)

_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_LINE_START = re.compile(r"(?m)^[ \t]*(?:>[ \t]?|[-*+][ \t]+)")


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text) or _ENTITY.search(text))


def strip_html(text: str) -> tuple[str, list[str]]:
    """Plain text of an HTML fragment, and notes on what was lost (pictures)."""
    notes = []
    if _IMG.search(text):
        notes.append("a picture (<img>) was left out: put the picture in the pack's assets and add 'image:'")
    text = _SCRIPT.sub(" ", text)
    text = text.replace("\n", " ")  # in HTML a line end is a space
    text = _BLOCK_END.sub(BREAK, text)
    text = _TAG.sub(" ", text)
    return html.unescape(text).replace("\xa0", " "), notes


def strip_markdown(text: str) -> tuple[str, list[str]]:
    notes = []
    if _MD_IMAGE.search(text):
        notes.append("a picture (![..](..)) was left out: put the picture in the pack's assets and add 'image:'")
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EM.sub(r"\2", text)
    text = _MD_LINE_START.sub("", text)
    text = re.sub(r"\n[ \t]*\n", BREAK, text)  # an empty line is a new paragraph in Markdown
    return text, notes


def tidy(text: str) -> str:
    """Soft line ends become spaces, hard breaks real line ends; spaces collapsed; no control characters."""
    text = "".join(" " if (ord(c) < 32 and c != "\n") or 0x7f <= ord(c) < 0xa0 else c for c in text)
    text = text.replace("\n", " ").replace("\u2028", BREAK).replace("\u2029", BREAK)
    lines = [" ".join(part.split()) for part in text.split(BREAK)]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)
