#!/usr/bin/env bash
# The timing pass: every (tool, format) of tools.sh on 1 core (taskset -c 0, one process at
# a time) and on 2 cores (taskset -c 0-1, two at a time), for R repetitions. Why this order:
# this machine's speed drifts by tens of percent within seconds to minutes, so the runs that a
# figure compares are timed close together. The tools of a group (tools.sh) run one after the
# other, on 1 core and then on 2 (or 2 and then 1): a ratio to pdftotext compares runs seconds
# apart, and so does a tool's 2-core scaling. Each measurement runs TRIES times and the report
# keeps the fastest, since what the machine's neighbours take only ever adds time; the tries
# are interleaved (the whole group on both core counts, then again), so the 1-core and the
# 2-core tries of a tool share one stretch of time and a slow spell cannot fall on one core
# count's tries only. Each repetition starts at another group and reverses the order within
# the groups, and the core count that goes first alternates from try to try, so no tool
# always runs first or last. Only wall-clock and CPU time are taken here; peak memory has its
# own pass (memory.sh), so no per-process wrapper runs while timing.
#
# Usage: measure.sh CORPUS_DIR BIN_DIR PYTHON WORK_DIR REPS [TRIES [TOOLS]]
# TOOLS, e.g. "pdftotext:pdf run:pdf", times those as one group instead of tools.sh's groups
# (the scaling pass of run.sh).
# Reads WORK_DIR/lists/ (plan.py); appends one line per run to WORK_DIR/timing.tsv:
#   rep cores tool format list start end user_s sys_s status output_hash try
# shellcheck disable=SC2034  # python and each are read by the eval'ed templates of tools.sh
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
corpus=$1 bin=$2 python=$3 work=$4 reps=$5 tries=${6:-1} tools=${7:-}
corpus=$(cd "$corpus" && pwd) bin=$(cd "$bin" && pwd) work=$(mkdir -p "$work" && cd "$work" && pwd)
docs=$corpus/docs
# shellcheck source=SCRIPTDIR/tools.sh
source "$bench/tools.sh"
if [[ -n $tools ]]; then
    TOOL_GROUPS=("$tools")
    read -ra MEASURED <<<"$tools"
fi
say() { printf 'bench: %s\n' "$*" >&2; }

core_counts=(1 2)
(($(nproc) >= 2)) || { say "only one CPU: measuring 1 core only"; core_counts=(1); }
mkdir -p "$work/out" "$work/summaries"
[[ -f $work/timing.tsv ]] ||
    printf 'rep\tcores\ttool\tformat\tlist\tstart\tend\tuser_s\tsys_s\tstatus\toutput_hash\ttry\n' >"$work/timing.tsv"

# One measured run. Globals: the template variables of tools.sh.
timed() {
    local rep=$1 cores=$2 tool=$3 format=$4 try=$6 status=0 start end cpu hash=-
    list=$5 jobs=$cores out=$work/out/$tool-$format-$cores
    [[ -s $list ]] || return 0
    rm -rf "$out" && mkdir -p "$out"
    prepare_tool "$work/setup"
    local cpus=0 cpu_file=$work/cpu.txt
    ((cores == 1)) || cpus=0-$((cores - 1))
    each=()
    printf '== %s %s cores=%s rep=%s\n' "$tool" "$format" "$cores" "$rep" >>"$work/stderr.log"
    start=$EPOCHREALTIME
    (cd "$docs" && eval "/usr/bin/time -f '%U %S' -o \"\$cpu_file\" taskset -c $cpus ${COMMAND[$tool]}") \
        2>>"$work/stderr.log" || status=$?
    end=$EPOCHREALTIME
    cpu=$(tail -n 1 "$cpu_file" | tr ' ' '\t')
    if [[ $tool == run ]]; then
        hash=$(output_hash "$out")
        cp "$out/run-summary.json" "$work/summaries/$rep-$cores-$tool-$format-$try.json" 2>/dev/null || true
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rep" "$cores" "$tool" "$format" \
        "${list##*/}" "$start" "$end" "$cpu" "$status" "$hash" "$try" >>"$work/timing.tsv"
    say "rep $rep, $cores core(s), try $try: $tool $format" \
        "$(awk "BEGIN { printf \"%.1f\", $end - $start }") s (exit $status)"
    rm -rf "$out"
}

# Page cache and binaries warm: read every document once, run every tool on two of them.
warm_up() {
    find "$docs" -type f -exec cat {} + >/dev/null
    local entry tool format
    for entry in "${MEASURED[@]}"; do
        tool=${entry%:*} format=${entry#*:}
        head -n 2 "$work/lists/full-$format.txt" >"$work/warm-$format.txt"
        list=$work/warm-$format.txt jobs=1 out=$work/out/warm
        [[ -s $list ]] || continue
        rm -rf "$out" && mkdir -p "$out"
        prepare_tool "$work/setup"
        each=()
        (cd "$docs" && eval "${COMMAND[$tool]}") 2>>"$work/stderr.log" || true
    done
    rm -rf "$work/out/warm"
}

say "warming up"
warm_up
for ((rep = 1; rep <= reps; rep++)); do
    g=${#TOOL_GROUPS[@]}
    for ((k = 0; k < g; k++)); do
        read -ra group <<<"${TOOL_GROUPS[$(((k + rep - 1) % g))]}"
        if ((rep % 2 == 0)); then # ABBA: a group's last tool goes first in every other repetition
            for ((i = 0, j = ${#group[@]} - 1; i < j; i++, j--)); do
                entry=${group[i]} group[i]=${group[j]} group[j]=$entry
            done
        fi
        for ((try = 1; try <= tries; try++)); do
            order=("${core_counts[@]}")
            (((rep + try) % 2 == 0 || ${#order[@]} == 1)) || order=(2 1)
            for cores in "${order[@]}"; do
                for entry in "${group[@]}"; do
                    tool=${entry%:*} format=${entry#*:}
                    list_name=rep-$rep-$format
                    [[ $tool != pdfplumber ]] || list_name=rep-$rep-pdfplumber
                    timed "$rep" "$cores" "$tool" "$format" "$work/lists/$list_name.txt" "$try"
                done
            done
        done
    done
done
