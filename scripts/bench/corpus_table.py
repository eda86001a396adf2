"""The files that describe a benchmark corpus, whether generated or imported.

Why one module: plan.py, split_list.py, report.py and alternate.sh read corpus.tsv
and corpus.json the same way for every corpus, so make_corpus.py and
import_corpus.py must write them the same way.
"""
from __future__ import annotations

import json
import statistics
import subprocess
from pathlib import Path

COLUMNS = ["name", "format", "layout", "producer", "target_pages", "pages", "bytes", "sha256", "slice"]


def pdf_info(pdf: Path) -> dict[str, str]:
    """pdfinfo's fields ("Pages", "Producer", ...); empty when poppler cannot read the file."""
    done = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, errors="replace")
    if done.returncode != 0:
        return {}
    fields = (line.split(":", 1) for line in done.stdout.splitlines() if ":" in line)
    return {name.strip(): value.strip() for name, value in fields}


def pdf_pages(pdf: Path) -> int | None:
    """The page count pdfinfo reports, or None when poppler cannot read the file."""
    pages = pdf_info(pdf).get("Pages")
    return int(pages) if pages else None


def totals(rows: list[dict]) -> dict:
    pdf = [r for r in rows if r["format"] == "pdf"]
    pages = [r["pages"] for r in pdf]
    return {
        "docs": len(rows), "pdf_docs": len(pdf), "docx_docs": len(rows) - len(pdf),
        "pdf_pages": sum(pages),
        "pages_per_pdf": {"min": min(pages, default=0), "median": statistics.median(pages) if pages else 0,
                          "max": max(pages, default=0)},
        "bytes": sum(r["bytes"] for r in rows),
    }


def by_layout(rows: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in rows:
        key = f"{r['layout']} {r['format']} ({r['producer']})"
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))


def write(out: Path, rows: list[dict], summary: dict) -> None:
    """corpus.tsv, one line per document in COLUMNS order, and corpus.json, the summary."""
    lines = ["\t".join(COLUMNS)] + ["\t".join(str(r[c]) for c in COLUMNS) for r in rows]
    (out / "corpus.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "corpus.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
