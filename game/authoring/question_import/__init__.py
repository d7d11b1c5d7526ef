"""`import-questions`: a Moodle question bank (GIFT or Aiken) turned into a quiz level file.

    source.py        read the bank file: size limit, UTF-8 (with or without BOM), a clear refusal otherwise
    model.py         the imported questions, independent of both the bank format and our YAML
    markup.py        HTML and Markdown texts made plain, naming the pictures and sounds left out
    gift.py, aiken.py  the two parsers: text -> model, with every skipped item and its line number
    level_writer.py  model -> a commented, quoted level YAML file of our format
    command.py       the command line: report, checks the result with the game's own loader, writes it

Nothing here imports pygame.
"""
from __future__ import annotations

from .model import BankResult, Choice, ImportedQuestion, Message, NumberAnswer

FORMATS = ("gift", "aiken")


def parse_bank(text: str, fmt: str) -> BankResult:
    """Parse the text of a bank in `fmt` ("gift" or "aiken")."""
    if fmt == "gift":
        from .gift import parse_gift
        return parse_gift(text)
    if fmt == "aiken":
        from .aiken import parse_aiken
        return parse_aiken(text)
    raise ValueError(f"unknown format {fmt!r}")


__all__ = ["FORMATS", "BankResult", "Choice", "ImportedQuestion", "Message", "NumberAnswer", "parse_bank"]
