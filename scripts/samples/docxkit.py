"""python-docx helpers for Word-made sample protocols.

Why: python-docx has no API for the Word features that real municipal
protocols are full of and that the protokoll DOCX reader must survive: PAGE /
NUMPAGES field codes in headers, auto-numbered lists (numbering.xml),
tracked changes (w:ins / w:del), simple fields, hyperlinks, bordered tables.
These helpers write that raw OOXML through python-docx's oxml API, and save
the package deterministically (fixed zip timestamps and core properties) so
that regenerating the samples does not produce spurious diffs.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from markup import Run

# A fixed point in time for everything that Word would stamp with "now".
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def new_document(font: str, size_pt: float) -> Document:
    """A4 document with Word-like margins and one body font."""
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(25)
    sec.top_margin, sec.bottom_margin = Mm(35), Mm(30)
    sec.header_distance, sec.footer_distance = Mm(10), Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size_pt)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    normal.paragraph_format.space_after = Pt(6)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4", "Title"):
        st = doc.styles[name]
        st.font.name = font
        rpr = st.element.get_or_add_rPr()
        rf = rpr.find(qn("w:rFonts"))
        if rf is None:
            rf = OxmlElement("w:rFonts")
            rpr.insert(0, rf)
        for attr in list(rf.attrib):
            del rf.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            rf.set(qn(attr), font)
    return doc


# --------------------------------------------------------------------- fields
def _fld_char(run, kind: str) -> None:
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    run._r.append(el)


def add_field(paragraph, instr: str, result: str, bold: bool = False,
              size: float | None = None):
    """Complex field: fldChar begin / instrText / separate / result / end.

    All five runs get the same formatting: Word and LibreOffice take the
    field's look from its first run, not from the result run.
    """
    def run(text: str = ""):
        r = paragraph.add_run(text)
        r.bold = bold or None
        if size:
            r.font.size = Pt(size)
        return r

    _fld_char(run(), "begin")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    run()._r.append(it)
    _fld_char(run(), "separate")
    res = run(result)
    _fld_char(run(), "end")
    return res


def add_simple_field(paragraph, instr: str, result: str):
    """w:fldSimple with a cached result run."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {instr} ")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = result
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)
    return fld


def add_hyperlink(paragraph, url: str, text: str):
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    u = OxmlElement("w:u")
    u.set(qn("w:val"), "single")
    rpr.append(color)
    rpr.append(u)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    link.append(r)
    paragraph._p.append(link)
    return link


