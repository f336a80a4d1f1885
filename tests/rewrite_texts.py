"""Texts to compare a rewritten scan with the spelling it replaced: random mixes of words and separators, and
generated articles (bench/generate.py). Shared by the rewrite tests, each with its own words."""
from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Iterator

SEPARATORS = (" ", "", "  ", ", ", "\n", "-")


def word_mixes(words: list[str], n: int, seed: int, longest: int,
               separators: tuple[str, ...] = SEPARATORS) -> Iterator[str]:
    """``n`` texts of 0..``longest`` words, each followed by a separator, drawn with ``random.Random(seed)``."""
    rnd = random.Random(seed)
    for _ in range(n):
        k = rnd.randint(0, longest)
        yield "".join(rnd.choice(words) + rnd.choice(separators) for _ in range(k))


def generated_texts(n: int) -> list[str]:
    """The first ``n`` generated articles of the benchmark's corpus shape (seed 7, 40 per batch)."""
    bench = str(Path(__file__).resolve().parent.parent / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    from generate import make_doc
    return [make_doc(7, 40, i).text for i in range(n)]
