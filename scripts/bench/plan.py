"""Writes the document lists that the timing and memory passes run on.

Why: the benchmark must fit in about a quarter of an hour on two cores while
the whole-pipeline run alone needs minutes per pass over 5,000 pages. With
--scope part (the default) repetition r runs every tool on part r of R parts
of the corpus, balanced by page count and format, so the corpus is measured
once per core count and the R repetitions still give R rates to take the
median of. --scope whole runs the whole corpus in every repetition (R times
longer). pdfplumber needs about fifty times the CPU per page of pdftotext, so
by default it runs on the part's documents that are in the slice only (a
tenth); --plumber all gives it the whole part.

Usage: plan.py CORPUS_DIR OUT_DIR --reps R [--scope part|whole] [--plumber slice|all]
Writes OUT_DIR/rep-R-FORMAT.txt, rep-R-pdfplumber.txt, {full,slice}-{pdf,docx,all}.txt
and full-pdfplumber.txt (what the memory pass gives pdfplumber).
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path


def balanced(rows: list[dict], parts: int) -> list[list[dict]]:
    """Greedy: the longest documents first, each into the part with the fewest pages."""
    out: list[list[dict]] = [[] for _ in range(parts)]
    weight = [0] * parts
    for row in sorted(rows, key=lambda r: (-int(r["weight"]), r["name"])):
        k = min(range(parts), key=lambda i: (weight[i], i))
        out[k].append(row)
        weight[k] += int(row["weight"])
    return [sorted(p, key=lambda r: r["name"]) for p in out]


def write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(r["name"] + "\n" for r in rows), encoding="utf-8")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--reps", type=int, required=True)
    ap.add_argument("--scope", choices=["part", "whole"], default="part")
    ap.add_argument("--plumber", choices=["slice", "all"], default="slice")
    args = ap.parse_args(argv)
    with open(args.corpus / "corpus.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for r in rows:  # a DOCX weighs what it would as a PDF
        r["weight"] = r["pages"] if r["format"] == "pdf" else r["target_pages"]
    args.out.mkdir(parents=True, exist_ok=True)
    for subset, keep in (("full", lambda r: True), ("slice", lambda r: r["slice"] == "1")):
        chosen = [r for r in rows if keep(r)]
        write(args.out / f"{subset}-all.txt", chosen)
        for fmt in ("pdf", "docx"):
            write(args.out / f"{subset}-{fmt}.txt", [r for r in chosen if r["format"] == fmt])
    plumber_set = "full" if args.plumber == "all" else "slice"
    (args.out / "full-pdfplumber.txt").write_text((args.out / f"{plumber_set}-pdf.txt").read_text())
    for fmt in ("pdf", "docx"):
        docs = [r for r in rows if r["format"] == fmt]
        parts = balanced(docs, args.reps) if args.scope == "part" else [docs] * args.reps
        for rep, part in enumerate(parts, 1):
            write(args.out / f"rep-{rep}-{fmt}.txt", part)
            if fmt == "pdf":
                plumber = part if args.plumber == "all" else [r for r in part if r["slice"] == "1"]
                write(args.out / f"rep-{rep}-pdfplumber.txt", plumber)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