# ------------------------------------------------------------ tracked changes
class Revisions:
    """Hands out w:id values and stamps author/date on w:ins / w:del."""

    def __init__(self, author: str, date: str):
        self.author, self.date, self.next_id = author, date, 1

    def _wrap(self, tag: str, paragraph, text: str, bold: bool, italic: bool):
        wrap = OxmlElement(tag)
        wrap.set(qn("w:id"), str(self.next_id))
        wrap.set(qn("w:author"), self.author)
        wrap.set(qn("w:date"), self.date)
        self.next_id += 1
        r = OxmlElement("w:r")
        if bold or italic:
            rpr = OxmlElement("w:rPr")
            if bold:
                rpr.append(OxmlElement("w:b"))
            if italic:
                rpr.append(OxmlElement("w:i"))
            r.append(rpr)
        t = OxmlElement("w:delText" if tag == "w:del" else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        wrap.append(r)
        paragraph._p.append(wrap)
        return wrap

    def insert(self, paragraph, text, bold=False, italic=False):
        return self._wrap("w:ins", paragraph, text, bold, italic)

    def delete(self, paragraph, text, bold=False, italic=False):
        return self._wrap("w:del", paragraph, text, bold, italic)


def add_runs(paragraph, runs: list[Run], revisions: Revisions | None = None,
             bold: bool | None = None) -> None:
    """Write markup runs (bold/italic/link/field/tracked change) into a paragraph."""
    for run in runs:
        b = run.bold or bool(bold)
        if run.field:
            if run.field.split()[0] in ("PAGE", "NUMPAGES"):
                add_field(paragraph, run.field, run.text, b)
            else:
                add_simple_field(paragraph, run.field, run.text)
        elif run.link:
            add_hyperlink(paragraph, run.link, run.text)
        elif run.ins and revisions:
            revisions.insert(paragraph, run.text, b, run.italic)
        elif run.dele and revisions:
            revisions.delete(paragraph, run.text, b, run.italic)
        elif run.dele:
            continue
        else:
            r = paragraph.add_run(run.text)
            if b:
                r.bold = True
            if run.italic:
                r.italic = True


def track_changes_final_view(doc) -> None:
    """Turn on change tracking but open in the "no markup" view.

    settings.xml gets w:revisionView (insDel/markup off) and w:trackRevisions,
    in schema order before w:defaultTabStop. The DOCX keeps its w:ins/w:del;
    Word and LibreOffice show (and export to PDF) the text as if accepted.
    """
    settings = doc.settings.element
    anchor = settings.find(qn("w:defaultTabStop"))
    view = OxmlElement("w:revisionView")
    for attr in ("w:markup", "w:insDel", "w:formatting"):
        view.set(qn(attr), "false")
    track = OxmlElement("w:trackRevisions")
    for el in (view, track):
        if anchor is not None:
            anchor.addprevious(el)
        else:
            settings.append(el)


# ------------------------------------------------------------------ numbering
class Numbering:
    """Adds list definitions to numbering.xml and hands out w:num instances.

    Every list in a protocol starts again at 1 ("1. Att ..."), so every list
    gets its own w:num (with a startOverride) over one shared w:abstractNum.
    """

    def __init__(self, doc):
        self.el = doc.part.numbering_part.element
        self.next_abs = 100
        self.next_num = 100

    def abstract(self, levels: list[tuple[str, str, int, int]]) -> int:
        """levels: (numFmt, lvlText, left_twips, hanging_twips) per ilvl."""
        aid = self.next_abs
        self.next_abs += 1
        a = OxmlElement("w:abstractNum")
        a.set(qn("w:abstractNumId"), str(aid))
        mlt = OxmlElement("w:multiLevelType")
        mlt.set(qn("w:val"), "hybridMultilevel" if len(levels) > 1 else "singleLevel")
        a.append(mlt)
        for ilvl, (fmt, text, left, hanging) in enumerate(levels):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(ilvl))
            for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text),
                             ("w:lvlJc", "left")):
                e = OxmlElement(tag)
                e.set(qn("w:val"), val)
                lvl.append(e)
            ppr = OxmlElement("w:pPr")
            ind = OxmlElement("w:ind")
            ind.set(qn("w:left"), str(left))
            ind.set(qn("w:hanging"), str(hanging))
            ppr.append(ind)
            lvl.append(ppr)
            if fmt == "bullet":
                rpr = OxmlElement("w:rPr")
                rf = OxmlElement("w:rFonts")
                for attr in ("w:ascii", "w:hAnsi", "w:hint"):
                    rf.set(qn(attr), "Symbol" if attr != "w:hint" else "default")
                rpr.append(rf)
                lvl.append(rpr)
            a.append(lvl)
        first_num = self.el.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(a)
        else:
            self.el.append(a)
        return aid

    def instance(self, abstract_id: int, restart: bool = True) -> int:
        nid = self.next_num
        self.next_num += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(nid))
        an = OxmlElement("w:abstractNumId")
        an.set(qn("w:val"), str(abstract_id))
        num.append(an)
        if restart:
            ov = OxmlElement("w:lvlOverride")
            ov.set(qn("w:ilvl"), "0")
            so = OxmlElement("w:startOverride")
            so.set(qn("w:val"), "1")
            ov.append(so)
            num.append(ov)
        self.el.append(num)
        return nid


