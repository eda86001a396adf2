#!/usr/bin/env bash
# Merges the shard outputs of a sharded protokoll run into one output directory, equal file
# for file to a single unsharded `protokoll run` over the same inputs.
#
#   merge.sh [--bin DIR] [--shards N] [--link] [--no-export] [--incomplete] WORK [MERGED]
#
# WORK holds shard-0/ … shard-(N-1)/, each the --output of `protokoll run --shard I/N`
# (submit.sh's work directory, or a Kubernetes output volume); N is WORK/shard-count unless
# --shards says it. MERGED defaults to WORK/merged. What the merge writes:
#   - every shard's per-document files, <name>.ndjson and <name>.txt (the shards are disjoint
#     and output names are computed over all inputs, so they never collide; a name found in
#     two shards stops the merge, since it means the shards saw different input lists)
#   - quarantine.txt: the shards' lists, ordered by input path as a single run orders them
#   - quarantine/ (with quarantine.copy): the shards' copies of failed inputs
#   - .protokoll/ledger.ndjson: the shards' ledgers, so `protokoll status --output MERGED`
#     works and a later unsharded `protokoll run` into MERGED skips what is done
#   - export/: `protokoll export --by-type` over the merged files (not with --no-export)
# It does not write run-summary.json (its wall time and rate belong to each shard).
#
# Every shard must have finished: shard-I/run-summary.json for shard I/N, and shard-I.exit,
# where present, 0 or 65; --incomplete merges whatever is there. The merge is built beside
# MERGED and renamed into place, so MERGED is never a half merge; an existing MERGED is
# only replaced when it is an earlier merge.
# --link hard-links instead of copying (same file system; safe, since protokoll replaces
# files by rename and never rewrites one in place).
set -euo pipefail

me=${0##*/}
die() {
    echo "$me: $*" >&2
    exit "${status:-1}"
}
usage() {
    sed -n '2,26s/^# \{0,1\}//p' "$0" >&2
    exit "${1:-64}"
}

bin=${PROTOKOLL_BIN:-.build/release} shards="" link="" export_by_type=yes incomplete=""
while (($# > 0)); do
    case $1 in
    --bin) bin=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --link) link=yes; shift ;;
    --no-export) export_by_type=""; shift ;;
    --incomplete) incomplete=yes; shift ;;
    -h | --help) usage 0 ;;
    -*) echo "$me: unknown option $1" >&2; usage ;;
    *) break ;;
    esac
