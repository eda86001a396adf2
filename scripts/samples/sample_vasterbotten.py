"""samples/vasterbotten-2024-03-15.pdf from seed 004, drawn directly with reportlab.

Why: Region Västerbotten's "Samråd hälsa, vård och omsorg" protocol has an odd
page label ("1(14 )", with the stray space), meeting metadata in a ruled
label/value table, a vote whose result is given as name lists (Bifall /
Avslag / Avstod att rösta) with a written reservation and a protocol note, the
attendance lists at the END of the document, and a Comfact e-signature page
(UNDERSKRIFTSSIDA) appended as a last page with its own vendor layout and no
protocol header. Page breaks the seed shows are kept, including the one in
the middle of a sentence in item 5. DejaVu Sans is embedded (subset) because
the text has glyphs outside WinAnsi (→).
"""
from __future__ import annotations

from pathlib import Path

import markup
import pdflayout as pl
from markup import Run

NAME = "vasterbotten-2024-03-15"
SEED = "004_cbd6700fdbc23942.txt"
ORG = "Region Västerbotten"
DATE = "2024-03-15"
SIZE, LEADING = 9.5, 13
X0, X1 = 68, 527
BODY_TOP, BODY_BOTTOM = 742, 78

SIGNERS = [
    ("Katarina Lindahl", "sekreterare, Samråd hälsa, vård och omsorg", "2024-03-26 12:52:33 +01:00",
     "E-post (katarina.a.lindahl@regionvasterbotten.se)", "5416ca2540dc47eba8dbc9447777a714"),
    ("Anna-Lena Danielsson", "justerare, Samråd hälsa, vård och omsorg", "2024-03-26 12:53:32 +01:00",
     "E-post (annalena.danielsson@regionvasterbotten.se)", "d9ce39ab3ac74f8690e5493c9c6c2499"),
    ("Carin Nilsson", "ordförande, Samråd hälsa, vård och omsorg", "2024-03-27 09:37:21 +01:00",
     "E-post (carin.nilsson@umea.se)", "ff3603d392fe461eb50be785d137ccf6"),
]
SEAL = ["Certifierad av Comfact Signature", "Accepterad av alla undertecknare",
        "2024-03-27 09:37:26 +01:00", "Ref: 121438SE", "www.comfact.se"]
VENDOR_URL = "https://www.comfact.se"


def _fam() -> pl.Family:
    return pl.dejavu()


