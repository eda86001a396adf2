"""Lays out one synthetic protocol with the sample builders in scripts/samples/.

Why: the corpus must look exactly like the samples (same fonts, furniture, Word
features), so it reuses their builders rather than copying them. A builder reads
its text with markup.load(f"{NAME}.txt"), names its file after NAME, and a Word
builder converts its DOCX with LibreOffice right away. For one build, those
three module attributes are swapped: the text comes from the synthetic markup,
the file gets the document's name, and conversion is left to one batched
LibreOffice call (libreoffice.py). The builders themselves stay as
`make samples` runs them, so the samples do not change.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Iterator

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
sys.path.insert(0, str(SAMPLES))
sys.dont_write_bytecode = True  # no __pycache__ in scripts/samples

import docxkit  # noqa: E402
import markup  # noqa: E402
import sample_lsvo  # noqa: E402
import sample_orebro  # noqa: E402
import sample_psvo  # noqa: E402
import sample_vasterbotten  # noqa: E402

BUILDERS: dict[str, ModuleType] = {
    "psvo": sample_psvo, "lsvo": sample_lsvo,
    "orebro": sample_orebro, "vasterbotten": sample_vasterbotten,
}
# Word layouts produce a DOCX (turned into a PDF by LibreOffice later, or kept as is).
WORD_LAYOUTS = {"psvo", "lsvo"}


@contextmanager
def _building(module: ModuleType, name: str, text: str) -> Iterator[None]:
    blocks = markup.parse(text)
    saved = module.NAME, markup.load, docxkit.soffice_to_pdf
    module.NAME = name
    markup.load = lambda _file: blocks
    docxkit.soffice_to_pdf = lambda path: path
    try:
        yield
    finally:
        module.NAME, markup.load, docxkit.soffice_to_pdf = saved


def build(layout: str, name: str, text: str, out_dir: Path) -> Path:
    """Writes `name`.pdf (reportlab layouts) or `name`.docx (Word layouts) into out_dir."""
    module = BUILDERS[layout]
    with _building(module, name, text):
        return module.build(out_dir)[0]
