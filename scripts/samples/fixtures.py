"""Small PDF test fixtures for Tests/Fixtures/pdf/.

Why: the PDF reader needs a few tiny, purpose-made files besides the full
sample protocols: a two-column page (does text come out in reading order,
left column before right?), a page without any text (scanned-page detection),
pages with too little text for their text layer to be trusted (which of them
OCR has anything to read on), two encrypted files (a user password that
blocks opening, and an owner-password-only file that opens without a password
but restricts printing and modification), and a PDF/A export, whose output
intent makes poppler build colour conversions for every page it draws.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

import docxkit as dk
import pdflayout as pl
from markup import Run

FAM = pl.HELVETICA
W, H = A4

_LEFT = [
    "Vänster 1. Mötet inleddes med en genomgång av dagordningen och de ärenden som skulle behandlas.",
    "Vänster 2. Ordföranden påminde om att protokollet ska justeras inom två veckor.",
    "Vänster 3. Ledamöterna diskuterade hur samverkan mellan kommunerna kan stärkas.",
    "Vänster 4. En arbetsgrupp fick i uppdrag att ta fram ett förslag till nästa möte.",
    "Vänster 5. Frågan om gemensamma lokaler bordlades i väntan på mer underlag.",
    "Vänster 6. Sekreteraren redogjorde för budgetläget efter årets första kvartal.",
    "Vänster 7. Inga övriga frågor anmäldes under denna punkt.",
]
_RIGHT = [
    "Höger 1. Regionen informerade om det nya avtalet för hälso- och sjukvård i hemmet.",
    "Höger 2. Kommunerna framförde synpunkter på tidplanen för införandet.",
    "Höger 3. Det beslutades att en uppföljning ska göras efter sex månader.",
    "Höger 4. Representanter för brukarorganisationerna bjuds in till hösten.",
    "Höger 5. Nästa sammanträde äger rum i Örebro den tredje fredagen i maj.",
    "Höger 6. Kallelse och handlingar skickas ut senast en vecka före mötet.",
    "Höger 7. Ordföranden tackade för visat intresse och avslutade mötet.",
]


def _canvas(path: Path, title: str) -> canvas.Canvas:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor("protokoll test fixtures")
    c.setCreator("protokoll scripts/samples (reportlab canvas)")
    return c


def two_column(path: Path) -> None:
    """One page: a full-width heading, then two columns of ~15 lines each."""
    c = _canvas(path, "Tvåspaltig testsida")
    c.setFont(FAM.bold, 16)
    c.drawString(56, 790, "Tvåspaltig testsida: läsordning")
    c.setFont(FAM.regular, 10.5)
    c.drawString(56, 770, "Rubriken går över hela sidan; därefter följer två spalter med löptext.")
    c.setLineWidth(0.5)
    c.line(56, 760, W - 56, 760)
    col_w, gap = (W - 112 - 24) / 2, 24
    for x, sentences in ((56, _LEFT), (56 + col_w + gap, _RIGHT)):
        y = 735
        for sentence in sentences:  # each sentence starts a new line
            for segs in pl.wrap([Run(sentence)], FAM, 10.5, col_w):
                for s in segs:
                    c.setFont(s.font, 10.5)
                    c.drawString(x + s.x, y, s.text)
                y -= 14
    c.showPage()
    c.save()


def no_text(path: Path) -> None:
    """Page 1 has text; page 2 has only a filled rectangle and lines."""
    c = _canvas(path, "Sida utan text")
    c.setFont(FAM.regular, 14)
    c.drawString(72, 760, "Sida med text")
    c.showPage()
    c.setFillGray(0.6)
    c.rect(100, 420, 395, 260, stroke=0, fill=1)
    c.setLineWidth(2)
    for i in range(6):
        c.line(100, 380 - i * 30, 495, 380 - i * 30)
    c.line(100, 120, 495, 700)
    c.showPage()
    c.save()


def _picture_of_text(lines: list[str]):
    """A gray picture of typed lines, as a scanner would give them: text without a text layer."""
    from PIL import Image, ImageDraw, ImageFont  # reportlab's own dependency

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 40)
    image = Image.new("L", (1400, 80 * len(lines) + 40), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((20, 20 + 80 * i), line, font=font, fill=0)
    return ImageReader(image)


def thin_pages(path: Path) -> None:
    """Five pages, four of them with less than 20 characters of text layer.

    1: a page of text; 2: nothing at all; 3: only "Sida 3 av 5", underlined; 4: "Sida 4 av 5"
    and a picture of two typed lines; 5: turned a quarter (/Rotate 90), only "Sida 5 av 5".
    """
    c = _canvas(path, "Sidor med lite text")
    c.setFont(FAM.regular, 11)
    for i, line in enumerate(_LEFT + _RIGHT):
        c.drawString(56, 780 - i * 16, line)
    c.drawString(280, 40, "Sida 1 av 5")
    c.showPage()
    c.showPage()
    c.setFont(FAM.regular, 11)
    c.drawString(280, 40, "Sida 3 av 5")
    c.setLineWidth(0.5)
    c.line(280, 38, 338, 38)
    c.showPage()
    c.setFont(FAM.regular, 11)
    c.drawString(280, 40, "Sida 4 av 5")
    picture = _picture_of_text(["Justerare: Anna Andersson", "Beslutet justerades omedelbart."])
    width, height = picture.getSize()
    c.drawImage(picture, 56, 600, width=420, height=420 * height / width)
    c.showPage()
    c.setPageRotation(90)
    c.setFont(FAM.regular, 11)
    c.drawString(500, 40, "Sida 5 av 5")
    c.showPage()
    c.save()


def _qpdf(args: list[str]) -> None:
    qpdf = shutil.which("qpdf")
    if not qpdf:
        raise SystemExit("qpdf not found (run scripts/samples/make-samples.sh)")
    # --static-id / --static-aes-iv: as reproducible as AES-256 allows (its
    # file key is still random, see _encrypt)
    subprocess.run([qpdf, "--static-id", "--static-aes-iv", *args], check=True)


def _text(pdf: Path, user_password: str = "") -> bytes | None:
    args = ["pdftotext", "-layout", "-upw", user_password, str(pdf), "-"]
    res = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return res.stdout if res.returncode == 0 else None


def _encrypt(src: Path, dst: Path, user_password: str, owner_password: str,
             options: list[str]) -> None:
    """Encrypt src into dst, unless dst already holds src's text.

    AES-256 uses a random file key, so every run would change the bytes of an
    unchanged fixture; keeping a still-valid file avoids noise in git. (The
    check compares the extracted text, which is what the fixtures are about.)
    """
    if dst.exists() and shutil.which("pdftotext"):
        if _text(dst, user_password) == _text(src):
            return
    _qpdf(["--encrypt", user_password, owner_password, "256", *options, "--", str(src), str(dst)])


def pdf_a(dst: Path) -> None:
    """LibreOffice's PDF/A-2b export of the LSVO sample's DOCX, unless dst already holds its text.

    LibreOffice writes a new date and /ID into every export, so, as for _encrypt, a file
    with the same text is kept to avoid noise in git."""
    docx = Path(__file__).resolve().parents[2] / "samples" / "lsvo-2021-06-04.docx"
    pdf_a2 = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
    with tempfile.TemporaryDirectory(prefix="pdfa-") as tmp:
        made = dk.soffice_to_pdf(docx, Path(tmp), pdf_a2)
        if dst.exists() and shutil.which("pdftotext") and _text(dst) == _text(made):
            return
        shutil.copyfile(made, dst)


def build(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    two = out_dir / "two-column.pdf"
    two_column(two)
    blank = out_dir / "no-text.pdf"
    no_text(blank)
    thin = out_dir / "thin-pages.pdf"
    thin_pages(thin)
    user = out_dir / "encrypted-user.pdf"
    _encrypt(two, user, "hemlig", "agare", [])
    owner = out_dir / "encrypted-owner.pdf"
    _encrypt(two, owner, "", "agare", ["--print=none", "--modify=none", "--extract=y"])
    archival = out_dir / "pdfa-libreoffice.pdf"
    pdf_a(archival)
    return [two, blank, thin, user, owner, archival]
