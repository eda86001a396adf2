#!/usr/bin/env bash
# Integration test of the Slurm deployment on a real (single-node, throw-away) Slurm cluster:
# a job array over a corpus of a few hundred documents, a shard that fails and is
# resubmitted by failed-shards.sh, the merge, and a byte-for-byte comparison with one
# unsharded `protokoll run` over the same corpus. Also validates the Kubernetes manifests.
#
#   sudo deploy/slurm/test-slurm.sh          (as root; `make slurm-test` builds first)
#
# Environment: PROTOKOLL_BIN (default .build/release) holds the release protokoll and
# protokoll-extract; SLURM_TEST_COPIES (default 40) copies of each sample go into the
# corpus; SLURM_TEST_TIMEOUT (default 600) seconds per job array; SLURM_TEST_PORT (default
# 16817, and the next port) for slurmctld and slurmd on 127.0.0.1.
#
# Installs slurm-wlm and munge when missing (apt-get). Everything else (keys, sockets,
# slurm.conf, state, spool, logs, corpus, outputs) lives in one temporary directory that is
# removed at exit, with every daemon and job process the test started, also on failure.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
copies=${SLURM_TEST_COPIES:-40}
timeout=${SLURM_TEST_TIMEOUT:-600}
shards=4

say() { printf 'slurm-test: %s\n' "$*" >&2; }
[[ $(id -u) == 0 ]] || { say "run as root: it installs packages and starts munged, slurmctld and slurmd"; exit 77; }
bin=${PROTOKOLL_BIN:-.build/release}
[[ -x $bin/protokoll && -x $bin/protokoll-extract ]] \
    || { say "no protokoll and protokoll-extract in $bin: swift build -c release (or set PROTOKOLL_BIN)"; exit 66; }
bin=$(cd "$bin" && pwd)

passed=0 failed=0
check() {
    local what=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        say "ok: $what"
    else
        failed=$((failed + 1))
        say "FAILED: $what"
    fi
}

# The Kubernetes manifests are checked here too, so one test covers deploy/.
"$repo/deploy/kubernetes/validate.sh"
passed=$((passed + 1))
say "ok: the Kubernetes manifests validate (kubernetes-validate --strict) and agree"

# shellcheck source=SCRIPTDIR/testbed.sh
source "$here/testbed.sh"
cluster_install

