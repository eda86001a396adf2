#!/usr/bin/env bash
# OCR quality and speed (docs/benchmarks.md, "OCR"). Every sample PDF is made image-only by
# `protokoll scan-copy` at 200 and 300 dpi, with page 2 fed a quarter turn sideways and page 3
# 1.5 degrees askew, read back through the whole pipeline (OCR auto) and compared with the
# text-layer run of the original: item titles and attendee names found exactly, and the
# character error rate of the item bodies. Speed: pages/s of protokoll-extract on the scans
# against the tesseract command line (psm 3, swe, one thread) on the same page images, and the
# peak RSS of each (/usr/bin/time -f %M: the largest among a resolution's processes).
#
# PROTOKOLL_BIN=dir uses built binaries (default .build/release); BENCH_OCR_OUT=dir keeps the
# work (default .bench/ocr). Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${PROTOKOLL_BIN:-.build/release}
out=${BENCH_OCR_OUT:-.bench/ocr}
export OMP_THREAD_LIMIT=1
rm -rf "$out" && mkdir -p "$out"

now() { date +%s.%N; }

printf '| dpi | pages | titles found | attendees found | body CER | protokoll pages/s | tesseract CLI pages/s | ratio | protokoll peak RSS | tesseract CLI peak RSS |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
for dpi in 200 300; do
  pages=0; t_protokoll=0; t_cli=0
  rss_protokoll=$out/rss-$dpi-protokoll.txt rss_cli=$out/rss-$dpi-cli.txt
  for sample in samples/*.pdf; do
    name=$(basename "$sample" .pdf)
    dir="$out/$dpi/$name"; mkdir -p "$dir/png"
    "$bin/protokoll" scan-copy "$sample" "$dir/scan.pdf" --dpi "$dpi" --turn 2:90 --turn 3:1.5
    "$bin/protokoll-extract" --ocr off "$sample" | "$bin/protokoll-normalize" | "$bin/protokoll-segment" \
      > "$dir/text.ndjson"
    start=$(now)
    /usr/bin/time -f %M -a -o "$rss_protokoll" \
      "$bin/protokoll-extract" --ocr auto --ocr-dpi "$dpi" "$dir/scan.pdf" > "$dir/scan.extract.ndjson"
    t_protokoll=$(echo "$t_protokoll + $(now) - $start" | bc)
    "$bin/protokoll-normalize" < "$dir/scan.extract.ndjson" | "$bin/protokoll-segment" > "$dir/scan.ndjson"
    n=$(jq -s '[.[] | select(.type=="page")] | length' "$dir/scan.extract.ndjson")
    pages=$((pages + n))
    # The same page images for the command line: the scan drawn at its own resolution.
    pdftoppm -r "$dpi" -gray -png "$dir/scan.pdf" "$dir/png/p"
    start=$(now)
    for image in "$dir"/png/p*.png; do
      /usr/bin/time -f %M -a -o "$rss_cli" tesseract "$image" - -l swe --psm 3 > /dev/null 2>&1
    done
    t_cli=$(echo "$t_cli + $(now) - $start" | bc)
  done
  python3 scripts/bench/ocr_score.py "$out/$dpi" "$dpi" "$pages" "$t_protokoll" "$t_cli" \
    "$(sort -n "$rss_protokoll" | tail -1)" "$(sort -n "$rss_cli" | tail -1)"
done
