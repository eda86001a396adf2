#!/usr/bin/env bash
# Alternates pdftotext and one or more builds of protokoll (`protokoll-extract`, then
# `protokoll run`) on one core, round after round, and reports each one's CPU time relative
# to pdftotext's in the same round (docs/benchmarks.md, "Results"). A `make bench` run times
# each tool once per part, a few seconds each, and this machine's speed drifts between them;
# many short alternating rounds put the tools through the same drift. Needs the corpus
# `make bench` made, GNU time and pdftotext.
#
#   [MIN_PAGES=N] [MAX_PAGES=N] [LAYOUT=name] scripts/bench/alternate.sh ROUNDS PDF_COUNT BIN_DIR...
#
# CORPUS=DIR picks a corpus folder (default: the newest under .bench/, generated or imported).
# Each BIN_DIR holds `protokoll` and `protokoll-extract` release binaries (`protokoll run` as
# `make bench` runs it, `protokoll-extract` with 25 files per process). The input is the first PDF_COUNT PDFs of the newest corpus under .bench/, of
# those with MIN_PAGES to MAX_PAGES pages (all by default) and of one LAYOUT (corpus.tsv's
# column: orebro, vasterbotten, psvo, lsvo; all by default): pdftotext starts a process per
# file, protokoll a worker per hundred, so the ratio depends on the documents' length, and
# on how much of a page's cost is poppler's, which depends on its fonts.
set -euo pipefail

rounds=$1 count=$2
shift 2
cd "$(dirname "$0")/../.."
docs=${CORPUS:-$(ls -dt .bench/corpus-*/ | head -1)}
docs=$(cd "${docs%/}/docs" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

awk -F '\t' -v min="${MIN_PAGES:-0}" -v max="${MAX_PAGES:-1000000}" -v layout="${LAYOUT:-}" -v dir="$docs" '
    NR == 1 { for (i = 1; i <= NF; i++) column[$i] = i; next }
    $column["format"] == "pdf" && $column["pages"] >= min && $column["pages"] <= max &&
        (layout == "" || $column["layout"] == layout) { print dir "/" $column["name"] }
' "${docs%/docs}/corpus.tsv" | sort >"$work/all"
head -n "$count" "$work/all" > "$work/list"
pages=$(xargs -a "$work/list" -I{} pdfinfo {} | awk '/^Pages:/ { sum += $2 } END { print sum }')
printf 'version: 1\ninputs: []\nmanifest: %s\noutput: %s\njobs: 1\nincremental:\n  enabled: false\nlog_level: warning\n' \
    "$work/list" "$work/out" > "$work/pipeline.yml"

cpu() { # CPU seconds (user + system) of a command on core 0
    /usr/bin/time -o "$work/time" -f '%U %S' taskset -c 0 "$@" > /dev/null 2>&1
    awk '{ print $1 + $2 }' "$work/time"
}

for _ in $(seq "$rounds"); do
    rm -rf "$work/txt" && mkdir "$work/txt"
    line="$(cpu xargs -a "$work/list" -I{} sh -c 'exec pdftotext "$1" "$2/${1##*/}.txt"' - {} "$work/txt")"
    for bin in "$@"; do
        rm -rf "$work/out"
        line="$line $(cpu xargs -a "$work/list" -n 25 "$bin/protokoll-extract")"
        line="$line $(cpu "$bin/protokoll" run --config "$work/pipeline.yml")"
    done
    echo "$line"
done > "$work/rounds"

python3 - "$work/rounds" "$pages" "$@" << 'EOF'
import statistics, sys
rounds = [list(map(float, line.split())) for line in open(sys.argv[1])]
pages, bins = int(sys.argv[2]), sys.argv[3:]
print(f"{len(rounds)} rounds, {pages} pages; CPU seconds per round: pdftotext, then each build's extract and run")
for row in rounds:
    print("  " + "  ".join(f"{value:6.2f}" for value in row))
print(f"pdftotext: median {statistics.median(r[0] for r in rounds) / pages * 1000:.2f} CPU ms/page")
for index, (bin, stage) in enumerate(((bin, stage) for bin in bins for stage in ("extract", "run")), start=1):
    ratio = statistics.median(r[0] / r[index] for r in rounds)
    per_page = statistics.median(r[index] for r in rounds) / pages * 1000
    print(f"{bin} {stage}: {per_page:.2f} CPU ms/page; pdftotext's CPU time / its own, median per round: {ratio:.3f}")
EOF
