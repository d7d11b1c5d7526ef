"""Reading a question bank file: at most 1 MiB, UTF-8 with or without a BOM, else a clear refusal."""
from __future__ import annotations

import unicodedata
from pathlib import Path

from ...core.textfile import BOM, BadByte, likely_code_page, utf8_text

MAX_BANK_BYTES = 1024 * 1024
_SAVE_AS_UTF8 = "save it as UTF-8 (in Notepad: File > Save as... > Encoding: UTF-8) and import it again"


class BankFileError(Exception):
    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def read_bank(path: Path) -> str:
    """The text of the bank, NFC-normalised, with '\\n' line ends; BankFileError when it cannot be."""
    try:
        if path.is_dir():
            raise BankFileError(f"{path} is a folder, not a question bank file")
        size = path.stat().st_size
        if size > MAX_BANK_BYTES:
            raise BankFileError(f"the file is {size // 1024} KiB; a question bank may be at most 1 MiB",
                                "export the questions in smaller parts (one category at a time)")
        raw = path.read_bytes()
    except OSError as exc:
        raise BankFileError(f"cannot read {path} ({exc.strerror or exc})", "check the file name") from None
    return decode_bank(raw)


def decode_bank(raw: bytes) -> str:
    if len(raw) > MAX_BANK_BYTES:
        raise BankFileError("the file is larger than 1 MiB", "export the questions in smaller parts")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BankFileError("the file is UTF-16 text (\"Unicode\" in Notepad), not UTF-8", _SAVE_AS_UTF8)
    if b"\x00" in raw:
        raise BankFileError("this is not a text file (it contains binary data)",
                            "export the questions from Moodle in GIFT or Aiken format (a .txt file)")
    text = utf8_text(raw)
    if isinstance(text, BadByte):
        raise BankFileError(f"the file is not UTF-8 text (line {text.line}, byte 0x{text.byte:02x})",
                            _guess_encoding(raw.removeprefix(BOM)))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _guess_encoding(raw: bytes) -> str:
    """A hint naming the likely Windows code page when the bytes read as Cyrillic text in it."""
    codec = likely_code_page(raw)
    if codec is None:
        return _SAVE_AS_UTF8
    name = {"kz1048": "Kazakh Windows (KZ-1048)", "cp1251": "Cyrillic Windows (cp1251)"}[codec]
    return (f"it looks like {name} text: {_SAVE_AS_UTF8}; "
            f"or convert it with: iconv -f {codec} -t utf-8 OLD.txt > NEW.txt")