tmp=$(mktemp -d /tmp/protokoll-slurm-test.XXXXXX)
lock_holder="" finished=""
cleanup() {
    local status=$?
    set +e
    if ((status != 0)) && [[ -d $tmp/work/logs ]]; then
        say "failed (exit $status); the shard logs:"
        tail -n 20 "$tmp"/work/logs/*.log >&2 2>/dev/null
        tail -n 20 "$tmp"/cluster/log/slurmctld.log >&2 2>/dev/null
    fi
    [[ -n $lock_holder ]] && cluster_kill_wait 5 "$lock_holder"
    cluster_stop
    rm -rf "$tmp"
    # Stopped before the end: that is one more failure.
    [[ -z $finished ]] && echo "slurm-test: $passed passed, $((failed + 1)) failed"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- The corpus: copies of the samples, each with its own content hash (so they spread over
# the shards); two files with one content under two names (same shard, both written); two
# files that share a name in different folders (their output names are then built from
# their paths, over all inputs, so every shard must agree); three broken files (recorded as
# failed: exit 65 and quarantine.txt).
corpus="$tmp/corpus"
make_corpus "$corpus" "$copies" "$repo/samples"
mkdir -p "$corpus/same-content" "$corpus/dup-a" "$corpus/dup-b" "$corpus/broken"
cp "$repo/samples/psvo-2024-03-01.docx" "$corpus/same-content/kf-2024-03-01.docx"
cp "$repo/samples/psvo-2024-03-01.docx" "$corpus/same-content/ks-2024-03-01.docx"
for folder in dup-a dup-b; do
    cp "$repo/samples/vasterbotten-2024-03-15.pdf" "$corpus/$folder/"
    printf '%% protokoll-test %s\n' "$folder" >>"$corpus/$folder/vasterbotten-2024-03-15.pdf"
done
head -c 3000 "$repo/samples/orebro-2020-01-31.pdf" >"$corpus/broken/truncated-1.pdf"
head -c 5000 "$repo/samples/psvo-2024-03-01.pdf" >"$corpus/broken/truncated-2.pdf"
echo "not a Word document" >"$corpus/broken/not-a-zip.docx"
documents=$(find "$corpus" -type f | wc -l)
say "corpus: $documents documents in $corpus"

cat >"$tmp/pipeline.yml" <<EOF
version: 1
inputs:
  - $corpus
EOF

cluster_start "$tmp/cluster"

work="$tmp/work"
sbatch_options=(--cpus-per-task=1 --mem-per-cpu=1G --time=15:00)

# --- First submission, with shard 1's output directory held by another process: its task
# exits 75 (busy), as when a duplicate of the task is still running.
mkdir -p "$work/shard-1/.protokoll"
(
    exec 9>"$work/shard-1/.protokoll/lock"
    flock -x 9
    exec sleep 3600
) &
lock_holder=$!
cluster_until 10 bash -c "! flock -n '$work/shard-1/.protokoll/lock' true"

job=$(slurm "$here/submit.sh" --work "$work" --shards "$shards" --concurrency 2 --config "$tmp/pipeline.yml" \
    --bin "$bin" -- "${sbatch_options[@]}")
say "submitted job array $job: $shards shards, 2 at once"
cluster_wait_job "$job" "$timeout"

check "shard 1 exited 75 (busy)" grep -qx 75 "$work/shard-1.exit"
check "failed-shards.sh lists shard 1 only" test "$("$here/failed-shards.sh" "$work")" = 1
status=0
"$here/merge.sh" --bin "$bin" "$work" >/dev/null 2>&1 || status=$?
check "merge.sh refuses while shard 1 is not done (exit 65)" test "$status" = 65

# --- Resubmit only the failed shard. Its task count is 1; N must still be 4.
cluster_kill_wait 5 "$lock_holder"
lock_holder=""
job=$(slurm "$here/submit.sh" --work "$work" --array "$("$here/failed-shards.sh" "$work")" --bin "$bin" \
    -- "${sbatch_options[@]}")
say "resubmitted shard 1 as job $job"
cluster_wait_job "$job" "$timeout"
check "after the resubmission, no shard needs another run" test -z "$("$here/failed-shards.sh" "$work")"
check "the resubmitted task ran shard 1/4" grep -qF '"shard":"1/4"' "$work/shard-1/run-summary.json"

sum_field() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" "$work"/shard-*/run-summary.json | awk '{ s += $1 } END { print s }'; }
same_shard() {
    local kf ks
    kf=$(find "$work"/shard-* -name kf-2024-03-01.docx.ndjson -printf '%h\n')
    ks=$(find "$work"/shard-* -name ks-2024-03-01.docx.ndjson -printf '%h\n')
    [[ -n $kf && $kf == "$ks" && $kf != *$'\n'* ]]
}
check "one content under two names: one shard, two outputs" same_shard
check "the shards hold every document once" test "$(sum_field documents)" = "$documents"

"$here/merge.sh" --bin "$bin" "$work" >/dev/null

# --- The reference: one unsharded run over the same corpus (65: the broken files).
status=0
"$bin/protokoll" run --config "$tmp/pipeline.yml" --output "$tmp/single" --log-level warning || status=$?
check "the single run exits 65 for the broken files" test "$status" = 65
(cd "$tmp" && "$bin/protokoll" export --by-type --config "$tmp/pipeline.yml" --from "$tmp/single" >/dev/null)

# Same file names, same bytes: per-document .ndjson/.txt, quarantine.txt and export/.
outputs() { (cd "$1" && find . -path ./.protokoll -prune -o -type f ! -name run-summary.json -print | LC_ALL=C sort); }
check "merged and single output list the same files" diff <(outputs "$tmp/single") <(outputs "$work/merged")
check "every document has its .ndjson and .txt" \
    test "$(find "$work/merged" -maxdepth 1 -name '*.ndjson' | wc -l)" = "$documents"
check "merged output is byte-identical to the single run (diff -r)" \
    diff -r --exclude=.protokoll --exclude=run-summary.json "$tmp/single" "$work/merged"
check "quarantine.txt lists the 3 broken files" test "$(grep -c . "$work/merged/quarantine.txt")" = 3
check "the merged ledger: status as for the single run" \
    diff <(cd "$tmp" && "$bin/protokoll" status --config "$tmp/pipeline.yml" --output "$tmp/single") \
    <(cd "$tmp" && "$bin/protokoll" status --config "$tmp/pipeline.yml" --output "$work/merged")
check "an unsharded rerun into the merged output has nothing to do" \
    test "$(cd "$tmp" && "$bin/protokoll" run --dry-run --config "$tmp/pipeline.yml" --output "$work/merged" | grep -c '^run')" = 0

for ((index = 0; index < shards; index++)); do
    say "shard $index/$shards: $(cat "$work/shard-$index/run-summary.json")"
done
finished=yes
echo "slurm-test: $passed passed, $failed failed"
((failed == 0))
