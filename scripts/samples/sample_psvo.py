"""samples/psvo-2024-03-01.docx (+ .pdf via LibreOffice) from seed 000.

Why: Region Blekinge's PSVO protocols are Word documents whose page furniture
lives in real header/footer parts: organisation, "PROTOKOLL",
"Sammanträdesdatum", a "Sida X av Y" label built from PAGE / NUMPAGES field
codes, and the "Justerandes signatur | Utdragsbestyrkande" box on every page.
The front matter is a label/value table, the table of contents uses dotted
leader tabs, § headers are Heading styles and the "1. Att ..." decisions are
Word auto-numbered lists, so the literal "1." exists only in numbering.xml.
The PDF is what LibreOffice makes of that DOCX, as a municipality would
export it.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Mm, Pt, RGBColor

import docxkit as dk
import markup

NAME = "psvo-2024-03-01"
SEED = "000_cbd600753ab852f4.txt"
ORG = "Region Blekinge"
BODY = "Politisk samverkan vård och omsorg (PSVO)"
DATE = "2024-03-01"
FONT = "Arial"
TEXT_WIDTH_MM = 160
SIGN_LINE = "_" * 20


def _page_label(paragraph, size: float) -> None:
    """'Sida X av Y' with real PAGE and NUMPAGES complex fields."""
    paragraph.add_run("Sida ").font.size = Pt(size)
    dk.add_field(paragraph, "PAGE", "1", size=size)
    paragraph.add_run(" av ").font.size = Pt(size)
    dk.add_field(paragraph, "NUMPAGES", "9", size=size)


def _header(header, first: bool) -> None:
    """Two-cell borderless table: organisation left, protocol data right."""
    header.is_linked_to_previous = False
    p0 = header.paragraphs[0]
    table = header.add_table(1, 2, Mm(TEXT_WIDTH_MM))
    dk.set_table_borders(table, 0)
    dk.set_col_widths(table, [95, 65])
    left, right = table.rows[0].cells
    dk.cell_paragraph(left, ORG, first=True, bold=True, size=15 if first else 12)
    dk.cell_paragraph(left, BODY if first else "PSVO", size=10 if first else 9)
    lines = [("PROTOKOLL", True), ("Sammanträdesdatum", False), (DATE, False)]
    if not first:
        lines = [("PROTOKOLL", True), (f"Sammanträdesdatum {DATE}", False)]
    for i, (text, bold) in enumerate(lines):
        p = dk.cell_paragraph(right, text, first=(i == 0), bold=bold, size=10 if bold else 9)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p = dk.cell_paragraph(right)
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_label(p, 9)
    # the table must not be the last element of the header: keep an empty
    # paragraph after it, as Word does, and drop the one before it
    p0._p.getparent().remove(p0._p)
    header.add_paragraph().paragraph_format.space_after = Pt(0)


def _footer(footer) -> None:
    """Bordered 'Justerandes signatur | Utdragsbestyrkande' box, right-aligned."""
    footer.is_linked_to_previous = False
    p0 = footer.paragraphs[0]
    table = footer.add_table(1, 2, Mm(80))
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    dk.set_table_borders(table, 6)
    dk.set_col_widths(table, [40, 40])
    dk.set_row_height(table.rows[0], 13, exact=True)
    for cell, text in zip(table.rows[0].cells, ("Justerandes signatur", "Utdragsbestyrkande")):
        dk.cell_paragraph(cell, text, first=True, size=7)
    p0._p.getparent().remove(p0._p)
    footer.add_paragraph().paragraph_format.space_after = Pt(0)


def _styles(doc) -> None:
    black = RGBColor(0, 0, 0)
    for name, size, before, after in (("Heading 1", 13, 18, 2), ("Heading 2", 12, 2, 8),
                                      ("Heading 3", 10.5, 8, 4)):
        st = doc.styles[name]
        st.font.size = Pt(size)
        st.font.bold = True
        st.font.italic = False
        st.font.color.rgb = black
        st.paragraph_format.space_before = Pt(before)
        st.paragraph_format.space_after = Pt(after)
        st.paragraph_format.keep_with_next = True
    for name in ("List Number", "List Bullet"):
        doc.styles[name].paragraph_format.space_after = Pt(3)


def _front_matter(doc, raw_lines: list[str]) -> None:
    """'Plats och tid:' etc. as a two-column label/value table."""
    rows: list[tuple[str, list[str]]] = []
    for line in raw_lines:
        if line.startswith("\t"):
            rows[-1][1].append(line[1:])
        elif line.strip():
            rows.append((line.strip(), []))
    table = doc.add_table(len(rows), 2)
    dk.set_table_borders(table, 0)
    dk.set_col_widths(table, [52, 108])
    for row, (label, values) in zip(table.rows, rows):
        lab, val = row.cells
        dk.cell_paragraph(lab, label, first=True, bold=True, space_after=0)
        for i, value in enumerate(values):
            p = dk.cell_paragraph(val, first=(i == 0))
            if "\t" in value:  # signature lines: role, line, paragraph range
                p.paragraph_format.tab_stops.add_tab_stop(Mm(24))
                p.paragraph_format.tab_stops.add_tab_stop(Mm(70))
                value = value.replace("_____", SIGN_LINE)
            if value.strip():
                p.add_run(value)
        dk.cell_paragraph(val, space_after=6)  # air between the rows
    doc.add_paragraph()


def _toc(doc, title: str, raw_lines: list[str]) -> None:
    """'Innehållsförteckning' with right-aligned '§ 12/24' and dot leaders."""
    h = doc.add_paragraph()
    h.add_run(title).bold = True
    h.paragraph_format.space_before = Pt(12)
    for line in raw_lines:
        if not line.strip():
            continue
        p = doc.add_paragraph(line)
        pf = p.paragraph_format
        pf.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        pf.space_after = Pt(2)


def build(out_dir: Path) -> list[Path]:
    doc = dk.new_document(FONT, 10.5)
    _styles(doc)
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    _header(sec.first_page_header, first=True)
    _header(sec.header, first=False)
    _footer(sec.first_page_footer)
    _footer(sec.footer)

    numbering = dk.Numbering(doc)
    decimal = numbering.abstract([("decimal", "%1.", 360, 360)])
    bullet = numbering.abstract([("bullet", "\uf0b7", 720, 360)])
    current_list: tuple[str, int] | None = None

    for block in markup.load(f"{NAME}.txt"):
        if block.kind != current_list_kind(current_list):
            current_list = None
        if block.kind == "raw" and block.name == "kv":
            _front_matter(doc, block.lines)
        elif block.kind == "raw" and block.name == "toc":
            _toc(doc, block.args, block.lines)
        elif block.kind == "h":
            p = doc.add_paragraph(style=f"Heading {block.level}")
            dk.add_runs(p, block.runs)
        elif block.kind in ("num", "bullet"):
            if current_list is None:
                abstract = decimal if block.kind == "num" else bullet
                current_list = (block.kind, numbering.instance(abstract))
            style = "List Number" if block.kind == "num" else "List Bullet"
            p = doc.add_paragraph(style=style)
            dk.set_numbering(p, current_list[1])
            dk.add_runs(p, block.runs)
        elif block.kind == "p":
            p = doc.add_paragraph()
            dk.add_runs(p, block.runs)
        else:
            raise ValueError(f"unexpected block {block}")

    dk.set_core(doc, title=f"Protokoll {BODY} {DATE}", author="Bodil Sundlöf",
                subject="Sammanträdesprotokoll", keywords="PSVO; protokoll; Region Blekinge",
                created=dt.datetime(2024, 3, 8, 9, 30), modified=dt.datetime(2024, 3, 14, 15, 2))
    docx_path = out_dir / f"{NAME}.docx"
    dk.save_deterministic(doc, docx_path)
    return [docx_path, dk.soffice_to_pdf(docx_path)]


def current_list_kind(current: tuple[str, int] | None) -> str | None:
    return current[0] if current else None