done
(($# >= 1 && $# <= 2)) || usage
work=$(cd "$1" && pwd)
merged=${2:-$work/merged}
if [[ -z $shards ]]; then
    [[ -r $work/shard-count ]] || status=64 die "no $work/shard-count: say --shards N"
    shards=$(<"$work/shard-count")
fi
[[ $shards =~ ^[1-9][0-9]*$ ]] || status=64 die "--shards: expected a positive number, got '$shards'"
if [[ -n $export_by_type ]]; then
    bin=$(cd "$bin" && pwd)
    [[ -x $bin/protokoll ]] || status=66 die "no protokoll in $bin (say --bin DIR)"
fi

if [[ -e $merged && ! -e $merged/.protokoll/merged-from ]]; then
    status=73 die "$merged exists and is not an earlier merge; not replacing it"
fi

# 1. Every shard finished, and no shard of another N is mixed in.
problems=0
for ((index = 0; index < shards; index++)); do
    dir="$work/shard-$index"
    if ! grep -qF "\"shard\":\"$index/$shards\"" "$dir/run-summary.json" 2>/dev/null; then
        echo "$me: shard $index: no run-summary.json for shard $index/$shards in $dir" >&2
        problems=$((problems + 1))
    elif [[ -s $dir.exit ]] && ! grep -qxE '0|65' "$dir.exit"; then
        echo "$me: shard $index: last attempt exited $(<"$dir.exit")" >&2
        problems=$((problems + 1))
    fi
done
for dir in "$work"/shard-*/; do
    index=${dir%/}
    index=${index##*/shard-}
    [[ $index =~ ^[0-9]+$ ]] && ((index >= shards)) && status=64 die "$dir is not a shard of $shards: mixed shard counts"
done
if ((problems > 0)) && [[ -z $incomplete ]]; then
    status=65 die "$problems of $shards shards are not done (failed-shards.sh lists them; --incomplete merges anyway)"
fi

# The per-document files of one shard, NUL-separated: <name>.ndjson and <name>.txt, but not
# run-summary.json, quarantine.txt, hidden temporaries or anything in a subdirectory.
documents() {
    find "$1" -mindepth 1 -maxdepth 1 -type f \( -name '*.ndjson' -o -name '*.txt' \) \
        ! -name '.*' ! -name quarantine.txt ! -name run-summary.json -print0
}

# 2. Disjoint: no output name in two shards.
duplicates=$(
    for ((index = 0; index < shards; index++)); do
        [[ -d $work/shard-$index ]] && documents "$work/shard-$index" | xargs -0 -r -n 1000 basename -a
    done | LC_ALL=C sort | uniq -d | head -n 5
)
[[ -z $duplicates ]] || status=65 die "output names in more than one shard (did the shards see different inputs?): $duplicates"

# 3. Build beside the target, then rename into place.
parent=$(dirname "$merged")
mkdir -p "$parent"
staging=$(mktemp -d "$parent/.${merged##*/}.merging-XXXXXX")
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/.protokoll"
files=0
for ((index = 0; index < shards; index++)); do
    dir="$work/shard-$index"
    [[ -d $dir ]] || continue
    if [[ -n $link ]]; then
        documents "$dir" | xargs -0 -r cp -l -t "$staging"
    else
        documents "$dir" | xargs -0 -r cp -p -t "$staging"
    fi
    if [[ -d $dir/quarantine ]]; then
        mkdir -p "$staging/quarantine"
        cp -p -n -r "$dir/quarantine/." "$staging/quarantine/"
    fi
    if [[ -s $dir/.protokoll/ledger.ndjson ]]; then
        # A shard killed mid-append can leave a torn last line; protokoll skips it when it
        # reads the ledger, but glued to the next shard's first line it would spoil that one.
        if [[ -n $(tail -c 1 "$dir/.protokoll/ledger.ndjson") ]]; then
            sed '$d' "$dir/.protokoll/ledger.ndjson"
        else
            cat "$dir/.protokoll/ledger.ndjson"
        fi >>"$staging/.protokoll/ledger.ndjson"
    fi
done
files=$(find "$staging" -mindepth 1 -maxdepth 1 -type f | wc -l)

# A single run lists its failures in input-path order (paths sorted by Unicode scalar, which
# for UTF-8 is byte order); the line is "status<TAB>path<TAB>reason".
for ((index = 0; index < shards; index++)); do
    [[ -r $work/shard-$index/quarantine.txt ]] && cat "$work/shard-$index/quarantine.txt"
done | LC_ALL=C sort -s -t $'\t' -k 2,2 >"$staging/quarantine.txt"

printf 'merged from %s: %s shards\n' "$work" "$shards" >"$staging/.protokoll/merged-from"

if [[ -n $export_by_type ]]; then
    # From inside the staging directory, so no pipeline.yml of the caller's is read.
    (cd "$staging" && "$bin/protokoll" export --by-type --from "$staging" --output "$staging/export") >&2
fi

if [[ -e $merged ]]; then
    [[ -e $merged/.protokoll/merged-from ]] \
        || status=73 die "$merged exists and is not an earlier merge; not replacing it"
    old="$staging.old"
    mv "$merged" "$old"
    mv "$staging" "$merged"
    rm -rf "$old"
else
    mv "$staging" "$merged"
fi
trap - EXIT

failed=$(grep -c . "$merged/quarantine.txt" || true)
echo "$me: $shards shards into $merged: $files files, $failed failed documents in quarantine.txt" >&2
