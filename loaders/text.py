"""The one text layer: article text → ``TextDoc`` (language, lines, body mask, sentences).

News pages carry more than the article: media-player lines, share bars, photo
credits, "Tin liên quan"/"Đọc nhiều" lists of other headlines, image file names.
Facts must come only from the article body, so every rule family asks
``is_body(offset)`` before it keeps a match. The markers are data
(``boilerplate.tsv``, ``abbreviations.tsv``), so a new outlet's furniture is a line, not code.

``text_doc(doc, text)`` is made once per article and handed to every rule family: one
language guess, one line classification (headline, caption, heading, prose), one sentence
splitter. Quotes (commitments) come from prose sentences only; names (persons, places) may
come from any body line, captions included. ``layout_of(text).is_body`` stays for callers
that only need the mask.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate
from typing import Iterator

from loaders.patterns import AnyOf, Gated, guarded
from loaders.tables import column as read_column, read_table

_VI_MARKS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
# The same characters without re.I: each letter in both cases, listed (tests/test_text_words.py checks every code
# point against _VI_MARKS). Why: re folds the case of every character it tests under re.I; ``language`` counts the
# marks of every article's head (300 generated articles: 5.1 -> 3.9 ms for the first 1,000 characters).
_VI_MARKS_LISTED = re.compile("[" + "".join(sorted({c for x in _VI_MARKS.pattern[1:-1] for c in (x, x.upper())})) + "]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    prose: bool = True       # False for the headline and for title-like lines (captions, link lists)


@dataclass(frozen=True)
class Line:
    """One line of the article, trimmed, with a trailing photo credit cut off.

    ``kind``: "headline" (the first line, and its repeats), "caption" (set off by bars), "heading"
    (a short line with no end punctuation: a caption stub, a related link, a section title) or "prose"."""

    start: int
    end: int
    kind: str


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[AnyOf, re.Pattern, AnyOf]:
    """(a line that is furniture by itself, a line after which the article is over, a caption line:
    body for names, but no prose to quote)."""
    roles: dict[str, list[str]] = {"line": [], "tail": [], "caption": []}
    for row in read_table("boilerplate.tsv"):
        if row["role"] not in roles:
            raise ValueError(f"boilerplate.tsv: role must be one of {sorted(roles)}, not {row['role']!r}")
        roles[row["role"]].append(row["pattern"])
    return (AnyOf(roles["line"], re.I), re.compile("|".join(f"(?:{p})" for p in roles["tail"]), re.I),
            AnyOf(roles["caption"], re.I))


# every character is a letter ([^\W\d_]), a space, or one of these: letters = length - spaces - these.
# Why: most characters are letters and a findall of them made a match each; the others are few (300
# generated articles: 0.050 CPU-s one match per letter, 0.027-0.042 by letter runs, 0.023 this way)
_NOT_LETTER_OR_SPACE = re.compile(r"[^\w ]|[\d_]")


def letter_count(s: str) -> int:
    """How many characters of ``s`` are letters (what ``[^\\W\\d_]`` matches)."""
    return len(s) - s.count(" ") - len(_NOT_LETTER_OR_SPACE.findall(s))


_SETTLED = 1000        # characters of the head counted first: a Vietnamese article is told by them alone


def language(text: str) -> str:
    """'vi' when Vietnamese letters are frequent (over 3 % of the head's letters), else 'en'."""
    head = text[:4000]
    # The head has at most len(head) letters, so marks over 3 % of len(head) in its first characters
    # already decide 'vi' (the same answer: marks only grow, the letters can only be fewer). A Vietnamese
    # article carries a mark on 25-28 % of its letters and is settled within ~600 characters; counting
    # all 4,000 and their letters cost 0.029 CPU-s over 300 generated articles.
    if len(_VI_MARKS_LISTED.findall(head, 0, _SETTLED)) / len(head or " ") > 0.03:
        return "vi"
    letters = letter_count(head) or 1
    return "vi" if len(_VI_MARKS_LISTED.findall(head)) / letters > 0.03 else "en"


_NON_WORDS = re.compile(r"[\W_]+")


def fold_words(s: str) -> str:
    """Lower case, NFC, punctuation to single spaces: to compare a line with the headline."""
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    return _NON_WORDS.sub(" ", s.lower()).strip()


# speed: the guard lets re skip to the credit's possible first characters (the optional bracket hides them)
# Gated: most articles hold none of the credit words, and a search for them in the text costs less than the
# guarded scan (300 generated articles, alone: 6.2 -> 2.4 ms)
_CREDIT_INLINE = Gated(re.compile(guarded(r"[(\[]?\b(?:Ảnh|Photo|Nguồn|Source|Video|Clip)\s*:\s*[^.)\]\n|]{0,40}[)\]]?")))
_CREDIT_END = re.compile(r"(?:\s*[.(]?\s*(?:Ảnh|Photo|Nguồn|Source|Video|Clip)\s*:\s*[^()\n]{0,60}\)?\s*\|?\s*)$", re.I)
_TERMINAL = ".!?…:;\"”’'»/"
HEADING_WORDS = 30          # a line this short without end punctuation is a title, not prose


class Layout:
    """Lines of the article, which of them are body, and its sentences."""

    def __init__(self, text: str):
        self.text = text
        line_re, tail_re, self._caption_re = _boilerplate()
        self._skip: list[tuple[int, int]] = []
        self.lines: list[Line] = []
        pos = 0
        ended = False
        headline: str | None = None
        blank_ends = tail_re.match("") is not None         # (no tail pattern matches a blank line: data can)
        for line in text.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            stripped = line.strip()
            if ended:
                self._skip.append((start, end))
                continue
            if not stripped and not blank_ends:
                continue                                    # half an article's lines: no pattern to try
            if tail_re.match(stripped):
                ended = True
                self._skip.append((start, end))
            elif stripped and line_re.search(stripped):
                self._skip.append((start, end))
            elif stripped:
                first = headline is None
                if first:
                    headline = fold_words(stripped) if len(stripped.split()) <= HEADING_WORDS else ""
                    self._headline_word = max(headline.split(" "), key=len)
                self._add_line(start, end, headline, first)
        credits = [(m.start(), m.end()) for m in _CREDIT_INLINE.finditer(text)]
        self._skip.extend(credits)
        # only an inline credit can fall inside a kept line: without one, every sentence of the lines is body
        self._lines_all_body = not credits
        # the skipped spans merged and sorted, for a bisection per offset (is_body is asked ~65 times an
        # article; a scan of every span each time cost ~1 % of extraction)
        merged: list[list[int]] = []
        for a, b in sorted(x for x in self._skip if x[0] < x[1]):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._skip_starts = [a for a, _ in merged]
        self._skip_ends = [b for _, b in merged]

    def _add_line(self, s: int, e: int, headline: str, first: bool) -> None:
        text = self.text
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        seg, e_full = text[s:e], e
        m = _CREDIT_END.search(seg) if ":" in seg[-80:] else None      # a credit has a colon near the end
        ends = seg[-1:]
        if m and m.start() > 0:
            stop = m.group().lstrip()[:1] == "."          # "… bài viết. Ảnh: X": the stop stays with the text
            ends = "." if stop else text[s + m.start() - 1]
            e = s + m.start() + (m.group().index(".") + 1 if stop else 0)
            while e > s and text[e - 1] in " \t|":
                e -= 1
            seg = text[s:e]
        if not seg:
            return
        if headline and (first or self._may_repeat(seg) and fold_words(seg) == headline):
            kind = "headline"
        elif self._caption_re.search(text[s:e_full]):
            kind = "caption"
        elif ends not in _TERMINAL and len(seg.split()) <= HEADING_WORDS:
            kind = "heading"
        else:
            kind = "prose"
        self.lines.append(Line(s, e, kind))

    def _may_repeat(self, seg: str) -> bool:
        """False when ``seg`` cannot fold to the headline: an NFC line whose lower case lacks the headline's
        longest word (``_headline_word``, found once) cannot (fold_words lower-cases and joins the line's word
        runs, each a substring of it). Why: fold_words costs ~12 µs a line and every line of an article was
        folded to compare."""
        if not unicodedata.is_normalized("NFC", seg):
            return True
        return self._headline_word in seg.lower()

    def is_body(self, offset: int) -> bool:
        """Not inside a skipped span (``not any(s <= offset < e for s, e in skipped)``)."""
        i = bisect_right(self._skip_starts, offset) - 1
        return i < 0 or offset >= self._skip_ends[i]

    def title(self) -> str | None:
        for line in self.text.split("\n"):
            if line.strip():
                return line.strip()
        return None

    def sentences(self) -> list[Sentence]:
        """Sentences of the body, with offsets into the text; headline and headings included
        (``prose`` False), the last line kept as prose even when it is cut mid-sentence."""
        out: list[Sentence] = []
        last = self.lines[-1] if self.lines else None
        text, all_body = self.text, self._lines_all_body
        for ln in self.lines:
            prose = ln.kind == "prose" or (ln is last and ln.kind == "heading")
            for s, e in _split_line(text, ln.start, ln.end):       # a line holds no newline to cut at
                if all_body or self.is_body(s):
                    out.append(_sentence(s, e, text[s:e], prose))
        return out


_new_object = object.__new__


def _sentence(start: int, end: int, text: str, prose: bool) -> Sentence:
    """``Sentence(start, end, text, prose)``, its fields set in its ``__dict__`` directly: the frozen dataclass's
    ``__init__`` sets each through ``object.__setattr__`` (0.87 → 0.17 µs a sentence; ~25 an article). The same
    object: equal, same hash and repr (tests/test_text_words.py)."""
    x = _new_object(Sentence)
    d = x.__dict__
    d["start"] = start
    d["end"] = end
    d["text"] = text
    d["prose"] = prose
    return x


# a stop with its closing quotes, then (group 1) the spaces after it: one match instead of a step per space
_BOUNDARY = re.compile(r"[.!?…]+[\"”’»)\]]*(\s*)")
_NEWLINE = re.compile(r"\n")
_ABBREV = frozenset(read_column("abbreviations.tsv", "abbreviation"))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``. A stop ends a sentence before a capital, a digit
    or an opening quote, unless it ends an abbreviation ("TP.", "Mr.", "U.S.", an initial); a stop
    glued to a capitalised word ("hợp tác.Chiều") also ends one; newlines always cut."""
    end = len(text) if end is None else end
    out = _split_line(text, start, end)
    final: list[tuple[int, int]] = []
    for s, e in out:
        if text.find("\n", s, e) < 0:          # most sentences (a line's, always): nothing to cut
            final.append((s, e))               # already trimmed by _push
            continue
        p = s
        for m in _NEWLINE.finditer(text, s, e):
            _push(text, final, p, m.start())
            p = m.end()
        _push(text, final, p, e)
    return final


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``split_sentences`` but for its cuts at newlines (the same spans where ``text[start:end]`` has none)."""
    out: list[tuple[int, int]] = []
    cur = start
    for m in _BOUNDARY.finditer(text, start, end):
        b, j = m.span(1)                   # the stop's end; past the spaces after it (\s is str.isspace)
        cut = False
        if b >= end:
            cut = False
        elif j > b:
            c = text[j:j + 1]
            if "\n" in text[b:j]:
                cut = True
            elif c and (c.isupper() or c.isdigit() or c in "“\"‘«(–-•*["):
                cut = not _is_abbrev(text, m.start(), cur)
        elif text[b].isupper() and text[b + 1:b + 2].islower() and text[m.start()] == ".":
            prev = text[max(cur, m.start() - 2):m.start()]
            cut = len(prev) == 2 and (prev[-1].islower() or prev[-1].isdigit()) and not _is_abbrev(text, m.start(), cur)
        if cut:
            _push(text, out, cur, b)
            cur = b
    _push(text, out, cur, end)
    return out


def _is_abbrev(text: str, dot: int, floor: int) -> bool:
    # the word before the stop: what follows the last space in text[floor:dot] (str.rsplit's spaces are
    # str.isspace's), or nothing when a space stands right before the stop (was a walk back per character)
    word = text[floor:dot]
    if not word or word[-1].isspace():
        return False
    word = word.rsplit(None, 1)[-1].strip("(“\"‘")
    tok = word.lower()
    if not tok:
        return False
    if tok in _ABBREV:
        return True
    return len(tok) == 1 and tok.isalpha() and word.isupper()


def _push(text: str, out: list, s: int, e: int) -> None:
    seg = text[s:e]
    body = seg.lstrip()                 # str.strip drops what str.isspace calls space: the same trim, in C
    s += len(seg) - len(body)
    e = s + len(body.rstrip())
    if s < e:
        out.append((s, e))


@lru_cache(maxsize=4)
def layout_of(text: str) -> Layout:
    """One Layout per text, shared by the rule families that all ask for it."""
    return Layout(text)


# ---------------------------------------------------------------------------------------------
# words: one tokenization of the text, shared

# A word: a run of letters with the apostrophes and hyphens inside it ("Mayor’s", "Xiêng-khoảng"), a run of
# digits, or a possessive "'s" after a space. Alternatives start with disjoint characters (letter, digit, quote),
# so their order does not change a match; words first because they are most of the text (20 % less CPU on 300
# generated articles). (The persons' tokenizer's words: loaders/persons.py re-exports it as ``WORD``.)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+|-[^\W\d_]+)*|\d+|(?<=\s)['’]s(?![^\W\d_])")
assert WORD.groups == 0
_WORD_SPLIT = re.compile(f"({WORD.pattern})")       # split keeps the words: [gap, word, gap, word, …, gap]
_LETTER = r"[^\W\d_]"


def _astral(text: str) -> bool:
    """Does ``text`` hold a character past U+FFFF (a surrogate pair each in UTF-16)? 1.5 µs an article, where a
    regex search for one cost 10."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


@lru_cache(maxsize=1)
def _bmp_word_split() -> re.Pattern:
    """``_WORD_SPLIT`` for texts without characters beyond U+FFFF: the letter class ``[^\\W\\d_]`` spelled out
    as the ranges of Basic Multilingual Plane code points it matches (found by that class itself, so the same
    set under this Python's Unicode tables). Why: re tests a listed set with one table look-up per character,
    the categories of ``[^\\W\\d_]`` with several; the split went 33 → 24 ms over 300 generated articles
    (tokenize 51.7 → 44.0 ms, medians of 9). Built once per process: 9 ms.
    A text with a character past the BMP keeps the category class (the listed set stops at U+FFFF)."""
    runs: list[list[int]] = []
    for base in range(0, 0x10000, 0x1000):      # by blocks: all 65,536 one-character strings at once held ~5 MB
        block = "".join(map(chr, range(base, base + 0x1000)))
        for m in re.finditer(_LETTER + "+", block):
            a, b = base + m.start(), base + m.end()
            if runs and runs[-1][1] == a:
                runs[-1][1] = b                  # a run across two blocks
            else:
                runs.append([a, b])
    spelled = "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b - 1)) if b - a > 1 else "") for a, b in runs) + "]"
    # only the word's first run, where nearly every character is read: the class elsewhere (after a quote or a
    # hyphen, in a lookahead) is tried a few times an article, so one spelled copy keeps the pattern small
    return re.compile(_WORD_SPLIT.pattern.replace(_LETTER, spelled, 1))


class Words:
    """The words of one text (``WORD``'s matches, left to right) as three parallel lists: ``words[k]`` spans
    ``starts[k]:ends[k]``. Made once per article (``TextDoc.words``) for every rule family that reads words: the
    persons' tokens are these, and the scans that look for words out of a table ask ``runs`` which words the
    text holds at all.

    Why lists, not a tuple per word: one ``split`` gives the words and the gaps between them, their running
    lengths the offsets, with no Python step per word; an article has thousands of words (the persons' Token
    tuples were a third of their tokenizer's CPU)."""

    __slots__ = ("text", "words", "starts", "ends", "_runs", "_lower_runs")

    def __init__(self, text: str):
        # the same words as ``[(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]`` (split scans as
        # finditer does); tests/test_persons_text_rewrites.py compares them
        parts = (_WORD_SPLIT if _astral(text) else _bmp_word_split()).split(text)
        bounds = list(accumulate(map(len, parts)))
        self.text = text
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = bounds[0:-1:2]
        self.ends: list[int] = bounds[1::2]
        self._runs: frozenset[str] | None = None
        self._lower_runs: frozenset[str] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def runs(self) -> frozenset[str]:
        """Every run of letters in the text (``[^\\W\\d_]+``, as long as it goes), once each; some runs of
        digits too. A letter run is a word or a piece of one between its apostrophes and hyphens (every letter
        is in a word, and a word's letters run on only across those marks), so the set comes from the distinct
        words by string methods alone, in C: a regex pass over the text would cost as much as the split."""
        if self._runs is None:
            self._runs = _runs(" ".join(set(self.words)))
        return self._runs

    def lower_runs(self) -> frozenset[str]:
        """``runs`` lower-cased: the runs of the lower-cased text where lower-casing keeps every offset
        (``loaders.patterns`` asks only then: a letter's lower case is a letter, and but for the capital sigma,
        which that test refuses, a character lower-cases alone). Over 300 generated articles 0.013 CPU-s,
        where the three persons' scans that ask it saved ~0.030 (bench/RESULTS.md, eighth session)."""
        if self._lower_runs is None:
            self._lower_runs = _runs(" ".join(set(self.words)).lower())
        return self._lower_runs


def _runs(joined: str) -> frozenset[str]:
    """The runs of letters of words joined by spaces: the words cut at their inner apostrophes and hyphens
    (``str.replace``: ``str.translate`` reads a non-ASCII text a character at a time)."""
    if "'" in joined or "’" in joined or "-" in joined:
        joined = joined.replace("'", " ").replace("’", " ").replace("-", " ")
    return frozenset(joined.split(" "))


@dataclass(frozen=True)
class TextDoc:
    """One article as every rule family reads it, made once by ``text_doc``: the text, its
    language, its layout (lines, body mask) and its sentences. Rule families take this object
    instead of deriving their own masks, splitters and language guesses."""

    doc: str
    text: str
    lang: str
    layout: Layout
    sentences: tuple[Sentence, ...]
    title: str | None

    def is_body(self, offset: int) -> bool:
        return self.layout.is_body(offset)

    def prose(self) -> tuple[Sentence, ...]:
        """Sentences of prose lines: no headline, no caption stub, no related link."""
        return tuple(s for s in self.sentences if s.prose)

    @cached_property
    def words(self) -> Words:
        """The text's words, made at the first ask and kept on this object (not in a cache of texts: the
        words of the articles before kept alive made the next article's words ~20 % slower to make, the
        allocator handing out memory that was not warm; persons' set-up over 300 generated articles, 7 runs)."""
        return Words(self.text)


def text_doc(doc: str, text: str) -> TextDoc:
    layout = layout_of(text)
    return TextDoc(doc=doc, text=text, lang=language(text), layout=layout, sentences=tuple(layout.sentences()),
                   title=layout.title())


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
