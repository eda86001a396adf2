#!/usr/bin/env bash
# Whole-process benchmark of protokoll against pdftotext, mutool, PyMuPDF, pdfplumber and
# pandoc on a generated corpus of protocols (docs/benchmarks.md); `make bench` runs it. A
# benchmark, not a test: it fails only when something could not run, never on a figure.
#
#   1. deps.sh      the compared tools, GNU time, LibreOffice, the venv .bench/venv
#   2. build        swift build -c release --static-swift-stdlib (or PROTOKOLL_BIN)
#   3. corpus.sh    the corpus, generated once per generator hash under .bench/
#                   (or import_corpus.py: the files under BENCH_CORPUS)
#   4. plan.py      which documents each repetition runs on
#   5. measure.sh   timing, 1 and 2 cores, tools interleaved; then the scaling pass: pdftotext
#                   and protokoll again, many tries on the first repetition's documents
#   6. memory.sh    peak RSS per process; protokoll run over the slice and the whole corpus
#   7. report.py    .bench/results/<time>.json and .md, .bench/results/latest.md, stdout
#
# Environment (defaults in brackets):
#   BENCH_CORPUS              a folder of your own PDF and DOCX files to measure instead of
#                             the generated corpus (import_corpus.py); BENCH_DOCS and
#                             BENCH_SEED are then ignored
#   BENCH_SCANNED [leave]     leave: PDFs without any text layer are left out of an imported
#                             corpus and protokoll runs with OCR off, reading text layers
#                             only, as the other tools do; keep: scans are measured too and
#                             protokoll reads pages without text by OCR (`ocr: auto`)
#   BENCH_DOCS [500]          documents in the corpus (a fifth of them DOCX)
#   BENCH_SEED [1]            corpus seed; one seed always gives the same bytes
#   BENCH_REPS [3]            repetitions; the median is reported
#   BENCH_TRIES [3]           runs of each measurement, interleaved; the fastest counts
#   BENCH_SCALING_TRIES [30]  tries of the scaling pass (0: none); 14-22 s each with the
#                             default corpus
#   BENCH_REP_SCOPE [part]    part: repetition r runs on the r-th of BENCH_REPS parts of
#                             the corpus; whole: every repetition runs the whole corpus
#   BENCH_PLUMBER [slice]     slice: pdfplumber runs on the slice (a tenth); all: everything
#   BENCH_BUILD [.build]      scratch path of the release build
#   PROTOKOLL_BIN             a folder with protokoll and protokoll-extract: no build
#   BENCH_DIR [.bench]        venv, corpora, work files and results (relative to the repository)
#   SWIFT_BUILD_FLAGS         extra flags for swift build (as in the Makefile)
set -euo pipefail

if [[ -n ${BENCH_CORPUS:-} ]]; then # relative to where the command was given
    BENCH_CORPUS=$(cd "$BENCH_CORPUS" && pwd) || { echo "bench: no folder $BENCH_CORPUS" >&2; exit 66; }
