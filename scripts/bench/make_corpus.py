"""Generates the benchmark corpus: N protocols from a seed, byte-identical for one seed.

Why: the benchmark must be rerunnable on a fresh clone without any real
protocols, yet look like the real thing to every tool measured. Documents come
in a fixed cycle of ten: four PDFs drawn with reportlab (Örebro, Västerbotten
layouts), four PDFs that LibreOffice made from Word documents (PSVO, LSVO) and
two Word documents kept as DOCX (PSVO, LSVO, with header and footer parts).
Each document's length and text come from its own RNG, seeded with the seed
and its number, so the result does not depend on how the work is spread over
processes. The first tenth of the documents is also linked into slice/, the
corpus ten times smaller that the memory check compares against.

Usage: make_corpus.py --out DIR --docs N --seed S [--jobs J]
Writes DIR/docs/, DIR/slice/, DIR/corpus.tsv (one line per document) and
DIR/corpus.json (the totals).
"""
from __future__ import annotations

import argparse
import hashlib
import math
import multiprocessing
import os
import random
import shutil
import sys
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_table  # noqa: E402
import libreoffice  # noqa: E402
import protocols  # noqa: E402
import render  # noqa: E402

# (layout, what is kept): "pdf" drawn by reportlab, "lo-pdf" a DOCX converted by
# LibreOffice, "docx" the Word document itself.
CYCLE = [("orebro", "pdf"), ("vasterbotten", "pdf"), ("psvo", "lo-pdf"), ("lsvo", "lo-pdf"),
         ("orebro", "pdf"), ("vasterbotten", "pdf"), ("psvo", "docx"), ("lsvo", "docx"),
         ("psvo", "lo-pdf"), ("lsvo", "lo-pdf")]
PRODUCER = {"pdf": "reportlab", "lo-pdf": "LibreOffice", "docx": "python-docx"}


@dataclass(frozen=True)
class Planned:
    index: int
    layout: str
    kind: str
    seed: str

    @property
    def name(self) -> str:
        return f"{self.index:04d}-{self.layout}"

    @property
    def file_name(self) -> str:
        return self.name + (".docx" if self.kind == "docx" else ".pdf")


def plan(docs: int, seed: str) -> list[Planned]:
    return [Planned(i, *CYCLE[(i - 1) % len(CYCLE)], seed=f"{seed}:{i}") for i in range(1, docs + 1)]


def _build(args: tuple[Planned, Path]) -> tuple[Planned, int, Path]:
    doc, out = args
    rng = random.Random(doc.seed)
    target = protocols.target_pages(rng)
    text = protocols.synthesize(doc.layout, rng, target)
    staging = out / ("lo-in" if doc.kind == "lo-pdf" else "docs")
    return doc, target, render.build(doc.layout, doc.name, text, staging)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--docs", type=int, required=True)
    ap.add_argument("--seed", required=True)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    started = time.monotonic()
    for sub in ("docs", "lo-in", "slice"):
        (args.out / sub).mkdir(parents=True, exist_ok=True)

    planned = plan(args.docs, args.seed)
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        built = pool.map(_build, [(doc, args.out) for doc in planned], chunksize=4)
    drawn = time.monotonic()
    libreoffice.convert([path for doc, _, path in built if doc.kind == "lo-pdf"],
                        args.out / "docs", args.jobs)
    shutil.rmtree(args.out / "lo-in")
    converted = time.monotonic()

    in_slice = math.ceil(args.docs / 10)
    rows = []
    for doc, target, _ in built:
        path = args.out / "docs" / doc.file_name
        data = path.read_bytes()
        pages = corpus_table.pdf_pages(path) if path.suffix == ".pdf" else 0
        if pages is None:
            raise SystemExit(f"pdfinfo cannot read the generated {path}")
        rows.append({
            "name": doc.file_name, "format": path.suffix[1:], "layout": doc.layout,
            "producer": PRODUCER[doc.kind], "target_pages": target,
            "pages": pages, "bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(), "slice": int(doc.index <= in_slice),
        })
        if doc.index <= in_slice:
            os.link(path, args.out / "slice" / doc.file_name)

    summary = {
        "seed": args.seed, **corpus_table.totals(rows), "by_layout": corpus_table.by_layout(rows),
        "slice": corpus_table.totals([r for r in rows if r["slice"]]),
        "producers": {"reportlab": version("reportlab"), "python-docx": version("python-docx"),
                      "libreoffice": libreoffice.version()},
        "generation_seconds": {"draw": round(drawn - started, 1), "libreoffice": round(converted - drawn, 1),
                               "total": round(time.monotonic() - started, 1)},
    }
    corpus_table.write(args.out, rows, summary)
    print(f"corpus: {summary['docs']} documents ({summary['pdf_docs']} PDF, {summary['docx_docs']} DOCX), "
          f"{summary['pdf_pages']} PDF pages, {summary['generation_seconds']['total']} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
