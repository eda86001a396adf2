"""Check the generated samples against the seed texts and the furniture rules.

Why: the samples are only useful if they are faithful: every word of the seed
body must be in the PDF's text layer (in order), the page furniture must be on
every page, and the DOCX files must really contain the OOXML features they are
meant to exercise. This is a developer check run by make-samples.sh when the
seeds are at hand (they live outside the repository, in shared/seeds).

Usage: python3 scripts/samples/check_samples.py [--seeds DIR]
"""
from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SAMPLES = REPO / "samples"
FIXTURES = REPO / "Tests" / "Fixtures" / "pdf"

SEED_OF = {
    "psvo-2024-03-01.pdf": "000_cbd600753ab852f4.txt",
    "orebro-2020-01-31.pdf": "001_48e193fe13c6cdf9.txt",
    "lsvo-2021-06-04.pdf": "002_029c77288144ec65.txt",
    "vasterbotten-2024-03-15.pdf": "004_cbd6700fdbc23942.txt",
}

ATOM = re.compile(r"[0-9A-Za-zÀ-ÿ§→]+")
failures: list[str] = []


def fail(msg: str) -> None:
    failures.append(msg)
    print("FAIL", msg)


def atoms(text: str) -> list[str]:
    return [a.lower() for a in ATOM.findall(text)]


