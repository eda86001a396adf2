"""samples/orebro-2020-01-31.pdf from seed 001, drawn directly with reportlab.

Why: in Region Örebro län's protocols the footer is a 5-line address block
(POSTADRESS / BESÖKSADRESS / TELEFON / TELEFAX / ORG.NR / PLUSGIRO captions,
the address lines, E-POST / INTERNET) repeated at the bottom of every page,
so a naive text extraction interleaves it with the body in the middle of
sentences and lists. This recreation flows the body continuously: the page
breaks the seed shows (where its address block interrupted a list) are kept,
and where a page fills up the text simply continues on the next one,
mid-paragraph. Attendance is "name TAB municipality" in two aligned columns,
items "1." .. "18." are bold headings. Standard Helvetica (not embedded).
Widow/orphan control is off (as in many exported documents), so single lines
of a paragraph end up alone at the foot or the top of a page.
"""
from __future__ import annotations

from pathlib import Path

import markup
import pdflayout as pl
from markup import Run

NAME = "orebro-2020-01-31"
SEED = "001_48e193fe13c6cdf9.txt"
ORG = "Region Örebro län"
DATE = "2020-01-31"
FAM = pl.HELVETICA
SIZE, LEADING = 10, 12.6
X0, X1 = 70, 530
BODY_TOP, BODY_TOP_FIRST, BODY_BOTTOM = 752, 752, 100

# The seed's repeated footer, as columns: caption, then the column's lines.
ADDRESS_COLUMNS = [
    ("POSTADRESS", ["Region Örebro län", "Box 1613", "701 16 Örebro"], 0),
    ("BESÖKSADRESS", ["Eklundavägen 2", "Örebro"], 118),
    ("TELEFON", ["019-602 70 00"], 210),
    ("TELEFAX", ["019-602 70 08"], 280),
    ("ORG.NR", ["232100-0164"], 350),
    ("PLUSGIRO", ["122500-2"], 415),
]
ADDRESS_LAST_LINE = [("E-POST regionen@regionorebrolan.se", 0), ("INTERNET www.regionorebrolan.se", 210)]


