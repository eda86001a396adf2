#!/usr/bin/env python3
"""Writes a deterministic corpus of damaged PDFs and DOCX files for robustness runs.

Usage: mutate.py --count N --seed S OUT_DIR

Each file is a sample (samples/, Tests/Fixtures/pdf/) with one kind of damage: truncated,
bytes flipped, the PDF cross-reference table or startxref broken, the zip central directory
or a local header broken, garbage spliced in, or a chunk duplicated. The same count and seed
always give the same files, so a failure can be reproduced by name.
"""
import argparse
import pathlib
import random

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = sorted(
    [p for p in (ROOT / "samples").iterdir() if p.suffix in (".pdf", ".docx")]
    + [p for p in (ROOT / "Tests/Fixtures/pdf").iterdir() if p.suffix == ".pdf"]
)


def truncate(data, rng):
    return data[: rng.randrange(0, len(data))]


def flip_bytes(data, rng):
    out = bytearray(data)
    for _ in range(rng.randint(1, 64)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def break_xref(data, rng):
    """PDF: damage the cross-reference table or the startxref offset; others get flips."""
    if b"startxref" not in data:
        return flip_bytes(data, rng)
    out = bytearray(data)
    if rng.random() < 0.5 and b"xref" in data:
        at = data.rfind(b"xref", 0, data.rfind(b"startxref"))
        at = at if at >= 0 else data.rfind(b"startxref")
        out[at : at + 40] = bytes(rng.randrange(32, 127) for _ in range(40))
    else:
        at = data.rfind(b"startxref") + len(b"startxref\n")
        out[at : at + 6] = str(rng.randrange(10**6)).encode().ljust(6, b" ")
    return bytes(out)


def break_zip(data, rng):
    """DOCX: damage the end-of-central-directory record, the central directory or a local
    header; others get flips."""
    if not data.startswith(b"PK\x03\x04"):
        return flip_bytes(data, rng)
    out = bytearray(data)
    choice = rng.randrange(3)
    if choice == 0:
        at = data.rfind(b"PK\x05\x06")
        out[at + 8 : at + 22] = bytes(rng.randrange(256) for _ in range(14))
    elif choice == 1:
        at = data.find(b"PK\x01\x02", rng.randrange(len(data) // 2, len(data)))
        at = at if at >= 0 else data.find(b"PK\x01\x02")
        out[at : at + 46] = bytes(rng.randrange(256) for _ in range(46))
    else:
        at = data.find(b"PK\x03\x04", rng.randrange(1, len(data)))
        at = at if at >= 0 else 0
        out[at + 18 : at + 26] = b"\xff" * 8
    return bytes(out)


def splice_garbage(data, rng):
    at = rng.randrange(len(data))
    return data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 4096))) + data[at:]


def duplicate_chunk(data, rng):
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randint(1, 65536))
    at = rng.randrange(len(data))
    return data[:at] + data[start:end] + data[at:]


MUTATIONS = [truncate, flip_bytes, break_xref, break_zip, splice_garbage, duplicate_chunk]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("out")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    originals = [(p.name, p.read_bytes()) for p in SOURCES]
    for index in range(args.count):
        name, data = originals[index % len(originals)]
        mutation = MUTATIONS[rng.randrange(len(MUTATIONS))]
        (out / f"{index:05d}-{mutation.__name__}-{name}").write_bytes(mutation(data, rng))


if __name__ == "__main__":
    main()