def seed_plain(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    return text.replace("*", "").replace("#", "")


def pdftotext(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", "-layout", *args, str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def check_text(pdf: Path, seed: Path) -> None:
    text = pdftotext(pdf)
    want = atoms(seed_plain(seed.read_text(encoding="utf-8")))
    have = atoms(text)
    missing = Counter(want) - Counter(have)
    if missing:
        fail(f"{pdf.name}: seed words missing or too few: {dict(missing)}")
    sm = difflib.SequenceMatcher(None, want, have, autojunk=False)
    in_order = sum(b.size for b in sm.get_matching_blocks()) / len(want)
    print(f"  {pdf.name}: {len(want)} seed words, all present: {not missing}, "
          f"in order: {in_order:.1%}")
    if in_order < 0.9:  # furniture repeats at other places than in the seed
        fail(f"{pdf.name}: only {in_order:.1%} of the seed words in seed order")


def check_furniture(pdf: Path, required) -> None:
    pages = pdftotext(pdf).split("\f")[:-1]
    for n, page in enumerate(pages, 1):
        for s in required(n, len(pages)):
            if s not in page:
                fail(f"{pdf.name} page {n}: furniture {s!r} missing")
    print(f"  {pdf.name}: furniture checked on {len(pages)} pages")


def check_docx(path: Path, must: dict[str, list[str]]) -> None:
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        for pattern, needles in must.items():
            parts = [n for n in names if re.fullmatch(pattern, n)]
            if not parts:
                fail(f"{path.name}: no part matching {pattern}")
                continue
            xml = "".join(z.read(p).decode("utf-8") for p in parts)
            for needle in needles:
                if needle not in xml:
                    fail(f"{path.name}: {pattern} lacks {needle!r}")
    print(f"  {path.name}: parts {sorted(n for n in names if n.startswith('word/') and n.endswith('.xml'))}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    default_seeds = os.environ.get("PROTOKOLL_SEEDS", str(REPO.parent / "shared" / "seeds"))
    ap.add_argument("--seeds", default=default_seeds, help="folder with the seed .txt files")
    args = ap.parse_args(argv)
    seeds = Path(args.seeds)

    print("text layer vs seeds")
    if seeds.is_dir():
        for pdf, seed in SEED_OF.items():
            check_text(SAMPLES / pdf, seeds / seed)
    else:
        print(f"  (seeds not found at {seeds}; skipped)")

    print("page furniture")
    check_furniture(SAMPLES / "psvo-2024-03-01.pdf", lambda n, t: [
        "Region Blekinge", "PROTOKOLL", "Sammanträdesdatum", f"Sida {n} av {t}",
        "Justerandes signatur", "Utdragsbestyrkande"])
    check_furniture(SAMPLES / "lsvo-2021-06-04.pdf", lambda n, t: [
        "Region Blekinge", "Protokoll", f"{n} ({t})", "Region Blekinge, 371 81 Karlskrona"])
    check_furniture(SAMPLES / "orebro-2020-01-31.pdf", lambda n, t: [
        "Region Örebro län", "PROTOKOLL", "2020-01-31", f"{n} ({t})", "POSTADRESS", "BESÖKSADRESS",
        "TELEFON", "TELEFAX", "ORG.NR", "PLUSGIRO", "Box 1613", "701 16 Örebro",
        "E-POST regionen@regionorebrolan.se", "INTERNET www.regionorebrolan.se"])
    check_furniture(SAMPLES / "vasterbotten-2024-03-15.pdf", lambda n, t: (
        ["Region Västerbotten", "Protokoll", "2024-03-15", f"{n}({t - 1} )"] if n < t else
        ["UNDERSKRIFTSSIDA", "Certifierad av Comfact Signature", "IDENTIFIKATIONS-ID:"]))

    print("docx parts")
    check_docx(SAMPLES / "psvo-2024-03-01.docx", {
        r"word/header\d*\.xml": ["fldChar", "PAGE", "NUMPAGES", "PROTOKOLL"],
        r"word/footer\d*\.xml": ["w:tbl", "Justerandes signatur", "Utdragsbestyrkande"],
        r"word/numbering\.xml": ['w:val="decimal"', 'w:val="%1."'],
        r"word/document\.xml": ["w:numPr", "w:titlePg", "w:tbl", 'w:leader="dot"', "Heading1"],
    })
    check_docx(SAMPLES / "lsvo-2021-06-04.docx", {
        r"word/header\d*\.xml": ["fldChar", "PAGE", "NUMPAGES"],
        r"word/footer\d*\.xml": ["371 81 Karlskrona"],
        r"word/numbering\.xml": ['w:val="lowerLetter"', 'w:val="%2)"'],
        r"word/document\.xml": ["<w:ins ", "<w:del ", "w:delText", "w:fldSimple", "w:numPr"],
        r"word/settings\.xml": ["w:trackRevisions", "w:revisionView"],
    })

    print("fixtures")
    # plain (non -layout) extraction follows reading order: left column first
    two = subprocess.run(["pdftotext", str(FIXTURES / "two-column.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    if not (two.index("Vänster 7.") < two.index("Höger 1.")):
        fail("two-column.pdf: left column does not come before the right one")
    blank = pdftotext(FIXTURES / "no-text.pdf").split("\f")
    if "Sida med text" not in blank[0] or blank[1].strip():
        fail("no-text.pdf: page 1 must have text, page 2 none")
    thin = [page.strip() for page in pdftotext(FIXTURES / "thin-pages.pdf").split("\f")[:5]]
    if thin[1] or thin[2:] != [f"Sida {n} av 5" for n in (3, 4, 5)] or "Vänster 1." not in thin[0]:
        fail("thin-pages.pdf: page 1 must have text, page 2 none, pages 3-5 only their numbers")
    locked = subprocess.run(["pdftotext", str(FIXTURES / "encrypted-user.pdf"), "-"],
                            capture_output=True, text=True)
    if locked.returncode == 0:
        fail("encrypted-user.pdf opens without a password")
    if "Vänster 1." not in pdftotext(FIXTURES / "encrypted-user.pdf", "-upw", "hemlig"):
        fail("encrypted-user.pdf does not open with 'hemlig'")
    if "Vänster 1." not in pdftotext(FIXTURES / "encrypted-owner.pdf"):
        fail("encrypted-owner.pdf does not open without a password")
    info = subprocess.run(["pdfinfo", str(FIXTURES / "encrypted-owner.pdf")],
                          capture_output=True, text=True).stdout
    if "print:no" not in info or "change:no" not in info:
        fail("encrypted-owner.pdf: printing/modification not restricted")
    archival = FIXTURES / "pdfa-libreoffice.pdf"
    if b"/OutputIntents" not in archival.read_bytes():
        fail("pdfa-libreoffice.pdf has no PDF/A output intent")
    if pdftotext(archival) != pdftotext(SAMPLES / "lsvo-2021-06-04.pdf"):
        fail("pdfa-libreoffice.pdf does not have the text of samples/lsvo-2021-06-04.pdf")

    size = sum(p.stat().st_size for d in (SAMPLES, FIXTURES) for p in d.iterdir())
    print(f"total size of samples/ and fixtures: {size} bytes")
    if size > 2_000_000:
        fail("samples/ + fixtures are over 2 MB")
    print("OK" if not failures else f"{len(failures)} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
