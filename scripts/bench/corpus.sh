#!/usr/bin/env bash
# Prints the folder of the benchmark corpus for DOCS documents and SEED, generating it on
# first use. Why a key: the folder is named after a hash of everything that decides its
# bytes (the sample builders and their content, the corpus scripts, the pinned Python
# packages, the LibreOffice version, DOCS and SEED), so a rerun reuses it and any change
# makes a new one. It is written under a temporary name and renamed when complete.
#
# Usage: scripts/bench/corpus.sh PYTHON BENCH_DIR DOCS SEED
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
python=$1 bench_dir=$2 docs=$3 seed=$4

key=$(cd "$repo" && {
    sha256sum scripts/samples/*.py scripts/samples/content/* \
        scripts/bench/{make_corpus,corpus_table,protocols,render,libreoffice}.py scripts/bench/requirements.txt
    soffice --version
    echo "docs=$docs seed=$seed"
} | sha256sum | cut -c1-12)
corpus=$bench_dir/corpus-$key
if [[ -f $corpus/corpus.json ]]; then
    echo "bench: corpus $corpus (cached)" >&2
else
    echo "bench: generating $docs documents (seed $seed) into $corpus" >&2
    rm -rf "$corpus.partial"
    "$python" -B "$here/make_corpus.py" --out "$corpus.partial" --docs "$docs" --seed "$seed" >&2
    mv "$corpus.partial" "$corpus"
fi
echo "$corpus"
