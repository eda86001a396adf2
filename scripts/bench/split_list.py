"""Splits a document list into N lists with about the same number of pages.

Why: tools given one process per core (PyMuPDF, pdfplumber, protokoll-extract)
finish when their longest share does. `split -n r/N` deals the documents out
in turn, and the corpus cycles through its layouts in a fixed order, so every
other document (one share) got the same layouts, and the 2-core figures
measured that imbalance. Uses the same greedy split as plan.py.

Usage: split_list.py LIST CORPUS_TSV N PREFIX [MIN_PAGES MIN_LISTS]
(writes PREFIX-1 ... PREFIX-N). With MIN_PAGES, fewer lists are made where N
would leave one under MIN_PAGES pages, but never fewer than MIN_LISTS: a list
costs a process start, which small lists (a part's DOCX) do not repay.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from plan import balanced, write


def main(argv: list[str]) -> int:
    listing, corpus_tsv, parts, prefix = Path(argv[0]), Path(argv[1]), int(argv[2]), argv[3]
    min_pages, min_lists = (int(argv[4]), int(argv[5])) if len(argv) > 5 else (0, parts)
    with open(corpus_tsv, encoding="utf-8") as f:
        rows = {r["name"]: r for r in csv.DictReader(f, delimiter="\t")}
    chosen = []
    for name in listing.read_text(encoding="utf-8").split():
        row = rows[name]
        chosen.append({"name": name, "weight": row["pages"] if row["format"] == "pdf" else row["target_pages"]})
    if min_pages > 0:
        pages = sum(int(row["weight"]) for row in chosen)
        parts = max(min_lists, min(parts, pages // min_pages))
    for index, part in enumerate(balanced(chosen, parts), 1):
        write(Path(f"{prefix}-{index}"), part)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