def set_numbering(paragraph, num_id: int, ilvl: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    il = OxmlElement("w:ilvl")
    il.set(qn("w:val"), str(ilvl))
    ni = OxmlElement("w:numId")
    ni.set(qn("w:val"), str(num_id))
    numpr.append(il)
    numpr.append(ni)
    # numPr goes right after pStyle (schema order)
    pstyle = ppr.find(qn("w:pStyle"))
    if pstyle is not None:
        pstyle.addnext(numpr)
    else:
        ppr.insert(0, numpr)


# --------------------------------------------------------------------- tables
def set_table_borders(table, size_eighths: int = 4, color: str = "000000",
                      inside: bool = True) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    edges = ["top", "left", "bottom", "right"] + (["insideH", "insideV"] if inside else [])
    for edge in ["top", "left", "bottom", "right", "insideH", "insideV"]:
        e = OxmlElement(f"w:{edge}")
        on = edge in edges and size_eighths > 0
        e.set(qn("w:val"), "single" if on else "nil")
        if on:
            e.set(qn("w:sz"), str(size_eighths))
            e.set(qn("w:space"), "0")
            e.set(qn("w:color"), color)
        borders.append(e)
    old = tblpr.find(qn("w:tblBorders"))
    if old is not None:
        tblpr.remove(old)
    # schema order: tblBorders comes before shd, tblLayout, tblCellMar, tblLook
    for tag in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"):
        successor = tblpr.find(qn(tag))
        if successor is not None:
            successor.addprevious(borders)
            break
    else:
        tblpr.append(borders)


def set_col_widths(table, widths_mm: list[float]) -> None:
    table.autofit = False
    tbl = table._tbl
    grid = tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths_mm):
        gc.set(qn("w:w"), str(int(w * 56.7)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)
    tblw = tbl.tblPr.find(qn("w:tblW"))
    if tblw is None:
        tblw = OxmlElement("w:tblW")
        tbl.tblPr.append(tblw)
    tblw.set(qn("w:type"), "dxa")
    tblw.set(qn("w:w"), str(int(sum(widths_mm) * 56.7)))


def set_row_height(row, mm: float, exact: bool = False) -> None:
    trpr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:trHeight")
    h.set(qn("w:val"), str(int(mm * 56.7)))
    h.set(qn("w:hRule"), "exact" if exact else "atLeast")
    trpr.append(h)


def cell_paragraph(cell, text: str = "", first: bool = False, **fmt):
    """First call reuses the empty paragraph every new cell has."""
    p = cell.paragraphs[0] if first else cell.add_paragraph()
    if text:
        r = p.add_run(text)
        if fmt.get("bold"):
            r.bold = True
        if fmt.get("size"):
            r.font.size = Pt(fmt["size"])
    pf = p.paragraph_format
    pf.space_after = Pt(fmt.get("space_after", 0))
    pf.space_before = Pt(0)
    return p


def page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --------------------------------------------------------------------- saving
def set_core(doc, title: str, author: str, subject: str, created: dt.datetime,
             modified: dt.datetime, keywords: str = "") -> None:
    cp = doc.core_properties
    cp.title, cp.author, cp.subject = title, author, subject
    cp.last_modified_by = author
    cp.keywords = keywords
    cp.created, cp.modified, cp.last_printed = created, modified, modified
    cp.revision = 1
    cp.comments = "Sample generated by scripts/samples (protokoll)."


def save_deterministic(doc, path: Path) -> None:
    """Save, then rewrite the zip with fixed member timestamps."""
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    path.write_bytes(out.getvalue())


def soffice_to_pdf(docx_path: Path, outdir: Path | None = None, export: str = "pdf") -> Path:
    """Convert with LibreOffice headless, in a throwaway user profile, into outdir (by
    default the DOCX's folder); export is --convert-to's argument, e.g. with PDF/A options."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit("soffice not found (run scripts/samples/make-samples.sh)")
    outdir = outdir or docx_path.parent
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as prof:
        env = dict(os.environ, HOME=prof)
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{prof}", "--headless",
             "--convert-to", export, "--outdir", str(outdir), str(docx_path)],
            check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            timeout=300,
        )
    pdf = outdir / docx_path.with_suffix(".pdf").name
    if not pdf.exists():
        raise SystemExit(f"LibreOffice did not produce {pdf}")
    return pdf
