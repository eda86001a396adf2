#!/usr/bin/env bash
# Prints the array indices of a work directory's shards that need another run, as a Slurm
# --array list ("1,4-6"), and why on stderr; prints nothing when every shard is done.
#
#   failed-shards.sh DIR
#   submit.sh --work DIR --array "$(failed-shards.sh DIR)" --concurrency K   # resubmit them
#
# A shard is done when DIR/shard-I.exit says 0 or 65 (65: some documents failed, each
# recorded with its error and listed in shard-I/quarantine.txt; rerunning skips them, so it
# would not help) and DIR/shard-I/run-summary.json names shard I/N. Any other exit code
# (73 output not writable, 75 output directory busy, a crash), or no exit code at all
# (still queued or running, killed at the time limit, lost node), needs a rerun. Run it
# after the array has left the queue (`squeue -j JOBID` is empty), or it lists the shards
# still running.
set -euo pipefail

work=${1:?usage: failed-shards.sh WORK_DIR}
[[ -r $work/shard-count ]] || { echo "failed-shards.sh: no $work/shard-count: not a work directory of submit.sh" >&2; exit 66; }
count=$(<"$work/shard-count")

failed=()
for ((index = 0; index < count; index++)); do
    exit_file="$work/shard-$index.exit"
    if [[ ! -s $exit_file ]]; then
        echo "shard $index: no exit code (never ran, still running, or killed)" >&2
        failed+=("$index")
        continue
    fi
    status=$(<"$exit_file")
    case $status in
    0 | 65)
        if ! grep -qF "\"shard\":\"$index/$count\"" "$work/shard-$index/run-summary.json" 2>/dev/null; then
            echo "shard $index: exit $status but its run-summary.json is missing or not for shard $index/$count" >&2
            failed+=("$index")
        fi
        ;;
    *)
        echo "shard $index: exit $status" >&2
        failed+=("$index")
        ;;
    esac
done

# Consecutive indices as ranges, so a long list stays a short --array expression.
list="" start="" previous=""
for index in "${failed[@]}" ""; do
    if [[ -n $previous && $index == $((previous + 1)) ]]; then
        previous=$index
        continue
    fi
    if [[ -n $start ]]; then
        list+="${list:+,}$start"
        [[ $previous != "$start" ]] && list+="-$previous"
    fi
    start=$index previous=$index
done
[[ -n $list ]] && echo "$list"
echo "failed-shards.sh: ${#failed[@]} of $count shards need another run" >&2
