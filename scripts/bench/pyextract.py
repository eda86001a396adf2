"""Text of every page of the listed PDFs with pdfplumber or PyMuPDF, one .txt per PDF.

Why: the Python libraries are measured as a batch script would use them: one
interpreter per core, each working through its share of the files, writing the
text out as pdftotext does so that every tool does comparable work. pdfplumber
pages are closed after use, as its documentation advises for long documents,
so that its memory is per page and not per document.

Usage: pyextract.py pdfplumber|pymupdf OUT_DIR LIST_FILE
LIST_FILE names PDFs relative to the working directory, one per line.
"""
from __future__ import annotations

import sys
from pathlib import Path


def pdfplumber_text(path: str) -> str:
    import pdfplumber

    texts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            page.close()
    return "\f".join(texts)


def pymupdf_text(path: str) -> str:
    import pymupdf

    with pymupdf.open(path) as doc:
        return "\f".join(page.get_text() for page in doc)


EXTRACTORS = {"pdfplumber": pdfplumber_text, "pymupdf": pymupdf_text}


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in EXTRACTORS:
        print(__doc__, file=sys.stderr)
        return 64
    extract, out = EXTRACTORS[argv[0]], Path(argv[1])
    failed = 0
    for name in Path(argv[2]).read_text(encoding="utf-8").split():
        try:
            (out / f"{name}.txt").write_text(extract(name), encoding="utf-8")
        except Exception as error:  # a failed file is counted, as xargs counts a failed pdftotext
            print(f"pyextract: {name}: {error}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
