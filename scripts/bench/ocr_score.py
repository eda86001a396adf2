#!/usr/bin/env python3
"""Scores the OCR runs of scripts/bench/ocr.sh against the text-layer runs: one Markdown row.

Usage: ocr_score.py DIR DPI PAGES SECONDS_PROTOKOLL SECONDS_CLI PEAK_KB_PROTOKOLL PEAK_KB_CLI,
where DIR holds one folder per sample with text.ndjson (text layer) and scan.ndjson (image-only
copy read by OCR), and the peaks are /usr/bin/time's %M in KiB.
"""
import json
import os
import sys
from collections import Counter


def records(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def found(expected, got):
    """Exact matches, each found value used once."""
    pool = Counter(got)
    hits = 0
    for value in expected:
        if pool[value] > 0:
            pool[value] -= 1
            hits += 1
    return hits


def distance(a, b):
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j - 1] + (x != y), previous[j] + 1, current[j - 1] + 1))
        previous = current
    return previous[-1]


def squeeze(text):
    return " ".join(text.split())


def main():
    root, dpi, pages, t_protokoll, t_cli, peak_protokoll, peak_cli = sys.argv[1:8]
    titles = [0, 0]
    names = [0, 0]
    errors = 0
    length = 0
    for sample in sorted(os.listdir(root)):
        text = records(os.path.join(root, sample, "text.ndjson"))
        scan = records(os.path.join(root, sample, "scan.ndjson"))
        items = [r for r in text if r["type"] == "agenda_item"]
        scanned = [r for r in scan if r["type"] == "agenda_item"]
        expected_titles = [r["title"] for r in items if r["title"]]
        titles[0] += found(expected_titles, [r["title"] for r in scanned])
        titles[1] += len(expected_titles)
        expected_names = [r["person"]["name"] for r in text if r["type"] == "participant"]
        names[0] += found(expected_names, [r["person"]["name"] for r in scan if r["type"] == "participant"])
        names[1] += len(expected_names)
        bodies = {r["number"]: r["body_text"] for r in scanned}
        for item in items:
            reference = squeeze(item["body_text"])
            errors += distance(reference, squeeze(bodies.get(item["number"], "")))
            length += len(reference)
    pages = int(pages)
    speed = pages / float(t_protokoll)
    cli = pages / float(t_cli)
    print(
        f"| {dpi} | {pages} | {titles[0]}/{titles[1]} ({100 * titles[0] / max(titles[1], 1):.1f} %) "
        f"| {names[0]}/{names[1]} ({100 * names[0] / max(names[1], 1):.1f} %) "
        f"| {100 * errors / max(length, 1):.2f} % | {speed:.2f} | {cli:.2f} | {speed / cli:.2f} "
        f"| {int(peak_protokoll) / 1024:.1f} MiB | {int(peak_cli) / 1024:.1f} MiB |"
    )


main()
