# shellcheck shell=bash disable=SC2034,SC2154  # the variables are set by the sourcing script
# The commands the benchmark measures, one template per tool, sourced by measure.sh and
# memory.sh. Why one table: the timing pass, the memory pass and the report all use these
# exact strings, so what is published is what ran. A template is eval'ed in the corpus's
# docs/ folder with:
#   $list    a file of document names, one per line     $jobs   processes at once
#   $parts   a file naming $jobs lists that share $list  $out    a fresh output folder
#   $chunks  a file naming lists that share $list, shorter and shorter (the same at 1 and 2 cores)
#   $config  pipeline.yml for `protokoll run`            $bin    folder of the protokoll binaries
#   $python  the benchmark venv's python                 $bench  this folder
#   $ocr     protokoll's OCR setting (below)
#   each     an array put in front of every measured process: empty when timing,
#            /usr/bin/time -f %M ... in the memory pass
# Command-line tools get one process per file, as a shell loop or a batch script would run
# them; protokoll-extract takes many files per process, so it gets lists of them, a process
# for each, handed out by xargs as processes end (part.sh): lists of equal pages are not of
# equal work (layouts differ in cost per page), and with one list per core the core with the
# costlier one held up the run. The lists get shorter towards the end, so the process that
# finishes first waits for a short one only, and they are the same at 1 and 2 cores, so both
# pay the same process starts (split_list.py --shrinking). The Python libraries take a
# second or so to import, so they get one process per core, each with its share of the list.

# protokoll runs with OCR off unless BENCH_SCANNED=keep: the other tools read text layers
# only, so a page without one would cost protokoll seconds of OCR and them nothing, and a
# few such pages would decide every ratio (`make bench-ocr` measures OCR on its own).
ocr=${BENCH_OCR:-off}

# shellcheck disable=SC2016  # the templates are expanded by eval, later
declare -gA COMMAND=(
    [pdftotext]='xargs -r -a "$list" -P "$jobs" -I{} "${each[@]}" pdftotext {} "$out/{}.txt"'
    [mutool]='xargs -r -a "$list" -P "$jobs" -I{} "${each[@]}" mutool draw -q -F txt -o "$out/{}.txt" {}'
    [pymupdf]='xargs -r -a "$parts" -P "$jobs" -n 1 "${each[@]}" "$python" "$bench/pyextract.py" pymupdf "$out"'
    [pdfplumber]='xargs -r -a "$parts" -P "$jobs" -n 1 "${each[@]}" "$python" "$bench/pyextract.py" pdfplumber "$out"'
    [pandoc]='xargs -r -a "$list" -P "$jobs" -I{} "${each[@]}" pandoc -f docx -t plain -o "$out/{}.txt" {}'
    [extract]='xargs -r -a "$chunks" -P "$jobs" -n 1 "$bench/part.sh" "${each[@]}" "$bin/protokoll-extract" --ocr "$ocr" >/dev/null'
    [run]='"${each[@]}" "$bin/protokoll" run --config "$config"'
)

# The (tool, format) pairs measured, in groups that measure.sh times back to back: a ratio to
# the reference compares runs seconds apart, not minutes, whatever the machine's drift.
TOOL_GROUPS=("pdftotext:pdf extract:pdf run:pdf" "mutool:pdf pymupdf:pdf" "pdfplumber:pdf"
    "pandoc:docx extract:docx run:docx")
read -ra MEASURED <<<"${TOOL_GROUPS[*]}"

# Writes what a template needs besides the list: $jobs share lists with about the same number
# of pages in $parts, shrinking lists for up to 2 processes (the most any run has), of 40
# pages or more where the list is long enough, in $chunks, and $config. Why 40: the 2-core run
# ends with one process on its last list while the other core idles, for about half a list;
# with 100 that kept the cores idle 6 % of the time (median of six rounds on 1,780 pages),
# with 40 it is 2-3 %, for three more process starts. Globals: sets parts, chunks and
# config; reads list, jobs, out, docs, python, bench.
prepare_tool() {
    local setup=$1
    mkdir -p "$setup"
    rm -f "$setup"/part-* "$setup"/chunk-*
    "$python" -B "$bench/split_list.py" "$list" "$docs/../corpus.tsv" "$jobs" "$setup/part"
    parts=$setup/parts
    ls "$setup"/part-* >"$parts"
    "$python" -B "$bench/split_list.py" --shrinking "$list" "$docs/../corpus.tsv" 2 "$setup/chunk" 40
    chunks=$setup/chunks
    ls "$setup"/chunk-* | sort -V >"$chunks"
    sed "s|^|$docs/|" "$list" >"$setup/manifest"
    config=$setup/pipeline.yml
    cat >"$config" <<EOF
version: 1
inputs: []
manifest: $setup/manifest
output: $out
jobs: $jobs
incremental:
  enabled: false
ocr: $ocr
log_level: warning
EOF
}

# One hash over a `protokoll run` output folder, leaving out what may differ between two
# runs of the same inputs: run-summary.json (wall time) and the ledger in .protokoll/.
output_hash() {
    (cd "$1" && find . -type f ! -name run-summary.json ! -path './.protokoll/*' -print0 |
        LC_ALL=C sort -z | xargs -0 -r sha256sum | sha256sum | cut -c1-16)
}