fi
cd "$(dirname "$0")/../.."
repo=$(pwd)
bench=$repo/scripts/bench
dir=$repo/${BENCH_DIR:-.bench}
docs=${BENCH_DOCS:-500} seed=${BENCH_SEED:-1} reps=${BENCH_REPS:-3} tries=${BENCH_TRIES:-3}
scope=${BENCH_REP_SCOPE:-part} plumber=${BENCH_PLUMBER:-slice} scaling_tries=${BENCH_SCALING_TRIES:-30}
say() { printf 'bench: %s\n' "$*" >&2; }
[[ $scope == part || $scope == whole ]] || { say "BENCH_REP_SCOPE must be part or whole"; exit 64; }
[[ $plumber == slice || $plumber == all ]] || { say "BENCH_PLUMBER must be slice or all"; exit 64; }
scanned=${BENCH_SCANNED:-leave}
[[ $scanned == leave || $scanned == keep ]] || { say "BENCH_SCANNED must be leave or keep"; exit 64; }
export BENCH_OCR=off
[[ $scanned == keep ]] && BENCH_OCR=auto
[[ $scaling_tries =~ ^[0-9]+$ ]] || { say "BENCH_SCALING_TRIES must be a number"; exit 64; }
scaling_tries=$((10#$scaling_tries))
((reps >= 1 && tries >= 1)) && { [[ -n ${BENCH_CORPUS:-} ]] || ((docs >= 10)); } ||
    { say "BENCH_REPS >= 1, BENCH_TRIES >= 1 and BENCH_DOCS >= 10, please"; exit 64; }

started=$(date -u +%Y-%m-%dT%H:%M:%S+00:00)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$dir/results"

"$bench/deps.sh" "$dir/venv"
python=$dir/venv/bin/python

if [[ -n ${PROTOKOLL_BIN:-} ]]; then
    bin=$(cd "$PROTOKOLL_BIN" && pwd)
else
    read -ra flags <<<"${SWIFT_BUILD_FLAGS:-}"
    build=(swift build -c release --static-swift-stdlib "${flags[@]}" --scratch-path "${BENCH_BUILD:-.build}")
    say "${build[*]}"
    "${build[@]}" >&2
    bin=$("${build[@]}" --show-bin-path)
fi
for exe in protokoll protokoll-extract; do
    [[ -x $bin/$exe ]] || { say "no $exe in $bin"; exit 66; }
done

corpus_started=$EPOCHREALTIME
if [[ -n ${BENCH_CORPUS:-} ]]; then
    keep=()
    [[ $scanned == keep ]] && keep=(--keep-scanned)
    corpus=$("$python" -B "$bench/import_corpus.py" "$BENCH_CORPUS" "$dir" "${keep[@]}")
    docs=$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["docs"])' "$corpus/corpus.json")
    seed=imported
else
    corpus=$("$bench/corpus.sh" "$python" "$dir" "$docs" "$seed")
fi
say "corpus ready in $(awk "BEGIN { printf \"%.0f\", $EPOCHREALTIME - $corpus_started }") s"

work=$dir/work
rm -rf "$work" && mkdir -p "$work"
"$python" -B "$bench/plan.py" "$corpus" "$work/lists" --reps "$reps" --scope "$scope" --plumber "$plumber"
# The command templates as they ran, for the report.
(
    # shellcheck source=SCRIPTDIR/tools.sh
    source "$bench/tools.sh"
    for tool in pdftotext mutool pymupdf pdfplumber pandoc extract run; do
        printf '%s\t%s\n' "$tool" "${COMMAND[$tool]}"
    done
) >"$work/commands.tsv"
"$python" -B "$bench/describe.py" --bin "$bin" --python "$python" >"$work/describe.json"

measure_started=$EPOCHREALTIME
"$bench/measure.sh" "$corpus" "$bin" "$python" "$work" "$reps" "$tries"
# The scaling pass. One try's 2-core scaling on this kind of machine lies anywhere between
# about 1.3 and 2.7 (docs/benchmarks.md), so the fastest of three tries cannot settle whether a
# tool scales by 1.8; the total over many interleaved tries can, within an interval the report
# gives.
if ((scaling_tries > 0 && $(nproc) >= 2)); then
    mkdir -p "$work/scaling" && ln -s ../lists "$work/scaling/lists"
    "$bench/measure.sh" "$corpus" "$bin" "$python" "$work/scaling" 1 "$scaling_tries" \
        "pdftotext:pdf extract:pdf run:pdf extract:docx run:docx"
fi
"$bench/memory.sh" "$corpus" "$bin" "$python" "$work"
measured=$(awk "BEGIN { printf \"%.0f\", $EPOCHREALTIME - $measure_started }")
say "measured in $measured s"

settings=$(printf '{"docs": %s, "seed": "%s", "reps": %s, "tries": %s, "scaling_tries": %s, "scope": "%s", "plumber": "%s", "ocr": "%s", "bin": "%s", %s}' \
    "$docs" "$seed" "$reps" "$tries" "$scaling_tries" "$scope" "$plumber" "$BENCH_OCR" "$bin" "\"measure_seconds\": $measured")
"$python" -B "$bench/report.py" --work "$work" --corpus "$corpus" --describe "$work/describe.json" \
    --settings "$settings" --started "$started" \
    --json "$dir/results/$stamp.json" --markdown "$dir/results/$stamp.md"
cp "$dir/results/$stamp.md" "$dir/results/latest.md"
say "results: ${dir#"$repo"/}/results/$stamp.json, ${dir#"$repo"/}/results/latest.md"
