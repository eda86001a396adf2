"""DOCX to PDF with LibreOffice, batched, with reproducible output.

Why: LibreOffice costs seconds to start, so the corpus converts all its Word
documents in one `soffice --convert-to pdf` call per core rather than one per
file. Its PDFs carry the time of conversion (/CreationDate) and an /ID and
/DocChecksum that change on every run; they are rewritten in place to values
derived from the DOCX bytes (same length, so the xref offsets stay valid), so
that one seed always gives byte-identical files.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

FIXED_DATE = b"D:20240101000000"
_DATE = re.compile(rb"/CreationDate\(D:(\d{14})")
_ID = re.compile(rb"(/ID \[ <)[0-9A-F]{32}(>\s*<)[0-9A-F]{32}(> \])")
_CHECKSUM = re.compile(rb"/DocChecksum /([0-9A-F]{32})")


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if not path:
        raise SystemExit("soffice not found (scripts/bench/deps.sh installs LibreOffice)")
    return path


def version() -> str:
    out = subprocess.run([soffice(), "--version"], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def _normalize(pdf: Path, docx: Path) -> None:
    digest = hashlib.md5(docx.read_bytes()).hexdigest().upper().encode()
    data = pdf.read_bytes()
    data, dates = _DATE.subn(lambda m: b"/CreationDate(" + FIXED_DATE, data)
    data, ids = _ID.subn(lambda m: m.group(1) + digest + m.group(2) + digest + m.group(3), data)
    data = _CHECKSUM.sub(b"/DocChecksum /" + digest, data)
    if dates != 1 or ids != 1:
        raise SystemExit(f"{pdf}: unexpected LibreOffice PDF trailer ({dates} dates, {ids} IDs)")
    pdf.write_bytes(data)


def convert(docx_files: list[Path], out_dir: Path, processes: int) -> list[Path]:
    """Converts the files into out_dir/<stem>.pdf with `processes` soffice runs at once."""
    if not docx_files:
        return []
    chunks = [docx_files[i::processes] for i in range(processes) if docx_files[i::processes]]
    with tempfile.TemporaryDirectory(prefix="bench-lo-") as tmp:
        running = []
        for n, chunk in enumerate(chunks):
            profile = Path(tmp) / f"profile-{n}"
            env = dict(os.environ, HOME=str(profile))
            cmd = [soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, chunk)]
            running.append(subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                                            stderr=subprocess.PIPE))
        for proc in running:
            _, err = proc.communicate()
            if proc.returncode != 0:
                raise SystemExit(f"soffice failed ({proc.returncode}): {err.decode(errors='replace')}")
    pdfs = []
    for docx in docx_files:
        pdf = out_dir / (docx.stem + ".pdf")
        if not pdf.exists():
            raise SystemExit(f"LibreOffice did not produce {pdf}")
        _normalize(pdf, docx)
        pdfs.append(pdf)
    return pdfs
