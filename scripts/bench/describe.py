"""Describes the machine and the tool versions of a benchmark run, as JSON on stdout.

Why: a throughput figure means nothing without the processor, the core count,
the memory, the kernel and the exact versions it was taken with, and the load
average says whether the machine was quiet. protokoll is identified by its git
commit (with "dirty" when the work tree had changes) and the SHA-256 of the
binaries measured.

Usage: describe.py --bin DIR --python PYTHON
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run(*cmd: str) -> str:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"unavailable ({error})"
    return (done.stdout + done.stderr).strip()


def first_line(text: str) -> str:
    return text.splitlines()[0] if text else ""


def lscpu() -> dict[str, str]:
    fields = {}
    for line in run("lscpu").splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def meminfo_gib() -> float:
    with open("/proc/meminfo", encoding="ascii") as f:
        kib = int(next(line.split()[1] for line in f if line.startswith("MemTotal:")))
    return round(kib / 1024 ** 2, 1)


def os_name() -> str:
    try:
        with open("/etc/os-release", encoding="utf-8") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.system()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.exists() else "missing"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", type=Path, required=True)
    ap.add_argument("--python", required=True)
    args = ap.parse_args(argv)
    cpu = lscpu()
    py_versions = run(args.python, "-c", "from importlib.metadata import version as v; import sys; "
                      "print(sys.version.split()[0]); [print(v(p)) for p in "
                      "('pdfplumber', 'pdfminer.six', 'pymupdf')]").splitlines()
    dirty = run("git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no")
    description = {
        "machine": {
            "cpu_model": cpu.get("Model name", platform.processor()),
            "cpus": os.cpu_count(),
            "threads_per_core": cpu.get("Thread(s) per core", "?"),
            "memory_gib": meminfo_gib(),
            "kernel": platform.release(),
            "os": os_name(),
            "load_average": os.getloadavg(),
        },
        "versions": {
            "protokoll": {
                "commit": run("git", "-C", str(REPO), "rev-parse", "--short=12", "HEAD")
                + ("-dirty" if dirty else ""),
                "protokoll_sha256": sha256(args.bin / "protokoll"),
                "protokoll_extract_sha256": sha256(args.bin / "protokoll-extract"),
                "swift": first_line(run("swift", "--version")),
            },
            "pdftotext": first_line(run("pdftotext", "-v")),
            "mutool": first_line(run("mutool", "-v")),
            "pandoc": first_line(run("pandoc", "--version")),
            "python": py_versions[0] if py_versions else "?",
            "pdfplumber": py_versions[1] if len(py_versions) > 1 else "?",
            "pdfminer.six": py_versions[2] if len(py_versions) > 2 else "?",
            "pymupdf": py_versions[3] if len(py_versions) > 3 else "?",
            "gnu_time": run("dpkg-query", "-W", "-f", "${Version}", "time"),
        },
    }
    json.dump(description, sys.stdout, indent=2, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