def furniture(c, page: int, total: int) -> None:
    """Running header (org, PROTOKOLL, date, 'N (M)') and the address footer."""
    # header: a simple drawn mark + organisation name, document data right
    c.setFillColorRGB(0.0, 0.36, 0.6)
    c.circle(X0 + 7, 803, 7, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.circle(X0 + 7, 803, 3, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FAM.bold, 13)
    c.drawString(X0 + 20, 798, ORG)
    c.setFont(FAM.bold, 10)
    c.drawString(340, 805, "PROTOKOLL")
    c.setFont(FAM.regular, 9)
    c.drawString(340, 793, DATE)
    c.drawRightString(X1, 805, f"{page} ({total})")
    # footer: thin rule, captions, three address lines, e-mail / web line
    c.setLineWidth(0.5)
    c.line(X0, 84, X1, 84)
    for caption, lines, dx in ADDRESS_COLUMNS:
        c.setFont(FAM.bold, 6)
        c.drawString(X0 + dx, 75, caption)
        c.setFont(FAM.regular, 7)
        for i, line in enumerate(lines):
            c.drawString(X0 + dx, 66 - i * 8.5, line)
    c.setFont(FAM.regular, 7)
    for text, dx in ADDRESS_LAST_LINE:
        c.drawString(X0 + dx, 36, text)


def _front_matter(flow: pl.Flow) -> None:
    """Page 1: title, info box, meeting data and the signature lines."""
    op = flow.op
    op("text", X0, 730, FAM.bold, 15, "Specifika samverkansrådet för social välfärd samt", (0, 0, 0))
    op("text", X0, 712, FAM.bold, 15, "vård och omsorg", (0, 0, 0))
    # info box right: caption + value wrapped to the narrow column
    y = 688
    for caption, value in (("Tjänsteställe", "Förvaltningen regional utveckling"),
                           ("Sekreterare", "Ann-Louise Gustafsson")):
        op("text", 400, y, FAM.bold, 7, caption, (0.3, 0.3, 0.3))
        y -= 11
        for segs in pl.wrap([Run(value)], FAM, 9, 92):
            flow.text_line(segs, 400, y, 9)
            y -= 11
        y -= 6
    flow.y = 690
    flow.at_top = False
    title = "Protokoll specifika samverkansrådet för social välfärd samt vård och omsorg"
    flow.paragraph([Run(title, True)], FAM, 11, 14, right=150)
    flow.space(6)
    for label, value in (("Tid:", "Fredag den 31 januari kl 13.00-16.00"),
                         ("Plats:", "Hjortkvarn, Eklundavägen 1, Örebro")):
        flow.paragraph([Run(label + " ", True), Run(value)], FAM, SIZE, LEADING, right=150)
    flow.space(14)

    def signature(x: float, y: float, name: str, role: str) -> None:
        op("line", x, y, x + 170, y, 0.5, (0, 0, 0))
        op("text", x, y - 11, FAM.regular, 9, name, (0, 0, 0))
        op("text", x, y - 22, FAM.regular, 9, role, (0, 0, 0))

    y = flow.y
    op("text", X0, y - 10, FAM.bold, 9, "Vid protokollet", (0, 0, 0))
    signature(X0, y - 38, "Ann-Louise Gustafsson", "Sekreterare")
    op("text", X0, y - 80, FAM.bold, 9, "Justerat den: 2020-03-02", (0, 0, 0))
    signature(X0, y - 108, "Karin Sundin", "Ordförande")
    signature(X0 + 240, y - 108, "Margareta Karlsson", "Justerare")
    flow.y = y - 140


def _bold(runs: list[Run]) -> list[Run]:
    return [Run(r.text, True, r.italic, r.link) for r in runs]


def layout() -> pl.Flow:
    flow = pl.Flow(lambda i: pl.Frame(X0, X1, BODY_TOP_FIRST if i == 0 else BODY_TOP, BODY_BOTTOM))
    _front_matter(flow)
    bullet_left = 22
    for block in markup.load(f"{NAME}.txt"):
        before = 0 if block.tight else 7
        if block.kind == "pagebreak":
            flow.new_page()
        elif block.kind == "h" and block.level == 2:  # "7. Förstudie ..." item
            flow.paragraph(_bold(block.runs), FAM, 10.5, 14, space_before=12, keep_with=2 * LEADING)
        elif block.kind == "h":  # "Närvarande ledamöter:"
            flow.paragraph(_bold(block.runs), FAM, SIZE, LEADING, space_before=10, keep_with=LEADING)
        elif block.kind == "tabrow":
            flow.space(before)
            flow.columns(block.lines, [0, 190], FAM, SIZE, LEADING)
        elif block.kind == "bullet":
            left = bullet_left * (block.level + 1)
            flow.paragraph(block.runs, FAM, SIZE, LEADING, left=left,
                           prefix="–" if block.level else "•", prefix_x=left - 12,
                           space_before=0 if block.tight else 4, orphans=1, widows=1)
        elif block.kind == "p":
            flow.paragraph(block.runs, FAM, SIZE, LEADING, left=bullet_left * block.level,
                           space_before=0 if block.cont else (2 if block.tight else 7),
                           orphans=1, widows=1)
        else:
            raise ValueError(f"unexpected block {block}")
    return flow


def build(out_dir: Path) -> list[Path]:
    path = out_dir / f"{NAME}.pdf"
    pl.render(path, layout().pages, furniture, pl.Meta(
        title="Protokoll specifika samverkansrådet för social välfärd samt vård och omsorg 2020-01-31",
        author="Ann-Louise Gustafsson", subject="Specifika samverkansrådet, Region Örebro län",
        keywords="protokoll; samverkansråd; Region Örebro län"))
    return [path]
