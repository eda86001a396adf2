#!/usr/bin/env bash
# The memory pass: every (tool, format) of tools.sh once more, 2 processes on 2 cores, with
# every process it starts wrapped in `/usr/bin/time -f %M` (peak RSS in KiB, one line per
# process). Why a pass of its own: the wrapper is one more exec per file, which the timing
# pass must not pay. `protokoll run` is wrapped in peak_rss.py instead, which reports both
# the /usr/bin/time figure (the runner and its waited-for workers, whichever peaked
# highest) and the runner's own peak; it runs over the whole corpus and over the slice, a
# tenth of it, so the report can show whether the runner's memory grows with the corpus.
#
# Usage: memory.sh CORPUS_DIR BIN_DIR PYTHON WORK_DIR
# Reads WORK_DIR/lists/; writes WORK_DIR/rss/TOOL-FORMAT-SET.txt and appends to
# WORK_DIR/memory.tsv: tool format set list status output_hash
# shellcheck disable=SC2034  # python and each are read by the eval'ed templates of tools.sh
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
corpus=$1 bin=$2 python=$3 work=$4
corpus=$(cd "$corpus" && pwd) bin=$(cd "$bin" && pwd) work=$(mkdir -p "$work" && cd "$work" && pwd)
docs=$corpus/docs
# shellcheck source=SCRIPTDIR/tools.sh
source "$bench/tools.sh"
say() { printf 'bench: %s\n' "$*" >&2; }

mkdir -p "$work/rss" "$work/out"
printf 'tool\tformat\tset\tlist\tstatus\toutput_hash\n' >"$work/memory.tsv"
cpus=0-1 jobs=2
(($(nproc) >= 2)) || cpus=0 jobs=1

measured() {
    local tool=$1 format=$2 set=$3 status=0 hash=-
    list=$4 out=$work/out/memory
    [[ -s $list ]] || return 0
    local rss=$work/rss/$tool-$format-$set.txt
    rm -rf "$out" "$rss" && mkdir -p "$out"
    prepare_tool "$work/setup"
    if [[ $tool == run ]]; then
        each=("$python" "$bench/peak_rss.py" "$rss" --)
    else
        each=(/usr/bin/time -f %M -a -o "$rss")
    fi
    printf '== memory %s %s %s\n' "$tool" "$format" "$set" >>"$work/stderr.log"
    (cd "$docs" && eval "taskset -c $cpus ${COMMAND[$tool]}") 2>>"$work/stderr.log" || status=$?
    [[ $tool != run ]] || hash=$(output_hash "$out")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$format" "$set" "${list##*/}" "$status" "$hash" \
        >>"$work/memory.tsv"
    say "memory: $tool $format $set (exit $status)"
    rm -rf "$out"
}

for entry in "${MEASURED[@]}"; do
    tool=${entry%:*} format=${entry#*:}
    [[ $tool != run ]] || continue
    list_name=full-$format
    [[ $tool != pdfplumber ]] || list_name=full-pdfplumber
    measured "$tool" "$format" full "$work/lists/$list_name.txt"
done
measured run all slice "$work/lists/slice-all.txt"
measured run all full "$work/lists/full-all.txt"
