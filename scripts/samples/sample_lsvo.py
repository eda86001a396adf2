"""samples/lsvo-2021-06-04.docx (+ .pdf via LibreOffice) from seed 002.

Why: seed 002 is a Word document written the way people really write in Word:
heading levels used for looks (a "§ 122" that is Heading 2 where its
neighbours are Heading 1), bold "att" runs opening each decision clause,
italic "Föredragande:" lines, person lists kept in one paragraph with manual
line breaks. The DOCX adds the OOXML that such documents carry and a reader
must cope with: a header with a "2 (9)" page label from PAGE / NUMPAGES
fields, a footer part, a multi-level auto-numbered list (bullets with a
lower-letter "a)" sub-level), a tracked insertion and a tracked deletion, and
a simple field (CREATEDATE) whose cached result is the meeting date.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips

import docxkit as dk
import markup

NAME = "lsvo-2021-06-04"
SEED = "002_029c77288144ec65.txt"
ORG = "Region Blekinge"
DATE = "2021-06-04"
FONT = "Calibri"
TEXT_WIDTH_MM = 160


def _bottom_border(paragraph, top: bool = False) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    edge = OxmlElement("w:top" if top else "w:bottom")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), "4")
    edge.set(qn("w:space"), "1")
    edge.set(qn("w:color"), "808080")
    bdr.append(edge)
    ppr.append(bdr)


def _tabs(paragraph) -> None:
    """Centre and right tab stops; the Header/Footer styles' own stops
    (4680 and 9360 twips, made for Letter paper) are cleared."""
    ts = paragraph.paragraph_format.tab_stops
    for twips in (4680, 9360):
        ts.add_tab_stop(Twips(twips), WD_TAB_ALIGNMENT.CLEAR)
    ts.add_tab_stop(Mm(TEXT_WIDTH_MM / 2), WD_TAB_ALIGNMENT.CENTER)
    ts.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)


def _header(header) -> None:
    """Tab-stop header: org | Protokoll | 'PAGE (NUMPAGES)', date below."""
    p = header.paragraphs[0]
    _tabs(p)
    r = p.add_run(ORG)
    r.bold = True
    p.add_run("\tProtokoll\t")
    dk.add_field(p, "PAGE", "1")
    p.add_run(" (")
    dk.add_field(p, "NUMPAGES", "9")
    p.add_run(")")
    p2 = header.add_paragraph()
    _tabs(p2)
    p2.add_run("Samverkan Blekinge – LSVO\t" + DATE).font.size = Pt(9)
    _bottom_border(p2)


def _footer(footer) -> None:
    p = footer.paragraphs[0]
    _tabs(p)
    _bottom_border(p, top=True)
    for text in ("Region Blekinge, 371 81 Karlskrona", "\t\tLSVO sammanträdesprotokoll " + DATE):
        p.add_run(text).font.size = Pt(8)


def _styles(doc) -> None:
    dark = RGBColor(0x1F, 0x3A, 0x5F)
    for name, size in (("Heading 1", 14), ("Heading 2", 12), ("Heading 3", 11), ("Heading 4", 10.5)):
        st = doc.styles[name]
        st.font.size = Pt(size)
        st.font.color.rgb = dark
        st.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 6)
        st.paragraph_format.space_after = Pt(3)


def build(out_dir: Path) -> list[Path]:
    doc = dk.new_document(FONT, 11)
    _styles(doc)
    sec = doc.sections[0]
    sec.top_margin = Mm(30)
    _header(sec.header)
    _footer(sec.footer)

    numbering = dk.Numbering(doc)
    bullets = numbering.abstract([("bullet", "\uf0b7", 720, 360), ("bullet", "o", 1440, 360)])
    agenda = numbering.abstract([("bullet", "\uf0b7", 720, 360), ("lowerLetter", "%2)", 1440, 360)])
    revisions = dk.Revisions("Mats Wennstig", "2021-06-07T10:15:00Z")
    dk.track_changes_final_view(doc)

    blocks = markup.load(f"{NAME}.txt")
    num_id = None
    for i, block in enumerate(blocks):
        if block.kind in ("bullet", "alpha"):
            if num_id is None:
                group = []
                for b in blocks[i:]:
                    if b.kind not in ("bullet", "alpha"):
                        break
                    group.append(b)
                lettered = any(b.kind == "alpha" for b in group)
                num_id = numbering.instance(agenda if lettered else bullets)
            p = doc.add_paragraph(style="List Paragraph")
            p.paragraph_format.space_after = Pt(2)
            dk.set_numbering(p, num_id, block.level)
            dk.add_runs(p, block.runs, revisions)
            continue
        num_id = None
        if block.kind == "h":
            p = doc.add_paragraph(style=f"Heading {block.level}")
            dk.add_runs(p, block.runs)
        elif block.kind == "p":
            p = doc.add_paragraph()
            dk.add_runs(p, block.runs, revisions)
            if all(r.bold for r in block.runs):  # "Frånvarande:" style labels
                p.paragraph_format.keep_with_next = True
        else:
            raise ValueError(f"unexpected block {block}")

    dk.set_core(doc, title="LSVO sammanträdesprotokoll 2021-06-04", author="Mats Wennstig",
                subject="Ledningsgrupp LSVO", keywords="LSVO; protokoll",
                created=dt.datetime(2021, 6, 4, 8, 0), modified=dt.datetime(2021, 6, 7, 10, 20))
    docx_path = out_dir / f"{NAME}.docx"
    dk.save_deterministic(doc, docx_path)
    return [docx_path, dk.soffice_to_pdf(docx_path)]
