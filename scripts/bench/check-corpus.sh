#!/usr/bin/env bash
# Checks that corpus generation is reproducible: generates DOCS documents twice with one
# seed into two temporary folders and compares every file byte for byte. Why: the results
# name a corpus by its generator hash, which only identifies the documents if one seed
# always gives the same bytes (reportlab with invariant=1, fixed DOCX zip times and core
# properties, LibreOffice's dates and IDs rewritten).
#
# Usage: scripts/bench/check-corpus.sh [DOCS]     (default 40; BENCH_SEED, default 1)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
docs=${1:-40}
seed=${BENCH_SEED:-1}
venv=$repo/${BENCH_DIR:-.bench}/venv
"$here/deps.sh" "$venv"
tmp=$(mktemp -d /tmp/protokoll-corpus-check.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
for run in a b; do
    "$venv/bin/python" -B "$here/make_corpus.py" --out "$tmp/$run" --docs "$docs" --seed "$seed"
done
if diff -r "$tmp/a/docs" "$tmp/b/docs" >/dev/null &&
    diff <(cut -f1-9 "$tmp/a/corpus.tsv") <(cut -f1-9 "$tmp/b/corpus.tsv") >/dev/null; then
    echo "corpus reproducible: $docs documents, seed $seed, $(cat "$tmp"/a/docs/* | sha256sum | cut -c1-16)"
else
    diff -r "$tmp/a/docs" "$tmp/b/docs" || true
    echo "corpus NOT reproducible" >&2
    exit 1
fi
