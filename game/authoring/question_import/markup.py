"""Texts with HTML or Markdown made plain, saying what was removed.

A hard line break (HTML <br>, </p>, a list item, GIFT's \\n) is returned as BREAK so that the caller can tell it
from a line end of the file, which is only a soft wrap. A picture's description (alt text) and a link's words stay
in the sentence; the picture, sound or video itself is left out and named in a note.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

BREAK = "\ue0ff"

_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")

_PICTURE = frozenset("png jpg jpeg gif svg webp bmp tif tiff".split())
_RECORDING = frozenset("mp3 ogg oga wav m4a aac flac opus wma mp4 m4v webm ogv mov avi mkv wmv".split())
_BLOCKS = frozenset("p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote pre hr dl dt dd section article "
                    "header footer figure figcaption".split())
_RECORDING_TAGS = frozenset("audio video embed object iframe".split())
_HIDDEN = frozenset(("script", "style", "head", "title"))
# no space before closing punctuation or after an opening bracket (the HTML "word&nbsp;?" or "<b>word </b>,")
_SPACE_BEFORE = re.compile(r"[ \t\xa0\u202f]+(?=[,.;:!?)\]»…])")
_SPACE_AFTER = re.compile(r"(?<=[(\[«])[ \t\xa0\u202f]+")

_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_LINE_START = re.compile(r"(?m)^[ \t]*(?:>[ \t]?|[-*+][ \t]+|#{1,6}[ \t]+)")


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text) or _ENTITY.search(text))


def media_kind(address: str) -> str | None:
    """'picture' or 'recording' (a sound or a video) by the file's ending, else None (a web page)."""
    name = urlsplit(address.strip()).path
    ending = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    return "picture" if ending in _PICTURE else "recording" if ending in _RECORDING else None


def _file_name(address: str) -> str:
    name = unquote(urlsplit(address.strip()).path).rstrip("/").rsplit("/", 1)[-1]
    return name or address.strip()


def _left_out(kind: str, address: str, words: str = "") -> str:
    name = _file_name(address)
    kept = f" (its words '{' '.join(words.split())}' stay in the text)" if words.strip() else ""
    if kind == "picture":
        return (f"the picture {name} was left out{kept}: put it in the pack's assets and give the question "
                "'image:'")
    return f"the sound or video {name} was left out{kept}: the game cannot play one inside a question"


class _PlainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.notes: list[str] = []
        self.lists: list[list] = []   # [tag, items so far] of each open <ul>/<ol>
        self.hidden = 0
        self.link: tuple[str, str, int] | None = None  # a link to a media file: kind, address, where its words start

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in ("ul", "ol"):
            self.lists.append([tag, 0])
            self.out.append(BREAK)
        elif tag == "li":
            self.out.append(BREAK)
            if self.lists:
                self.lists[-1][1] += 1
                kind, count = self.lists[-1]
                self.out.append(f"{count}. " if kind == "ol" else "• ")
        elif tag in _BLOCKS:
            self.out.append(BREAK)
        elif tag in ("td", "th"):
            self.out.append(" ")
        elif tag == "img":
            alt = " ".join(attr.get("alt", "").split())
            if alt:
                self.out.append(alt)
            self.notes.append(_left_out("picture", attr.get("src", ""), alt))
        elif tag in _RECORDING_TAGS or (tag == "source" and attr.get("src")):
            address = attr.get("src") or attr.get("data") or ""
            if address:
                self.notes.append(_left_out("recording", address))
        elif tag == "a":
            address = attr.get("href", "")
            kind = media_kind(address)
            self.link = (kind, address, len(self.out)) if kind else None

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self.out.append(BREAK)
        elif tag in _BLOCKS:
            self.out.append(BREAK)
        elif tag == "a" and self.link:
            kind, address, start = self.link
            self.notes.append(_left_out(kind, address, "".join(self.out[start:])))
            self.link = None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("img", "br", "hr", "source", "embed"):
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.out.append(data.replace("\n", " "))  # in HTML a line end is a space


def strip_html(text: str) -> tuple[str, list[str]]:
    """Plain text of an HTML fragment, and notes on what was left out (pictures, sounds, videos)."""
    parser = _PlainText()
    parser.feed(text)
    parser.close()
    plain = "".join(parser.out).replace("\xa0", " ")
    plain = re.sub(rf"\s*{BREAK}[\s{BREAK}]*", BREAK, plain)  # an empty paragraph is no empty line
    return _no_stray_spaces(plain), parser.notes


def strip_markdown(text: str) -> tuple[str, list[str]]:
    notes = [_left_out("picture", m.group(2), m.group(1)) for m in _MD_IMAGE.finditer(text)]
    text = _MD_IMAGE.sub(r"\1", text)
    for link in _MD_LINK.finditer(text):
        kind = media_kind(link.group(2))
        if kind:
            notes.append(_left_out(kind, link.group(2), link.group(1)))
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EM.sub(r"\2", text)
    text = _MD_LINE_START.sub("", text)
    text = re.sub(r"\n[ \t]*\n", BREAK, text)  # an empty line is a new paragraph in Markdown
    text = re.sub(r"  +\n", BREAK, text)       # two spaces at a line end are a line break
    return _no_stray_spaces(text), notes


def _no_stray_spaces(text: str) -> str:
    return _SPACE_AFTER.sub("", _SPACE_BEFORE.sub("", text))


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
