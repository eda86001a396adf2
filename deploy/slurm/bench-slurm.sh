#!/usr/bin/env bash
# Throughput of protokoll with 1, 2 and 4 shards as Slurm array tasks on this machine (one
# CPU and one document at a time per shard), and of unsharded runs without Slurm, on a corpus
# of copies of samples/. Prints a Markdown table for docs/scale.md. A benchmark, not a test:
# it checks nothing, and its wall-clock rates depend on what else the machine is doing (the
# load average is printed with them); the CPU seconds per page do not, or much less.
#
#   sudo deploy/slurm/bench-slurm.sh        (as root, like test-slurm.sh)
#
# Environment: PROTOKOLL_BIN (default .build/release); BENCH_SAMPLES (default samples/; any
# folder of .pdf/.docx, e.g. ../shared/corpus/real); BENCH_COPIES (default 60 copies of
# each); BENCH_SHARDS (default "1 2 4"); BENCH_CPUS (CPUs, and documents at once, per
# shard; default 1); SLURM_TEST_PORT as for test-slurm.sh.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
copies=${BENCH_COPIES:-60}
shard_counts=${BENCH_SHARDS:-1 2 4}
cpus=${BENCH_CPUS:-1}
samples=$(cd "${BENCH_SAMPLES:-$repo/samples}" && pwd)

say() { printf 'bench-slurm: %s\n' "$*" >&2; }
[[ $(id -u) == 0 ]] || { say "run as root"; exit 77; }
bin=${PROTOKOLL_BIN:-.build/release}
[[ -x $bin/protokoll && -x $bin/protokoll-extract ]] || { say "no protokoll in $bin"; exit 66; }
bin=$(cd "$bin" && pwd)
[[ -x /usr/bin/time ]] || { say "needs /usr/bin/time (apt-get install time)"; exit 69; }

# shellcheck source=SCRIPTDIR/testbed.sh
source "$here/testbed.sh"
cluster_install
tmp=$(mktemp -d /tmp/protokoll-slurm-bench.XXXXXX)
cleanup() {
    local status=$?
    set +e
    cluster_stop
    rm -rf "$tmp"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

make_corpus "$tmp/corpus" "$copies" "$samples"
documents=$(find "$tmp/corpus" -type f | wc -l)
printf 'version: 1\ninputs:\n  - %s\n' "$tmp/corpus" >"$tmp/pipeline.yml"
cluster_start "$tmp/cluster"

now() { date +%s.%N; }
field() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" "$2"; }
calc() { awk "BEGIN { printf \"%.${1}f\", $2 }"; }
# "wall user system" as /usr/bin/time writes them below (after a "Command exited with
# non-zero status" line when it did): CPU seconds = user + system.
cpu_of() { tail -n 1 "$1" | awk '{ printf "%.1f", $2 + $3 }'; }

echo "Machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), $(free -g | awk '/^Mem:/ { print $2 }') GiB" \
    "(free -g); corpus: $documents documents ($copies copies of each file in ${samples#"$repo"/}); $(date -u '+%Y-%m-%d %H:%M') UTC"
echo
echo "| run | at once | per shard: documents, pages, wall s, CPU s, documents/s, pages/s | total wall s | documents/s | pages/s | pages per CPU s | load before |"
echo "|---|---|---|---|---|---|---|---|"

# Unsharded runs without Slurm: one document at a time, and one per core.
for jobs in 1 "$(nproc)"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    out="$tmp/single-$jobs"
    (cd "$tmp" && /usr/bin/time -f '%e %U %S' -o "$tmp/single-$jobs.time" "$bin/protokoll" run \
        --config "$tmp/pipeline.yml" --output "$out" --jobs "$jobs" --log-level warning) 2>/dev/null || (($? == 65))
    wall=$(field wall_seconds "$out/run-summary.json")
    pages=$(field pages "$out/run-summary.json")
    cpu=$(cpu_of "$tmp/single-$jobs.time")
    echo "| unsharded, --jobs $jobs, no Slurm | $jobs | – | $wall | $(calc 2 "$documents / $wall") |" \
        "$(calc 1 "$pages / $wall") | $(calc 1 "$pages / $cpu") | $load |"
done

for shards in $shard_counts; do
    work="$tmp/work-$shards"
    mkdir -p "$work/logs"
    echo "$shards" >"$work/shard-count"
    cp "$tmp/pipeline.yml" "$work/pipeline.yml"
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(now)
    # The array task as submit.sh submits it, under /usr/bin/time for its CPU seconds.
    job=$(slurm sbatch --parsable --array="0-$((shards - 1))%$shards" --cpus-per-task="$cpus" --mem-per-cpu=1G \
        --time=60:00 --output="$work/logs/%A_%a.log" --export=ALL,PROTOKOLL_WORK="$work",PROTOKOLL_BIN="$bin" \
        --wrap "/usr/bin/time -f '%e %U %S' -o $work/shard-\$SLURM_ARRAY_TASK_ID.time bash $here/protokoll-array.sbatch")
    cluster_wait_job "$job" 3600
    wall=$(calc 1 "$(now) - $start")
    per_shard="" pages=0 cpu_total=0
    for ((index = 0; index < shards; index++)); do
        summary="$work/shard-$index/run-summary.json"
        grep -qxE '0|65' "$work/shard-$index.exit" || { say "shard $index/$shards did not finish"; exit 1; }
        d=$(field documents "$summary") p=$(field pages "$summary") w=$(field wall_seconds "$summary")
        c=$(cpu_of "$work/shard-$index.time")
        per_shard+="${per_shard:+; }$d, $p, $w, $c, $(calc 2 "$d / $w"), $(calc 1 "$p / $w")"
        pages=$((pages + p))
        cpu_total=$(calc 1 "$cpu_total + $c")
    done
    at_once=$((shards < $(nproc) / cpus ? shards : $(nproc) / cpus))
    echo "| $shards shard(s) × $cpus CPU, Slurm array | $at_once | $per_shard | $wall | $(calc 2 "$documents / $wall") |" \
        "$(calc 1 "$pages / $wall") | $(calc 1 "$pages / $cpu_total") | $load |"
done
