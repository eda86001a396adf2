"""Regenerate samples/ and Tests/Fixtures/pdf/ (entry point of make-samples.sh).

Why: the samples are recreations of the four seed protocols, made with the
same kinds of producers that made the originals (Word via python-docx then
LibreOffice to PDF, and PDF drawn directly), so the protokoll readers can be
developed and tested against realistic files without the originals. Every
file is produced by this script; nothing in samples/ is edited by hand.

Usage: python3 scripts/samples/make_samples.py [--only NAME ...]
NAME is one of: psvo, lsvo, orebro, vasterbotten, fixtures.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the repository

import fixtures  # noqa: E402
import sample_lsvo  # noqa: E402
import sample_orebro  # noqa: E402
import sample_psvo  # noqa: E402
import sample_vasterbotten  # noqa: E402

BUILDERS = {
    "psvo": (sample_psvo.build, REPO / "samples"),
    "lsvo": (sample_lsvo.build, REPO / "samples"),
    "orebro": (sample_orebro.build, REPO / "samples"),
    "vasterbotten": (sample_vasterbotten.build, REPO / "samples"),
    "fixtures": (fixtures.build, REPO / "Tests" / "Fixtures" / "pdf"),
}


def pages(pdf: Path) -> str:
    if not shutil.which("pdfinfo"):
        return "?"
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return line.split()[1]
    return "?"  # e.g. needs a password


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="+", choices=sorted(BUILDERS), help="build only these")
    args = ap.parse_args(argv)
    for name in args.only or list(BUILDERS):
        build, out_dir = BUILDERS[name]
        out_dir.mkdir(parents=True, exist_ok=True)
        for path in build(out_dir):
            rel = path.relative_to(REPO)
            info = f"{pages(path)} pages" if path.suffix == ".pdf" else ""
            print(f"{str(rel):45} {path.stat().st_size:>8} bytes  {info}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
