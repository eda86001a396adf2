"""Synthetic protocols in the sample markup, for the benchmark corpus.

Why: a throughput figure needs hundreds of documents of realistic length, and
each of the four samples is a single meeting. A synthetic protocol keeps one
sample's front matter (attendance, label/value tables, table of contents) and
its closing part, and fills the meeting with agenda items drawn from that
sample's own items with a seeded RNG: renumbered, with the sentences of long
plain paragraphs shuffled, so that every document is different text in the
sample's exact layout. The result is markup (scripts/samples/markup.py) that
the unchanged sample builders lay out.
"""
from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass
from pathlib import Path

CONTENT = Path(__file__).resolve().parents[1] / "samples" / "content"


@dataclass(frozen=True)
class Layout:
    """How one sample's text is cut into front matter, agenda items and closing."""
    content: str  # file in scripts/samples/content/
    item: str  # regex: the first line of an agenda item
    number: str  # regex whose group 1 is the item number in that line
    tail: str | None  # regex: the first line of what follows the last item
    opening: int  # items kept at the start, in order (opening the meeting, minutes checkers)
    closing: int  # items kept at the end, in order (other business, next meeting)
    base_pages: float  # pages of front matter, opening, closing and tail
    chars_per_page: int  # markup characters of agenda items per page


# base_pages and chars_per_page were fitted to page counts of generated documents
# (LibreOffice 7.4 for psvo/lsvo); they only steer lengths, the corpus counts real pages.
LAYOUTS = {
    "psvo": Layout("psvo-2024-03-01.txt", r"^# § \d+/\d+", r"§ (\d+)/", None, 2, 2, 2.4, 2600),
    "lsvo": Layout("lsvo-2021-06-04.txt", r"^#{1,2} (\*\*)?§ ?\d+", r"§ ?(\d+)", None, 2, 1, 2.0, 2400),
    "orebro": Layout("orebro-2020-01-31.txt", r"^## \d+\. ", r"^## (\d+)\.", None, 3, 2, 1.6, 2500),
    "vasterbotten": Layout("vasterbotten-2024-03-15.txt", r"^## \d+\. ", r"^## (\d+)\.",
                           r"^### Närvarande Samråd", 2, 1, 3.4, 2300),
}

_SENTENCE_BREAK = re.compile(r"(?<=[.!?]) (?=[A-ZÅÄÖ])")
_MARKUP_CHARS = set("*[]{}<>\t")


@dataclass
class Parts:
    front: list[str]
    items: list[list[str]]
    tail: list[str]


def _clean(lines: list[str]) -> list[str]:
    """Drops the sample's own page breaks: they fall where the seed's pages did.

    A "+" line continues the paragraph that the break interrupted, so it is
    joined back onto that paragraph.
    """
    out: list[str] = []
    for line in lines:
        if line == "@pagebreak":
            continue
        if line.startswith("+"):
            while out and not out[-1].strip():
                out.pop()
            out[-1] = out[-1].rstrip() + " " + line[1:]
            continue
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return out


def split(layout: Layout) -> Parts:
    """Cuts a sample's content file into front matter, agenda items and tail."""
    text = (CONTENT / layout.content).read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if not line.startswith("%")]
    starts = [i for i, line in enumerate(lines) if re.match(layout.item, line)]
    end = len(lines)
    if layout.tail:
        end = next(i for i in range(starts[-1], len(lines)) if re.match(layout.tail, lines[i]))
    bounds = starts + [end]
    items = [_clean(lines[a:b]) for a, b in zip(bounds, bounds[1:])]
    return Parts(lines[:starts[0]], items, lines[end:])


def _shuffle_sentences(line: str, rng: random.Random) -> str:
    """Reorders the sentences of a plain paragraph (no inline markup to break)."""
    if len(line) < 150 or line[0] in "#-@+ " or re.match(r"\d+\. ", line) \
            or line.endswith("  ") or _MARKUP_CHARS & set(line):
        return line
    sentences = _SENTENCE_BREAK.split(line)
    if len(sentences) < 3:
        return line
    rng.shuffle(sentences)
    return " ".join(sentences)


def target_pages(rng: random.Random) -> int:
    """A protocol length: mostly 5 to 40 pages (median about 9), some shorter, a few to 60.

    The mean is about 13.5 pages, so 500 documents (400 of them PDFs) come to
    about 5,400 PDF pages.
    """
    u = rng.random()
    if u < 0.10:
        return rng.randint(2, 4)
    if u < 0.96:
        return round(5 * math.exp(math.log(8) * rng.random() ** 1.8))
    return rng.randint(41, 60)


def synthesize(layout_name: str, rng: random.Random, pages: int) -> str:
    """Markup of one protocol of about `pages` pages in the given sample's layout."""
    layout = LAYOUTS[layout_name]
    parts = split(layout)
    opening = parts.items[:layout.opening]
    closing = parts.items[len(parts.items) - layout.closing:]
    pool = parts.items[layout.opening:len(parts.items) - layout.closing]
    budget = (pages - layout.base_pages) * layout.chars_per_page
    middle: list[list[str]] = []
    last = -1
    while budget > 0:
        pick = rng.randrange(len(pool))
        if pick == last and len(pool) > 1:
            continue
        last = pick
        middle.append(pool[pick])
        budget -= sum(len(line) + 1 for line in pool[pick])

    first = int(re.search(layout.number, parts.items[0][0]).group(1))
    out = list(parts.front)
    for n, item in enumerate(opening + middle + closing):
        head = re.sub(layout.number, lambda m: m.group(0).replace(m.group(1), str(first + n)), item[0],
                      count=1)
        out += ["", head] + [_shuffle_sentences(line, rng) for line in item[1:]]
    if parts.tail:
        out += ["", "@pagebreak"] + parts.tail
    return "\n".join(out) + "\n"
