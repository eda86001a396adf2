"""A small flowing-text layout engine on top of the reportlab canvas.

Why: the Örebro and Västerbotten samples must look like PDFs that came out of
a word processor: paragraphs wrapped by measured string widths, page breaks
that fall wherever the text runs out of room (mid-sentence, mid-list), and
page furniture (running headers, page labels "2 (9)" / "2(14 )", address
block footers) drawn on every page. Page labels need the total page count, so
layout is done first into per-page lists of drawing operations, and only then
drawn onto a canvas together with the furniture (two passes).

Canvases are made with invariant=1, so the output is byte-for-byte
reproducible (fixed creation date and document ID).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from markup import Run

PAGE_W, PAGE_H = A4
LINK_BLUE = (0.02, 0.25, 0.6)


@dataclass(frozen=True)
class Family:
    regular: str
    bold: str
    italic: str
    bolditalic: str

    def pick(self, bold: bool = False, italic: bool = False) -> str:
        if bold and italic:
            return self.bolditalic
        return self.bold if bold else self.italic if italic else self.regular


# The standard Type 1 fonts: not embedded, WinAnsi covers å ä ö é – ” •.
HELVETICA = Family("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique")

_DEJAVU_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"]


def dejavu() -> Family:
    """DejaVu Sans (embedded as subsets) for glyphs outside WinAnsi, e.g. →."""
    files = {"DejaVuSans": "DejaVuSans.ttf", "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
             "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
             "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf"}
    for name, file in files.items():
        if name in pdfmetrics.getRegisteredFontNames():
            continue
        for d in _DEJAVU_DIRS:
            if (Path(d) / file).exists():
                pdfmetrics.registerFont(TTFont(name, str(Path(d) / file)))
                break
        else:
            raise SystemExit(f"{file} not found: install fonts-dejavu-core")
    return Family(*files.keys())


@dataclass
class Frame:
    """Writable area of one page, in points from the bottom-left corner."""
    x0: float
    x1: float
    top: float
    bottom: float


# ---------------------------------------------------------------- wrapping
@dataclass
class Piece:
    text: str
    font: str
    link: str | None


@dataclass
class Seg:
    x: float  # offset from the line start
    text: str
    font: str
    link: str | None
    width: float


def _words(runs: Iterable[Run], fam: Family) -> list[list[Piece] | str]:
    """Runs -> list of words (lists of pieces) and '\\n' hard breaks."""
    out: list[list[Piece] | str] = []
    cur: list[Piece] = []
    for run in runs:
        if run.dele:
            continue
        font = fam.pick(run.bold, run.italic)
        for tok in re.split(r"(\n| +)", run.text):
            if not tok:
                continue
            if tok == "\n" or tok.isspace():
                if cur:
                    out.append(cur)
                    cur = []
                if tok == "\n":
                    out.append("\n")
            else:
                cur.append(Piece(tok, font, run.link))
    if cur:
        out.append(cur)
    return out


def _split_long(word: list[Piece], size: float, width: float) -> list[list[Piece]]:
    """Break a word wider than the line (a URL) after '/', '-', '.' or anywhere."""
    text = "".join(p.text for p in word)
    font, link = word[0].font, word[0].link
    parts: list[list[Piece]] = []
    start = 0
    while start < len(text):
        end = start + 1
        best = None
        while end <= len(text) and stringWidth(text[start:end], font, size) <= width:
            if text[end - 1] in "/-.":
                best = end
            end += 1
        cut = end - 1 if end > len(text) else (best or end - 1)
        cut = max(cut, start + 1)
        parts.append([Piece(text[start:cut], font, link)])
        start = cut
    return parts


def wrap(runs: Iterable[Run], fam: Family, size: float, width: float,
         first_width: float | None = None) -> list[list[Seg]]:
    """Greedy line filling by measured widths. Returns lines of segments."""
    lines: list[list[Seg]] = []
    line: list[tuple[list[Piece], float]] = []
    used = 0.0

    def avail() -> float:
        return first_width if (first_width is not None and not lines) else width

    def flush() -> None:
        nonlocal line, used
        lines.append(_segments(line, size))
        line, used = [], 0.0

    for word in _words(runs, fam):
        if word == "\n":
            flush()
            continue
        w = sum(stringWidth(p.text, p.font, size) for p in word)
        if w > avail():
            if line:
                flush()
            for part in _split_long(word, size, avail()):
                pw = sum(stringWidth(p.text, p.font, size) for p in part)
                if line:
                    flush()
                line, used = [(part, pw)], pw
            continue
        space = stringWidth(" ", line[-1][0][-1].font, size) if line else 0.0
        if line and used + space + w > avail():
            flush()
            space = 0.0
        line.append((word, w))
        used += space + w
    if line:
        flush()
    return lines


def _segments(line: list[tuple[list[Piece], float]], size: float) -> list[Seg]:
    segs: list[Seg] = []
    x = 0.0
    for wi, (word, _) in enumerate(line):
        if wi:
            sp = stringWidth(" ", segs[-1].font, size)
            segs[-1].text += " "
            segs[-1].width += sp
            x += sp
        for piece in word:
            pw = stringWidth(piece.text, piece.font, size)
            if segs and segs[-1].font == piece.font and segs[-1].link == piece.link:
                segs[-1].text += piece.text
                segs[-1].width += pw
            else:
                segs.append(Seg(x, piece.text, piece.font, piece.link, pw))
            x += pw
    for s in segs:  # trailing spaces only matter for the next segment's x
        if s is segs[-1]:
            s.text = s.text.rstrip(" ")
    return segs


def line_width(segs: list[Seg]) -> float:
    return segs[-1].x + segs[-1].width if segs else 0.0


# ------------------------------------------------------------------- flow
class Flow:
    """Places blocks top-down on pages; starts a new page when one is full."""

    def __init__(self, frame_for_page: Callable[[int], Frame]):
        self.frame_for_page = frame_for_page
        self.pages: list[list[tuple]] = []
        self.splits: list[tuple[int, str]] = []  # (page, paragraph start) split over a break
        self.new_page()

    # page handling -------------------------------------------------------
    def new_page(self) -> None:
        self.pages.append([])
        self.frame = self.frame_for_page(len(self.pages) - 1)
        self.y = self.frame.top
        self.at_top = True

    def op(self, *op) -> None:
        self.pages[-1].append(op)

    def fits(self, h: float) -> bool:
        return self.y - h >= self.frame.bottom - 0.01

    def need(self, h: float) -> None:
        if not self.fits(h) and not self.at_top:
            self.new_page()

    def space(self, h: float) -> None:
        if not self.at_top:
            self.y -= h

    # drawing primitives ----------------------------------------------------
    def text_line(self, segs: list[Seg], x: float, baseline: float, size: float,
                  color=(0, 0, 0)) -> None:
        for s in segs:
            if not s.text:
                continue
            col = LINK_BLUE if s.link else color
            self.op("text", x + s.x, baseline, s.font, size, s.text, col)
            if s.link:
                w = stringWidth(s.text.rstrip(" "), s.font, size)
                self.op("line", x + s.x, baseline - 1.2, x + s.x + w, baseline - 1.2, 0.5, col)
                if s.link != "#":  # the seeds write unknown targets as (#)
                    self.op("link", x + s.x, baseline - 2.5, x + s.x + w, baseline + size, s.link)

    # blocks ----------------------------------------------------------------
    def paragraph(self, runs: list[Run], fam: Family, size: float, leading: float | None = None,
                  left: float = 0, right: float = 0, prefix: str | None = None,
                  prefix_x: float = 0, space_before: float = 0, keep_with: float = 0,
                  orphans: int = 2, widows: int = 2, color=(0, 0, 0)) -> int:
        """Wrapped paragraph; returns the number of lines. keep_with: extra
        height that must fit on the same page (heading + next lines);
        orphans / widows: lines of a paragraph that must stay together at the
        foot / the top of a page (1 and 1 = no widow/orphan control)."""
        leading = leading or size * 1.3
        width = self.frame.x1 - self.frame.x0 - left - right
        lines = wrap(runs, fam, size, width)
        self.space(space_before)
        self.need(min(len(lines), orphans) * leading + keep_with)
        # widow control: how many lines go on this page before the break
        room = int((self.y - self.frame.bottom + 0.01) // leading)
        break_after = None
        if 0 < room < len(lines):
            break_after = room if len(lines) - room >= widows else len(lines) - widows
            if break_after < max(1, orphans) and not self.at_top:
                self.new_page()
                break_after = None
        for i, segs in enumerate(lines):
            if i and (i == break_after or not self.fits(leading)):
                self.new_page()
                self.splits.append((len(self.pages) - 1, "".join(r.text for r in runs)[:50]))
            elif not self.fits(leading):
                self.new_page()
            baseline = self.y - size
            if i == 0 and prefix:
                self.op("text", self.frame.x0 + prefix_x, baseline, fam.regular, size, prefix, color)
            self.text_line(segs, self.frame.x0 + left, baseline, size, color)
            self.y -= leading
            self.at_top = False
        return len(lines)

    def columns(self, cells: list[str], tabs: list[float], fam: Family, size: float,
                leading: float, bold: bool = False) -> None:
        """One line of tab-aligned cells (name TAB municipality)."""
        if not self.fits(leading):
            self.new_page()
        baseline = self.y - size
        for text, tab in zip(cells, tabs):
            if text:
                self.op("text", self.frame.x0 + tab, baseline, fam.pick(bold), size, text, (0, 0, 0))
        self.y -= leading
        self.at_top = False

    def table(self, rows: list[list[list[Run]]], widths: list[float], fam: Family, size: float,
              leading: float | None = None, header: bool = True, pad: float = 3.5,
              rule: float = 0.6, header_fill: float | None = 0.88, space_before: float = 4,
              label_col_bold: bool = False) -> None:
        """Ruled table; rows never split, the header row repeats on new pages."""
        leading = leading or size * 1.3
        self.space(space_before)
        x0 = self.frame.x0
        edges = [x0]
        for w in widths:
            edges.append(edges[-1] + w)

        def layout(row, is_header):
            cells = []
            for ci, (cell, w) in enumerate(zip(row, widths)):
                bold = is_header or (label_col_bold and ci == 0)
                runs = [Run(r.text, r.bold or bold, r.italic, r.link) for r in cell]
                cells.append(wrap(runs, fam, size, w - 2 * pad))
            h = max(len(c) for c in cells) * leading + 2 * pad
            return cells, h

        def draw(cells, h, is_header):
            top = self.y
            if is_header and header_fill is not None:
                self.op("rect", x0, top - h, edges[-1] - x0, h, 0, header_fill)
            for ci, lines in enumerate(cells):
                for li, segs in enumerate(lines):
                    baseline = top - pad - li * leading - size * 0.92
                    self.text_line(segs, edges[ci] + pad, baseline, size)
            self.op("line", x0, top, edges[-1], top, rule, (0, 0, 0))
            self.op("line", x0, top - h, edges[-1], top - h, rule, (0, 0, 0))
            for x in edges:
                self.op("line", x, top, x, top - h, rule, (0, 0, 0))
            self.y -= h
            self.at_top = False

        head = layout(rows[0], True) if header else None
        body = rows[1:] if header else rows
        if head:
            self.need(head[1] + (layout(body[0], False)[1] if body else 0))
            draw(*head, True)
        for row in body:
            cells, h = layout(row, False)
            if not self.fits(h):
                self.new_page()
                if head:
                    draw(*head, True)
            draw(cells, h, False)


# ------------------------------------------------------------------ output
def draw_ops(c: canvas.Canvas, ops: list[tuple]) -> None:
    for op in ops:
        kind = op[0]
        if kind == "text":
            _, x, y, font, size, text, color = op
            c.setFillColorRGB(*color)
            c.setFont(font, size)
            c.drawString(x, y, text)
        elif kind == "rtext":
            _, x, y, font, size, text, color = op
            c.setFillColorRGB(*color)
            c.setFont(font, size)
            c.drawRightString(x, y, text)
        elif kind == "line":
            _, x1, y1, x2, y2, width, color = op
            c.setStrokeColorRGB(*color)
            c.setLineWidth(width)
            c.line(x1, y1, x2, y2)
        elif kind == "rect":
            _, x, y, w, h, stroke, fill = op
            c.setLineWidth(stroke or 0.5)
            c.setStrokeColorRGB(0, 0, 0)
            if fill is not None:
                c.setFillGray(fill)
            c.rect(x, y, w, h, stroke=1 if stroke else 0, fill=0 if fill is None else 1)
        elif kind == "circle":
            _, x, y, r, gray = op
            c.setFillGray(gray)
            c.circle(x, y, r, stroke=0, fill=1)
        elif kind == "link":
            _, x1, y1, x2, y2, url = op
            c.linkURL(url, (x1, y1, x2, y2), relative=0, thickness=0)
        else:
            raise ValueError(op)
    c.setFillColorRGB(0, 0, 0)


@dataclass
class Meta:
    title: str
    author: str
    subject: str
    keywords: str = ""
    creator: str = "protokoll scripts/samples (reportlab canvas)"


def render(path: Path, pages: list[list[tuple]], furniture: Callable[[canvas.Canvas, int, int], None],
           meta: Meta) -> int:
    """Draw laid-out pages plus furniture(c, page_no, total) onto an A4 PDF."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(meta.title)
    c.setAuthor(meta.author)
    c.setSubject(meta.subject)
    c.setKeywords(meta.keywords)
    c.setCreator(meta.creator)
    total = len(pages)
    for i, ops in enumerate(pages):
        furniture(c, i + 1, total)
        draw_ops(c, ops)
        c.showPage()
    c.save()
    return total
