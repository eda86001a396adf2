"""Splits a document list into lists for processes that share the work.

Two ways, for two kinds of tool:

- N lists with about the same number of pages (the default): PyMuPDF and
  pdfplumber get one process per core, which finishes when its share does.
  `split -n r/N` deals the documents out in turn, and the corpus cycles through
  its layouts in a fixed order, so every other document (one share) got the same
  layouts, and the 2-core figures measured that imbalance. Uses the same greedy
  split as plan.py.
- --shrinking: lists that get shorter, for protokoll-extract, whose lists xargs
  hands to N processes as they finish. Each list takes about 1/(2N) of the pages
  still left, but not less than MIN_PAGES, or than 1/(4N) of all pages where
  that is less (a small corpus still gets a few lists per process), so the first
  lists are long (few process starts) and the last ones short: the process that
  finishes first waits for at most one short list. The lists depend on N, never
  on how many processes run, so the 1-core and 2-core runs start the same
  processes on the same documents and a 2-core scaling measures the parallelism
  alone.

Usage: split_list.py LIST CORPUS_TSV N PREFIX
       split_list.py --shrinking LIST CORPUS_TSV N PREFIX MIN_PAGES
(writes PREFIX-1, PREFIX-2, ...).
"""
from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

from plan import balanced, write


def shrinking(rows: list[dict], processes: int, min_pages: int) -> list[list[dict]]:
    """Lists in the documents' order, each of about max(floor, left / (2 × processes)) pages,
    where floor is min_pages or a quarter of a process's share, whichever is less. A list
    ends before a document that would take it further past its size than it is short of it;
    a last list under half of floor joins the one before."""
    left = sum(int(r["weight"]) for r in rows)
    floor = min(min_pages, math.ceil(left / (4 * processes)))
    lists: list[list[dict]] = []
    current: list[dict] = []
    pages = 0
    for row in rows:
        weight = int(row["weight"])
        size = max(floor, left / (2 * processes))
        if current and pages + weight - size > size - pages:
            lists.append(current)
            left -= pages
            current, pages = [], 0
        current.append(row)
        pages += weight
        if pages >= max(floor, left / (2 * processes)):
            lists.append(current)
            left -= pages
            current, pages = [], 0
    if current:
        if lists and pages < floor / 2:
            lists[-1] += current
        else:
            lists.append(current)
    return lists


def main(argv: list[str]) -> int:
    shrink = argv[:1] == ["--shrinking"]
    argv = argv[1:] if shrink else argv
    listing, corpus_tsv, processes, prefix = Path(argv[0]), Path(argv[1]), int(argv[2]), argv[3]
    with open(corpus_tsv, encoding="utf-8") as f:
        rows = {r["name"]: r for r in csv.DictReader(f, delimiter="\t")}
    chosen = []
    for name in listing.read_text(encoding="utf-8").split():
        row = rows[name]
        chosen.append({"name": name, "weight": row["pages"] if row["format"] == "pdf" else row["target_pages"]})
    lists = shrinking(chosen, processes, int(argv[4])) if shrink else balanced(chosen, processes)
    for index, part in enumerate(lists, 1):
        write(Path(f"{prefix}-{index}"), part)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
