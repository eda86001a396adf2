"""Turns one benchmark run into a JSON record and a Markdown results section.

Why: the raw passes only log start and end times, CPU seconds, exit codes and
per-process peak memory; the figures worth publishing are derived: medians
over the repetitions, rates per page and per document, ratios to pdftotext in
the same repetition (same documents, same moment), 2-core scaling, peak memory
against corpus size, and whether `protokoll run` gave the same bytes with one
and with two jobs. The JSON keeps the raw rows too, so later questions can be
answered from the record without rerunning.

Usage: report.py --work DIR --corpus DIR --describe FILE --settings JSON --started ISO
                 --json OUT.json --markdown OUT.md
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import statistics
import sys
from pathlib import Path

NAMES = {"pdftotext": "pdftotext", "mutool": "mutool draw -F txt", "pymupdf": "PyMuPDF",
         "pdfplumber": "pdfplumber", "pandoc": "pandoc -t plain", "extract": "protokoll-extract",
         "run": "protokoll run"}
INTERVAL = 0.90  # the scaling pass's bootstrap interval
RESAMPLES = 2000
FLAT = 1.25  # a peak (runner, and largest process) that grows less than this with 10x the documents is flat


def read_tsv(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else 0.0


def fmt(x: float, digits: int = 1) -> str:
    return f"{x:,.{digits}f}" if x else "–"


class Lists:
    """Documents and PDF pages of every list file plan.py wrote."""

    def __init__(self, corpus: Path, lists: Path):
        self.rows = {r["name"]: r for r in read_tsv(corpus / "corpus.tsv")}
        self.lists = lists

    def size(self, name: str) -> tuple[int, int]:
        names = (self.lists / name).read_text(encoding="utf-8").split()
        return len(names), sum(int(self.rows[n]["pages"]) for n in names)


def timing(work: Path, lists: Lists) -> list[dict]:
    """One row per measurement: the fastest of its tries. A try that failed fails the
    measurement, and tries of `protokoll run` whose output differs show as such in its hash."""
    tries: dict[tuple, list[dict]] = {}
    for r in read_tsv(work / "timing.tsv"):
        docs, pages = lists.size(r["list"])
        wall = float(r["end"]) - float(r["start"])
        row = {
            "rep": int(r["rep"]), "cores": int(r["cores"]), "tool": r["tool"], "format": r["format"],
            "list": r["list"], "docs": docs, "pages": pages, "wall_s": round(wall, 3),
            "cpu_s": round(float(r["user_s"]) + float(r["sys_s"]), 2), "status": int(r["status"]),
            "output_hash": r["output_hash"],
            "pages_per_s": round(pages / wall, 2) if pages else None,
            "docs_per_s": round(docs / wall, 3),
        }
        tries.setdefault((row["rep"], row["cores"], row["tool"], row["format"]), []).append(row)
    rows = []
    for runs in tries.values():
        best = dict(min(runs, key=lambda r: r["wall_s"]))
        best["tries_wall_s"] = [r["wall_s"] for r in runs]
        best["status"] = next((r["status"] for r in runs if r["status"] != 0), 0)
        if len({r["output_hash"] for r in runs}) > 1:
            best["output_hash"] = "tries differ: " + ", ".join(r["output_hash"] for r in runs)
        rows.append(best)
    return rows


def scaling_pass(work: Path, lists: Lists) -> list[dict]:
    """2-core scaling of each tool in the scaling pass: its total 1-core wall time over its
    total 2-core wall time, with a bootstrap interval over the tries. Why totals and not the
    fastest try: one try's scaling here swings from about 1.3 to 2.7 with the machine's speed,
    in both directions, so extremes are noise; a total weighs every try alike. Resampling
    whole tries (a 1-core run with the 2-core run next to it) keeps what the two share. The
    seed is fixed, so one timing.tsv always gives the same report. A run that exited non-zero
    still counts, as in the tables (in an imported corpus one unreadable file makes every run
    of a tool exit non-zero), and is listed."""
    tries: dict[tuple, dict[int, float]] = {}
    failed: dict[tuple, int] = {}
    sizes: dict[tuple, tuple[int, int]] = {}
    hashes: dict[tuple, set[str]] = {}
    for r in read_tsv(work / "scaling" / "timing.tsv"):
        key = (r["format"], r["tool"])
        sizes[key] = lists.size(r["list"])
        hashes.setdefault(key, set()).add(r["output_hash"])
        if int(r["status"]) != 0:
            failed[key] = failed.get(key, 0) + 1
        tries.setdefault(key + (int(r["cores"]),), {})[int(r["try"])] = float(r["end"]) - float(r["start"])
    out = []
    order = ["pdftotext", "extract", "run"]
    for fmt_, tool in sorted(sizes, key=lambda k: (k[0] != "pdf", order.index(k[1]))):
        one, two = tries.get((fmt_, tool, 1), {}), tries.get((fmt_, tool, 2), {})
        paired = sorted(set(one) & set(two))
        if not paired:
            continue
        rng = random.Random(0)
        resampled = sorted(
            sum(one[k] for k in sample) / sum(two[k] for k in sample)
            for sample in ([rng.choice(paired) for _ in paired] for _ in range(RESAMPLES)))
        tail = round(RESAMPLES * (1 - INTERVAL) / 2)
        per_try = [one[k] / two[k] for k in paired]
        docs, pages = sizes[(fmt_, tool)]
        out.append({
            "format": fmt_, "tool": tool, "docs": docs, "pages": pages, "tries": len(paired),
            "failed_runs": failed.get((fmt_, tool), 0),
            "distinct_outputs": len(hashes[(fmt_, tool)]) if tool == "run" else None,
            "wall_s_1": round(sum(one[k] for k in paired), 2), "wall_s_2": round(sum(two[k] for k in paired), 2),
            "scaling": round(sum(one[k] for k in paired) / sum(two[k] for k in paired), 3),
            "interval": [round(resampled[tail], 3), round(resampled[-1 - tail], 3)],
            "per_try": {"median": round(median(per_try), 2), "min": round(min(per_try), 2),
                        "max": round(max(per_try), 2)},
        })
    return out


def rss_values(path: Path) -> list[int]:
    if not path.exists():
        return []
    return [int(line) for line in path.read_text().split("\n") if line.strip().isdigit()]


def summarize(rows: list[dict], work: Path, scope: str) -> list[dict]:
    """One line per (format, tool, cores): medians, ratios, scaling, peak memory."""
    key = lambda r: (r["format"], r["tool"], r["cores"])  # noqa: E731
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        groups.setdefault(key(r), []).append(r)
    by_rep = {(r["format"], r["tool"], r["cores"], r["rep"]): r for r in rows}
    out = []
    for (fmt_, tool, cores), runs in groups.items():
        rate = "pages_per_s" if fmt_ == "pdf" else "docs_per_s"
        reference = "pdftotext" if fmt_ == "pdf" else "pandoc"
        ratios, scalings = [], []
        for r in runs:
            ref = by_rep.get((fmt_, reference, cores, r["rep"]))
            if ref and ref[rate]:
                ratios.append(r[rate] / ref[rate])
            single = by_rep.get((fmt_, tool, 1, r["rep"]))
            if cores > 1 and single and single[rate]:
                scalings.append(r[rate] / single[rate])
        rates = [r[rate] for r in runs]
        units = sum(r["pages"] if fmt_ == "pdf" else r["docs"] for r in runs)
        walls = [r["wall_s"] for r in runs]
        rss = rss_values(work / "rss" / f"{tool}-{fmt_}-full.txt")
        out.append({
            "format": fmt_, "tool": tool, "cores": cores, "reps": len(runs),
            "docs": sum(r["docs"] for r in runs) if scope == "part" else runs[0]["docs"],
            "pages": sum(r["pages"] for r in runs) if scope == "part" else runs[0]["pages"],
            "wall_s": round(sum(walls) if scope == "part" else median(walls), 2),
            "rate": round(median(rates), 3), "rate_unit": rate,
            "rate_spread": round((max(rates) - min(rates)) / median(rates), 3) if median(rates) else None,
            "pages_per_s": round(median([r["pages_per_s"] or 0 for r in runs]), 2),
            "docs_per_s": round(median([r["docs_per_s"] for r in runs]), 3),
            "cpu_s_per_unit": round(sum(r["cpu_s"] for r in runs) / units, 4) if units else None,
            "ratio_to_reference": round(median(ratios), 3) if ratios else None, "reference": reference,
            "scaling": round(median(scalings), 2) if scalings else None,
            "failed_runs": sum(1 for r in runs if r["status"] != 0),
            "rss_max_mib": round(max(rss) / 1024, 1) if rss else None,
            "rss_median_mib": round(median(rss) / 1024, 1) if rss else None,
            "rss_processes": len(rss),
        })
    order = ["pdftotext", "mutool", "pymupdf", "pdfplumber", "pandoc", "extract", "run"]
    return sorted(out, key=lambda o: (o["format"] != "pdf", order.index(o["tool"]), o["cores"]))


def memory(work: Path, lists: Lists) -> dict:
    result = {}
    for r in read_tsv(work / "memory.tsv"):
        if r["tool"] != "run":
            continue
        lines = (work / "rss" / f"run-all-{r['set']}.txt").read_text().split()
        docs, pages = lists.size(r["list"])
        result[r["set"]] = {"docs": docs, "pdf_pages": pages, "max_mib": round(int(lines[0]) / 1024, 1),
                            "runner_mib": round(int(lines[1]) / 1024, 1), "status": int(r["status"])}
    if "full" in result and "slice" in result and result["slice"]["runner_mib"]:
        growth = result["full"]["runner_mib"] / result["slice"]["runner_mib"]
        result["runner_growth"] = round(growth, 2)
        result["max_growth"] = round(result["full"]["max_mib"] / result["slice"]["max_mib"], 2)
        # Both: a worker that keeps what it encoded shows only in the largest process peak.
        result["flat"] = growth < FLAT and result["max_growth"] < FLAT
    return result


def determinism(rows: list[dict]) -> list[dict]:
    runs = {(r["format"], r["rep"], r["cores"]): r["output_hash"] for r in rows if r["tool"] == "run"}
    out = []
    for (fmt_, rep, cores), digest in sorted(runs.items()):
        if cores != 1 or (fmt_, rep, 2) not in runs:
            continue
        other = runs[(fmt_, rep, 2)]
        out.append({"format": fmt_, "rep": rep, "jobs_1": digest, "jobs_2": other, "identical": digest == other})
    return out


def _version(text: str) -> str:
    """'pdftotext version 22.12.0' -> 'pdftotext 22.12.0'."""
    return text.replace(" version ", " ")


def markdown(rec: dict) -> str:
    m, v, c, s = rec["machine"], rec["versions"], rec["corpus"], rec["settings"]
    swift = v["protokoll"]["swift"].split("(")[0].replace(" version", "").strip()
    if s["reps"] == 1:
        method = "One repetition over the whole corpus."
    elif s["scope"] == "part":
        method = (f"{s['reps']} repetitions, each on a different 1/{s['reps']} of the corpus (balanced by "
                  "pages and format): wall seconds are their sum (the whole corpus once), rates and "
                  "ratios the median over the repetitions, spread (max − min) / median.")
    else:
        method = (f"{s['reps']} repetitions over the whole corpus: wall seconds, rates and ratios are "
                  "medians, spread (max − min) / median.")
    if s.get("tries", 1) > 1:
        method += (f" Each measurement is the fastest of {s['tries']} runs, interleaved with the other "
                   "core count's (CPU time and output of that run).")
    if c.get("source"):
        origin, made = f"the files under {c['source']}", "imported"
        notes = []
        if c.get("unreadable_pdfs"):
            notes.append(f"{c['unreadable_pdfs']} PDF(s) that pdfinfo cannot read count 0 pages")
        if c.get("scanned_left_out"):
            notes.append(f"{len(c['scanned_left_out'])} PDF(s) without any text layer left out "
                         "(BENCH_SCANNED=keep measures them)")
        if c.get("textless_pages"):
            protokoll = ("nor does protokoll with OCR off (with the default `ocr: auto` it reads those that show "
                         "anything by OCR; BENCH_SCANNED=keep measures that)" if s.get("ocr", "auto") == "off"
                         else "while protokoll reads those that show anything by OCR")
            notes.append(f"{c['textless_pages']} page(s) of the PDFs kept have no text layer: the text extractors "
                         f"return nothing for them, {protokoll}")
        made = "; ".join(notes + ["imported"])
    else:
        origin, made = f"seed {c['seed']}", "generated"
    if s["plumber"] == "slice":
        method += (f" pdfplumber runs on the slice's PDFs only ({rec['plumber_pages']:,} pages); its ratio "
                   "compares its pages/s with pdftotext's on the whole part.")
    lines = [
        f"Run of {rec['started_utc'][:16].replace('T', ' ')} UTC, {rec['minutes']} min in all, "
        f"{s.get('measure_seconds', 0) / 60:.1f} min of it measuring. "
        f"Machine: {m['cpu_model']}, {m['cpus']} CPUs ({m['threads_per_core']} thread(s) per core), "
        f"{m['memory_gib']} GiB, Linux {m['kernel']}, {m['os']}; load average "
        f"{m['load_average'][0]:.2f} at the start, {rec['load_average_end'][0]:.2f} at the end.",
        "",
        f"protokoll {v['protokoll']['commit']} ({swift}, release, static Swift runtime); "
        f"{_version(v['pdftotext'])} (poppler); {_version(v['mutool'])}; pdfplumber {v['pdfplumber']} "
        f"(pdfminer.six {v['pdfminer.six']}); PyMuPDF {v['pymupdf']}; {v['pandoc']}; Python {v['python']}.",
        "",
        f"Corpus {c['key']} ({origin}): {c['docs']} documents, {c['pdf_docs']} PDF with "
        f"{c['pdf_pages']:,} pages (median {c['pages_per_pdf']['median']:g}, {c['pages_per_pdf']['min']}"
        f"–{c['pages_per_pdf']['max']} per document) and {c['docx_docs']} DOCX; {made} in "
        f"{c['generation_seconds']['total']:g} s. {method}",
        "",
        "### PDF",
        "",
        "| tool | cores | pages | wall s | pages/s | docs/s | × pdftotext | 2-core scaling | spread | CPU ms/page |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for o in rec["summary"]:
        if o["format"] == "pdf":
            lines.append(
                f"| {NAMES[o['tool']]} | {o['cores']} | {o['pages']:,} | {fmt(o['wall_s'])} | "
                f"{fmt(o['pages_per_s'])} | {fmt(o['docs_per_s'], 2)} | {fmt(o['ratio_to_reference'] or 0, 2)} | "
                f"{fmt(o['scaling'] or 0, 2)} | {(o['rate_spread'] or 0) * 100:.0f} % | "
                f"{fmt((o['cpu_s_per_unit'] or 0) * 1000)} |")
    docx = [o for o in rec["summary"] if o["format"] == "docx"]
    lines += ["", "### DOCX", ""]
    if not docx:
        lines.append("No DOCX in this corpus.")
    else:
        lines += ["| tool | cores | docs | wall s | docs/s | × pandoc | 2-core scaling | spread | CPU ms/doc |",
                  "|---|---|---|---|---|---|---|---|---|"]
    for o in docx:
        lines.append(
            f"| {NAMES[o['tool']]} | {o['cores']} | {o['docs']} | {fmt(o['wall_s'])} | "
            f"{fmt(o['docs_per_s'], 2)} | {fmt(o['ratio_to_reference'] or 0, 2)} | "
            f"{fmt(o['scaling'] or 0, 2)} | {(o['rate_spread'] or 0) * 100:.0f} % | "
            f"{fmt((o['cpu_s_per_unit'] or 0) * 1000, 0)} |")

    scaling = rec.get("scaling_pass") or []
    if scaling:
        n = s["scaling_tries"]
        lines += ["", f"### 2-core scaling over {n} tries", "",
                  f"pdftotext, protokoll-extract and `protokoll run` on the first repetition's documents, "
                  f"on 1 and on 2 cores, {n} times, interleaved as above. One try's scaling swings with "
                  "the machine's speed (the last column), so a fastest try, as in the tables above, can be "
                  "far off; here the scaling is the total 1-core wall time over the total 2-core wall time "
                  f"of all tries, with a {INTERVAL:.0%} bootstrap interval over the tries. This is the "
                  "figure for the 2-core target.", "",
                  "| tool | format | documents | pages | tries | 1-core wall s | 2-core wall s | 2-core scaling "
                  f"| {INTERVAL:.0%} interval | one try: median (min–max) |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        for o in scaling:
            t = o["per_try"]
            lines.append(
                f"| {NAMES[o['tool']]} | {o['format'].upper()} | {o['docs']} | {fmt(o['pages'], 0) if o['pages'] else '–'} | "
                f"{o['tries']} | {fmt(o['wall_s_1'])} | {fmt(o['wall_s_2'])} | {o['scaling']:.2f} | "
                f"{o['interval'][0]:.2f}–{o['interval'][1]:.2f} | {t['median']:.2f} ({t['min']:.2f}–{t['max']:.2f}) |")
        for o in scaling:
            if o["distinct_outputs"] is not None:
                runs = 2 * o["tries"]
                lines += ["", f"`protokoll run` {o['format'].upper()} output over the {runs} runs (jobs 1 and 2): "
                          + ("byte-identical in all." if o["distinct_outputs"] == 1
                             else f"{o['distinct_outputs']} DIFFERENT outputs.")]
        failed_scaling = [o for o in scaling if o["failed_runs"]]
        if failed_scaling:
            lines += ["", "Runs that exited non-zero: "
                      + ", ".join(f"{NAMES[o['tool']]} {o['format']} ({o['failed_runs']} of {2 * o['tries']})"
                                  for o in failed_scaling) + "."]

    mem = rec["memory"]
    lines += ["", "### Peak memory per process", "",
              "Measured in a pass of its own (2 processes on 2 cores, every process under "
              "`/usr/bin/time -f %M`), over the whole corpus (pdfplumber: the documents it is timed on).", "",
              "| tool | format | processes | peak RSS max MiB | median MiB |", "|---|---|---|---|---|"]
    for o in rec["summary"]:
        if o["cores"] == max(x["cores"] for x in rec["summary"]) and o["tool"] != "run" and o["rss_processes"]:
            lines.append(f"| {NAMES[o['tool']]} | {o['format'].upper()} | {o['rss_processes']} | "
                         f"{fmt(o['rss_max_mib'] or 0)} | {fmt(o['rss_median_mib'] or 0)} |")
    lines += ["", "`protokoll run` (PDF and DOCX together, jobs 2), over the slice and over the whole corpus. "
              "/usr/bin/time around the runner reports the largest peak among the runner and the worker "
              "processes it waited for; the runner's own peak is its VmHWM, sampled every 50 ms.", "",
              "| input | documents | PDF pages | runner and workers, max (/usr/bin/time) | runner alone (VmHWM) |",
              "|---|---|---|---|---|"]
    for key in ("slice", "full"):
        if key in mem:
            e = mem[key]
            lines.append(f"| {'slice (a tenth)' if key == 'slice' else 'whole corpus'} | {e['docs']} | "
                         f"{e['pdf_pages']:,} | {e['max_mib']} MiB | {e['runner_mib']} MiB |")
    if "runner_growth" in mem:
        lines += ["", f"With {c['docs'] / max(1, mem['slice']['docs']):.0f}× the documents, the runner's own "
                  f"peak grows {mem['runner_growth']}× and the largest process peak {mem['max_growth']}×: "
                  f"{'flat' if mem['flat'] else 'NOT flat'} (flat means less than {FLAT}×)."]

    det = rec["determinism"]
    same = bool(det) and all(d["identical"] for d in det)
    lines += ["", "### Determinism", "",
              (f"`protokoll run` output (every file but run-summary.json and .protokoll/) with jobs 1 "
               f"and with jobs 2: {'byte-identical' if same else 'DIFFERENT'} in all {len(det)} comparisons "
               f"(one per repetition and format).") if det else "No comparison was run."]
    failed = [r for r in rec["timing"] if r["status"] != 0]
    if failed:
        lines += ["", "Runs that exited non-zero: " + ", ".join(
            f"{NAMES[r['tool']]} {r['format']} {r['cores']} core(s) rep {r['rep']} (exit {r['status']})"
            for r in failed) + "."]
        if c.get("source"):
            lines[-1] += (" In an imported corpus one file a tool cannot read is enough: xargs exits 123 "
                          "when one of its processes failed, `protokoll run` 65 when one document ended "
                          "as an error record.")
    statuses = rec.get("run_statuses") or {}
    if statuses:
        lines += ["", "Documents by status over all timed `protokoll run` passes: "
                  + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items()))
                  + f"; pages read by OCR in those passes: {rec.get('run_ocr_pages', 0)}."]
    lines += ["", "### Commands", "",
              "Each command ran in the corpus's docs/ folder under `taskset -c 0` (1 core, `$jobs` = 1) or "
              "`taskset -c 0-1` (2 cores, `$jobs` = 2), with `/usr/bin/time -f '%U %S'` around it for the "
              "CPU seconds; `each` is empty when timing and `/usr/bin/time -f %M` in the memory pass. "
              "`$parts` names `$jobs` lists that share the documents, about equal in pages; `$chunks` names "
              "lists of them that get shorter, the same at 1 and 2 cores. `protokoll run` reads a pipeline.yml "
              "with a `manifest` of the documents, `jobs: $jobs`, `incremental: {enabled: false}`, "
              f"`ocr: {s.get('ocr', 'auto')}`, a fresh `output` folder and the default `limits`.", ""]
    lines += [f"- {NAMES[t]}: `{cmd}`" for t, cmd in rec["commands"].items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name in ("work", "corpus", "describe", "json", "markdown"):
        ap.add_argument(f"--{name}", type=Path, required=True)
    ap.add_argument("--settings", required=True)
    ap.add_argument("--started", required=True)
    args = ap.parse_args(argv)
    settings = json.loads(args.settings)
    lists = Lists(args.corpus, args.work / "lists")
    rows = timing(args.work, lists)
    described = json.loads(args.describe.read_text())
    commands = dict(read_tsv_pairs(args.work / "commands.tsv"))
    statuses: dict[str, int] = {}
    ocr_pages = 0
    for summary in sorted((args.work / "summaries").glob("*.json")):
        counts = json.loads(summary.read_text())
        for k, n in counts.get("by_status", {}).items():
            statuses[k] = statuses.get(k, 0) + n
        ocr_pages += counts.get("ocr_pages", 0)
    started = dt.datetime.fromisoformat(args.started)
    finished = dt.datetime.now(dt.timezone.utc)
    corpus = json.loads((args.corpus / "corpus.json").read_text())
    record = {
        "schema": 1,
        "started_utc": started.isoformat(timespec="seconds"),
        "finished_utc": finished.isoformat(timespec="seconds"),
        "minutes": round((finished - started).total_seconds() / 60, 1),
        "settings": settings,
        **described,
        "load_average_end": list(os.getloadavg()),
        "corpus": {"key": args.corpus.name, "generator_hash": args.corpus.name.removeprefix("corpus-"),
                   **corpus},
        "plumber_pages": lists.size("full-pdfplumber.txt")[1],
        "commands": commands,
        "command_wrappers": {
            "timing": "cd DOCS && /usr/bin/time -f '%U %S' -o CPU_FILE taskset -c CPUS COMMAND",
            "memory": "cd DOCS && taskset -c 0-1 COMMAND, with each=(/usr/bin/time -f %M -a -o RSS_FILE) "
                      "or, for protokoll run, each=(python peak_rss.py RSS_FILE --)",
        },
        "summary": summarize(rows, args.work, settings["scope"]),
        "scaling_pass": scaling_pass(args.work, lists),
        "memory": memory(args.work, lists),
        "determinism": determinism(rows),
        "run_statuses": statuses,
        "run_ocr_pages": ocr_pages,
        "timing": rows,
    }
    args.json.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    text = markdown(record)
    args.markdown.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


def read_tsv_pairs(path: Path) -> list[tuple[str, str]]:
    return [tuple(line.split("\t", 1)) for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
