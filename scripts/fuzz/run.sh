#!/usr/bin/env bash
# Runs one libFuzzer target for a while: scripts/fuzz/run.sh TARGET SECONDS [JOBS]
# Targets: fuzz-document (PDF and DOCX bytes), fuzz-word-xml,
# fuzz-layout, fuzz-text. The corpus grows in .fuzz/TARGET/corpus and carries over between
# runs, so anyone can continue where the last run stopped; crashers land in
# .fuzz/TARGET/crashes. Replay a crasher with: .fuzz/build/release/TARGET FILE
# (.fuzz/build-asan/ for fuzz-document)
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?usage: run.sh TARGET SECONDS [JOBS]}
seconds=${2:?usage: run.sh TARGET SECONDS [JOBS]}
jobs=${3:-1}
parallel=()
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
sanitizers=(--sanitize=fuzzer)
build=.fuzz/build
# A build folder per set of sanitizers: sharing one with the fuzzer-only targets left
# fuzz-document linked without coverage instrumentation.
[ "$target" = fuzz-document ] && sanitizers+=(--sanitize=address) && build=.fuzz/build-asan

work=.fuzz/$target
mkdir -p "$work/corpus" "$work/crashes"
(cd Fuzz && swift build -c release "${sanitizers[@]}" --scratch-path "../$build" --product "$target" >&2)

# Seeds: the samples, their text, and the crafted fixtures.
if [ -z "$(ls -A "$work/corpus")" ]; then
  case "$target" in
    fuzz-document) cp samples/*.pdf samples/*.docx Tests/Fixtures/pdf/*.pdf "$work/corpus/" ;;
    fuzz-word-xml) for f in samples/*.docx; do unzip -p "$f" word/document.xml > "$work/corpus/$(basename "$f").xml"; done ;;
    fuzz-layout | fuzz-text) for f in Tests/EndToEndTests/Golden/*.normalize.ndjson; do
        python3 -c 'import json,sys; print("\n".join(json.loads(l).get("text","") for l in open(sys.argv[1]) if "\"type\":\"block\"" in l))' "$f" \
          > "$work/corpus/$(basename "$f" .normalize.ndjson).txt"; done ;;
  esac
fi
exec "$build/release/$target" "$work/corpus" -dict=scripts/fuzz/protokoll.dict -max_total_time="$seconds" \
  -timeout=10 -rss_limit_mb=2048 -max_len=16384 "${parallel[@]}" -artifact_prefix="$work/crashes/" \
  -print_final_stats=1
