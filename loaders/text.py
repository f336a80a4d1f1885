"""Article text → sentences with offsets, language, and a mask of boilerplate.

News pages carry more than the article: media-player lines, share bars, photo
credits, "Tin liên quan"/"Đọc nhiều" lists of other headlines, image file names.
Facts must come only from the article body, so every rule family asks
``Layout.is_body(offset)`` before it keeps a match. The markers are data
(``boilerplate.tsv``), so a new outlet's furniture is a line, not code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from loaders.tables import read_table

_VI_MARKS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
_SENT_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-ZĐÀ-Ỹ0-9])|\n+|(?<=[a-zà-ỹ]{2}\.)(?=[A-ZĐ][a-zà-ỹ])")
_ABBREV_END = re.compile(r"(?:\b(?:TP|Tp|Mr|Mrs|Ms|Dr|St|No|Co|Ltd|Inc|U\.S|H\.E|ThS|TS|PGS|GS)\.|\b[A-ZĐ]\.)$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[re.Pattern, re.Pattern]:
    """(a line that is furniture by itself, a line after which the article is over)."""
    line, tail = [], []
    for row in read_table("boilerplate.tsv"):
        (line if row["role"] == "line" else tail).append(row["pattern"])
    return re.compile("|".join(f"(?:{p})" for p in line), re.I), re.compile("|".join(f"(?:{p})" for p in tail), re.I)


_LETTER = re.compile(r"[^\W\d_]")


def language(text: str) -> str:
    """'vi' when Vietnamese letters are frequent, else 'en'."""
    letters = len(_LETTER.findall(text[:4000])) or 1
    return "vi" if len(_VI_MARKS.findall(text[:4000])) / letters > 0.03 else "en"


class Layout:
    """Lines of the article, which of them are body, and its sentences."""

    def __init__(self, text: str):
        self.text = text
        line_re, tail_re = _boilerplate()
        self._skip: list[tuple[int, int]] = []
        pos = 0
        ended = False
        for line in text.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            stripped = line.strip()
            if ended:
                self._skip.append((start, end))
                continue
            if tail_re.match(stripped):
                ended = True
                self._skip.append((start, end))
            elif stripped and line_re.search(stripped):
                self._skip.append((start, end))
        self._cut_credits()

    def _cut_credits(self) -> None:
        """Photo credits inside a line ("… Ảnh: Xuân Bắc", "(Photo: VNA)") are not body either."""
        for m in re.finditer(r"[(\[]?\b(?:Ảnh|Photo|Nguồn|Source|Video|Clip)\s*:\s*[^.)\]\n|]{0,40}[)\]]?", self.text):
            self._skip.append((m.start(), m.end()))

    def is_body(self, offset: int) -> bool:
        return not any(s <= offset < e for s, e in self._skip)

    def title(self) -> str | None:
        for line in self.text.split("\n"):
            if line.strip():
                return line.strip()
        return None

    def sentences(self) -> list[Sentence]:
        """Sentences of the body, with offsets into the text; headline included."""
        out: list[Sentence] = []
        start = 0
        for m in _SENT_END.finditer(self.text):
            if m.start() > start and _ABBREV_END.search(self.text[max(start, m.start() - 6):m.start()]):
                continue
            self._add(out, start, m.start())
            start = m.end()
        self._add(out, start, len(self.text))
        return out

    def _add(self, out: list[Sentence], start: int, end: int) -> None:
        raw = self.text[start:end]
        lead = len(raw) - len(raw.lstrip())
        s, e = start + lead, start + len(raw.rstrip())
        if e > s and self.is_body(s):
            out.append(Sentence(s, e, self.text[s:e]))


@lru_cache(maxsize=4)
def layout_of(text: str) -> Layout:
    """One Layout per text, shared by the rule families that all ask for it."""
    return Layout(text)


def _is_word(c: str) -> bool:          # what ``\w`` matches in a str pattern
    return c.isalnum() or c == "_"


def _is_letter(c: str) -> bool:        # what ``[^\W\d_]`` matches
    return c.isalnum() and not c.isdecimal()


def occurrences(text: str, surface: str, letters_only: bool = False) -> Iterator[tuple[int, int]]:
    """Spans of ``surface`` standing as a whole word in ``text`` (left to right, not overlapping):
    ``re.finditer(r"(?<!\\w)" + re.escape(surface) + r"(?!\\w)")`` without compiling a pattern per
    name (each document brings new names, so the regex cache would miss every time). With
    ``letters_only`` only letters count as word characters, so "2024Hà Nội" still finds "Hà Nội"."""
    if not surface:
        return
    inside = _is_letter if letters_only else _is_word
    n, i = len(surface), text.find(surface)
    while i >= 0:
        e = i + n
        if (i == 0 or not inside(text[i - 1])) and (e == len(text) or not inside(text[e])):
            yield i, e
            i = text.find(surface, e)
        else:
            i = text.find(surface, i + 1)
