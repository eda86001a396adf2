"""Makes a benchmark corpus of a folder of the user's own PDF and DOCX files.

Why: figures on the generated corpus say how protokoll does on four layouts; a
user deciding between tools wants them on their own protocols, with the same
harness and the same report. `BENCH_CORPUS=DIR make bench` runs this instead of
the generator. Every *.pdf and *.docx under DIR (any depth, any case of the
suffix) is linked into docs/ under a short safe name, NNNN-<stem>.<suffix>, in
the order of their paths, so names with spaces or quotes cannot trip the
measured commands. The source files are never changed. A file poppler cannot
read (encrypted, damaged) stays in, with 0 pages: every tool meets it, as in
a real backlog. A PDF with no text layer on any page (a scan) is left out
unless --keep-scanned: protokoll reads it by OCR, at seconds per page, while
the text extractors return nothing for it, so one scan would decide every
ratio (scripts/bench/ocr.sh measures OCR). corpus.json names the files left
out and counts the pages without text in the PDFs kept. The first tenth of the
files is also linked into slice/.

The folder is named after a hash of the files' paths and contents and of this
script, so a rerun reuses it and any change makes a new one.

Usage: import_corpus.py SOURCE_DIR BENCH_DIR [--keep-scanned]    (prints the corpus folder)
"""
from __future__ import annotations

import hashlib
import math
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_table  # noqa: E402

SUFFIXES = {".pdf": "pdf", ".docx": "docx"}
# Fewer visible characters than this make a page "without text", as for protokoll's OCR
# (`--ocr-min-chars`).
MIN_PAGE_CHARACTERS = 20


def find(source: Path) -> list[Path]:
    found = [p for p in source.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()]
    return sorted(found, key=lambda p: p.relative_to(source).as_posix().encode())


def safe_name(index: int, path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", path.stem).strip("_")[:60] or "document"
    return f"{index:04d}-{stem}.{SUFFIXES[path.suffix.lower()]}"


def docx_pages(path: Path) -> int:
    """The page count Word saved in docProps/app.xml, or 1 when there is none.

    Only plan.py reads it, to balance the repetitions' parts; DOCX rates are per document."""
    try:
        with zipfile.ZipFile(path) as z:
            app = z.read("docProps/app.xml")[:100_000].decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError):
        return 1
    match = re.search(r"<Pages>(\d+)</Pages>", app)
    return max(1, int(match.group(1))) if match else 1


def textless_pages(pdf: Path) -> int:
    """How many pages pdftotext finds fewer than MIN_PAGE_CHARACTERS visible characters on."""
    done = subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", str(pdf), "-"], capture_output=True)
    pages = done.stdout.decode("utf-8", "replace").split("\f")[:-1]
    return sum(1 for page in pages if len("".join(page.split())) < MIN_PAGE_CHARACTERS)


def main(argv: list[str]) -> int:
    keep_scanned = "--keep-scanned" in argv
    argv = [a for a in argv if a != "--keep-scanned"]
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    source, bench_dir = Path(argv[0]).resolve(), Path(argv[1])
    if not source.is_dir():
        print(f"bench: BENCH_CORPUS {source} is not a folder", file=sys.stderr)
        return 66
    files = find(source)
    if not files:
        print(f"bench: no *.pdf or *.docx under {source}", file=sys.stderr)
        return 66
    started = time.monotonic()
    key = hashlib.sha256(Path(__file__).read_bytes() + f"keep_scanned={keep_scanned}".encode())
    digests = []
    for path in files:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        digests.append(digest)
        key.update(f"{path.relative_to(source).as_posix()}\0{digest}\n".encode())
    corpus = bench_dir / f"corpus-import-{key.hexdigest()[:12]}"
    if (corpus / "corpus.json").is_file():
        print(f"bench: corpus {corpus} (cached, from {source})", file=sys.stderr)
        print(corpus)
        return 0

    partial = corpus.with_name(corpus.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    (partial / "docs").mkdir(parents=True)
    (partial / "slice").mkdir()
    kept, scanned, textless = [], [], 0
    for path, digest in zip(files, digests):
        fmt = SUFFIXES[path.suffix.lower()]
        info = corpus_table.pdf_info(path) if fmt == "pdf" else {}
        pages = int(info.get("Pages", 0))
        without_text = textless_pages(path) if pages else 0
        if pages and without_text == pages and not keep_scanned:
            scanned.append(path.relative_to(source).as_posix())
            continue
        textless += without_text
        kept.append((path, digest, fmt, info, pages))
    in_slice = math.ceil(len(kept) / 10)
    rows = []
    for index, (path, digest, fmt, info, pages) in enumerate(kept, start=1):
        name = safe_name(index, path)
        os.symlink(path, partial / "docs" / name)
        producer = " ".join(info.get("Producer", "").split()[:2]).rstrip(",;") or "unknown"
        rows.append({
            "name": name, "format": fmt, "layout": "imported",
            "producer": producer if fmt == "pdf" else "docx",
            "target_pages": pages if fmt == "pdf" else docx_pages(path), "pages": pages,
            "bytes": path.stat().st_size, "sha256": digest, "slice": int(index <= in_slice),
        })
        if index <= in_slice:
            os.symlink(path, partial / "slice" / name)
    if not rows:
        shutil.rmtree(partial)
        print(f"bench: every file under {source} is a scan; --keep-scanned measures them", file=sys.stderr)
        return 66
    unreadable = [r["name"] for r in rows if r["format"] == "pdf" and r["pages"] == 0]
    summary = {
        "seed": None, "source": str(source), **corpus_table.totals(rows),
        "unreadable_pdfs": len(unreadable), "textless_pages": textless, "scanned_left_out": scanned,
        "by_layout": corpus_table.by_layout(rows),
        "slice": corpus_table.totals([r for r in rows if r["slice"]]),
        "producers": {}, "generation_seconds": {"total": round(time.monotonic() - started, 1)},
    }
    corpus_table.write(partial, rows, summary)
    partial.rename(corpus)
    print(f"bench: imported {len(rows)} documents ({summary['pdf_docs']} PDF with {summary['pdf_pages']} pages, "
          f"{summary['docx_docs']} DOCX; {len(unreadable)} PDFs pdfinfo cannot read, {len(scanned)} scans left out) "
          f"from {source} into {corpus}", file=sys.stderr)
    print(corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
