#!/usr/bin/env bash
# Submits a protokoll backlog as a Slurm job array: one shard per task, at most K at once.
#
#   submit.sh --work DIR --shards N [--concurrency K] [--config pipeline.yml] [--bin DIR]
#             [--array LIST] [-- SBATCH_OPTION...]
#
# The first submission fixes the shard count and the configuration for the work directory
# (DIR/shard-count, DIR/pipeline.yml); later ones (resubmitting failed shards with
# --array "$(failed-shards.sh DIR)") must agree, since a shard is only meaningful with the
# N and the limits it was computed with. Prints the job id on stdout.
#
# The inputs are the configuration's `inputs` / `manifest`. Give them as absolute paths
# (or a manifest of absolute paths written once before submitting): every task must see
# the same list, because output names and the ledger use the paths as written.
set -euo pipefail

usage() {
    sed -n '2,15s/^# \{0,1\}//p' "$0" >&2
    exit "${1:-64}"
}

work="" shards="" concurrency="" config="" array="" array_given=""
bin=${PROTOKOLL_BIN:-.build/release}
while (($# > 0)); do
    case $1 in
    --work) work=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --config) config=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --array) array=$2; array_given=yes; shift 2 ;;
    --) shift; break ;;
    -h | --help) usage 0 ;;
    *) echo "submit.sh: unknown option $1" >&2; usage ;;
    esac
done
[[ -n $work ]] || usage
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work/logs"
work=$(cd "$work" && pwd)
bin=$(cd "$bin" && pwd)
for exe in protokoll protokoll-extract; do
    [[ -x $bin/$exe ]] || { echo "submit.sh: no $exe in $bin" >&2; exit 66; }
done

if [[ -e $work/shard-count ]]; then
    recorded=$(<"$work/shard-count")
    if [[ -n $shards && $shards != "$recorded" ]]; then
        echo "submit.sh: $work was started with $recorded shards, not $shards; use a new work directory" >&2
        exit 64
    fi
    shards=$recorded
else
    [[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: --shards N (N ≥ 1) is required the first time" >&2; exit 64; }
    echo "$shards" >"$work/shard-count"
fi

if [[ -e $work/pipeline.yml ]]; then
    if [[ -n $config ]] && ! cmp -s "$config" "$work/pipeline.yml"; then
        echo "submit.sh: $config differs from $work/pipeline.yml, which this work directory was started with" >&2
        exit 64
    fi
else
    cp "${config:-pipeline.yml}" "$work/pipeline.yml"
fi

if [[ -n $array_given && -z $array ]]; then
    # `--array "$(failed-shards.sh DIR)"` with nothing failed: nothing to do.
    echo "submit.sh: no shards to submit" >&2
    exit 0
fi
array=${array:-0-$((shards - 1))}
[[ -n $concurrency ]] && array="$array%$concurrency"

sbatch --parsable --array="$array" --output="$work/logs/protokoll-%A_%a.log" \
    --export=ALL,PROTOKOLL_WORK="$work",PROTOKOLL_BIN="$bin" "$@" "$here/protokoll-array.sbatch"