def make_furniture(protocol_pages: int):
    fam = _fam()

    def furniture(c, page: int, total: int) -> None:
        if page > protocol_pages:  # the signing page has the vendor's layout
            return
        c.setFillColorRGB(0.0, 0.45, 0.35)
        c.rect(X0, 795, 14, 14, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont(fam.bold, 12)
        c.drawString(X0 + 20, 798, ORG)
        c.setFont(fam.bold, 10)
        c.drawString(340, 804, "Protokoll")
        c.setFont(fam.regular, 9)
        c.drawString(340, 792, DATE)
        c.drawRightString(X1, 804, f"{page}({protocol_pages} )")
        c.setLineWidth(0.4)
        c.line(X0, 60, X1, 60)
        c.setFont(fam.regular, 7.5)
        c.drawString(X0, 50, "Samråd hälsa, vård och omsorg")
        c.drawRightString(X1, 50, "Dnr: HSN 50:1-2024")

    return furniture


def _table_rows(lines: list[str]) -> list[list[list[Run]]]:
    return [[markup.inline(cell) for cell in line.split("\t")] for line in lines if line.strip()]


def layout() -> pl.Flow:
    fam = _fam()
    flow = pl.Flow(lambda i: pl.Frame(X0, X1, BODY_TOP, BODY_BOTTOM))
    width = X1 - X0
    for block in markup.load(f"{NAME}.txt"):
        if block.kind == "pagebreak":
            flow.new_page()
        elif block.kind == "h" and block.level == 1:
            flow.paragraph(_bold(block.runs), fam, 16, 20, space_before=0)
            flow.space(8)
        elif block.kind == "h" and block.level == 2:  # "5. Hantering ..."
            flow.paragraph(_bold(block.runs), fam, 11.5, 15, space_before=16, keep_with=2 * LEADING)
        elif block.kind == "h":  # "Bifall", "Närvarande ...", "Frånvarande"
            flow.paragraph(_bold(block.runs), fam, 10, 14, space_before=10, keep_with=LEADING)
        elif block.kind == "raw" and block.name == "kv":
            flow.table(_table_rows(block.lines), [0.26 * width, 0.74 * width], fam, SIZE,
                       header=False, label_col_bold=True, space_before=0)
            flow.space(10)
        elif block.kind == "raw" and block.name == "table":
            fractions = [float(x) for x in block.args.split()]
            flow.table(_table_rows(block.lines), [f * width for f in fractions], fam, SIZE,
                       space_before=6)
            flow.space(4)
        elif block.kind == "bullet":
            flow.paragraph(block.runs, fam, SIZE, LEADING, left=16, prefix="•", prefix_x=5,
                           space_before=0 if block.tight else 6)
        elif block.kind == "p":
            before = 0 if (block.tight or block.cont) else 7
            flow.paragraph(block.runs, fam, SIZE, LEADING, left=16 * block.level,
                           space_before=before)
        else:
            raise ValueError(f"unexpected block {block}")
    return flow


def _bold(runs: list[Run]) -> list[Run]:
    return [Run(r.text, True, r.italic, r.link) for r in runs]


def signing_page() -> list[tuple]:
    """Comfact-style UNDERSKRIFTSSIDA: one box per signer, then the seal."""
    fam = _fam()
    ops: list[tuple] = []
    black, grey, accent = (0, 0, 0), (0.38, 0.38, 0.42), (0.05, 0.3, 0.55)
    ops.append(("rect", 0, 812, pl.PAGE_W, 30, 0, 0.93))
    ops.append(("text", 50, 823, fam.bold, 8, "comfact signature", accent))
    ops.append(("text", 50, 770, fam.bold, 20, "UNDERSKRIFTSSIDA", black))
    ops.append(("text", 50, 748, fam.regular, 10,
                "Detta dokument har undertecknats med elektroniska underskrifter:", black))
    y = 725
    labels = ["NAMN:", "TITEL, ORGANISATION:", "TID:", "IDENTIFIKATIONSTYP:", "IDENTIFIKATIONS-ID:"]
    for signer in SIGNERS:
        h = 92
        ops.append(("rect", 50, y - h, 495, h, 0.6, None))
        ops.append(("rect", 50, y - h, 4, h, 0, 0.55))
        for i, (label, value) in enumerate(zip(labels, signer)):
            base = y - 20 - i * 15
            ops.append(("text", 66, base, fam.bold, 7.5, label, grey))
            ops.append(("text", 180, base, fam.bold if i == 0 else fam.regular, 9.5 if i == 0 else 9,
                        value, black))
        y -= h + 22
    # seal: drawn rosette and the certification text
    cx, cy = 95, y - 48
    for r, g in ((34, 0.35), (30, 1.0), (26, 0.55)):
        ops.append(("circle", cx, cy, r, g))
    ops.append(("text", cx - 17, cy - 3, fam.bold, 8, "SIGNED", (1, 1, 1)))
    for i, line in enumerate(SEAL):
        ops.append(("text", 150, y - 22 - i * 14, fam.bold if i == 0 else fam.regular,
                    10 if i == 0 else 9, line, black))
    ops.append(("line", 50, 70, 545, 70, 0.5, grey))
    x = 50
    for i, label in enumerate(["Validera dokumentet", "Användarvillkor"]):
        if i:
            ops.append(("text", x, 56, fam.regular, 8.5, "|", grey))
            x += 12
        w = pl.stringWidth(label, fam.regular, 8.5)
        ops.append(("text", x, 56, fam.regular, 8.5, label, pl.LINK_BLUE))
        ops.append(("link", x, 53, x + w, 65, VENDOR_URL))
        x += w + 8
    return ops


def build(out_dir: Path) -> list[Path]:
    flow = layout()
    pages = flow.pages + [signing_page()]
    path = out_dir / f"{NAME}.pdf"
    pl.render(path, pages, make_furniture(len(flow.pages)), pl.Meta(
        title="Protokoll Samråd hälsa, vård och omsorg 2024-03-15",
        author="Katarina Lindahl", subject="Samråd hälsa, vård och omsorg, Region Västerbotten",
        keywords="protokoll; HSN 50:1-2024; Comfact"))
    return [path]
