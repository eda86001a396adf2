#!/usr/bin/env bash
# Runs `protokoll run` over a fresh mutated corpus and checks that nothing is lost:
#   scripts/robustness/run-mutated.sh [COUNT] [SEED]       (default 1000 files, seed 1)
# Every input must end with an output file and a known status (ok + failed = inputs), the
# runner must exit 0 or 65, and no document may run past its limits.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-1000}
seed=${2:-1}
bin=${PROTOKOLL_BIN:-.build/release}
[ -x "$bin/protokoll" ] || swift build -c release >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/robustness/mutate.py --count "$count" --seed "$seed" "$work/in"
printf 'version: 1\nlimits:\n  wall_seconds: 60\n  stall_seconds: 30\n  memory_mb: 2048\n' > "$work/pipeline.yml"
set +e
"$bin/protokoll" run --config "$work/pipeline.yml" --input "$work/in" --output "$work/out" --log-level warning
status=$?
set -e
python3 - "$work" "$count" "$status" <<'PY'
import json, pathlib, sys
work, count, status = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
summary = json.loads((work / "out/run-summary.json").read_text())
known = {"ok", "unreadable", "unsupported_format", "encrypted", "corrupt", "too_large", "no_text", "timeout", "crashed", "oom"}
inputs = sorted(p.name for p in (work / "in").iterdir())
outputs = {p.name[: -len(".ndjson")] for p in (work / "out").glob("*.ndjson") if p.name != "run-summary.json"}
missing = [name for name in inputs if name not in outputs]
unknown = {k: v for k, v in summary["by_status"].items() if k not in known}
print(f"inputs {len(inputs)}, outputs {len(outputs)}, exit {status}, by status {dict(sorted(summary['by_status'].items()))}, "
      f"{summary['wall_seconds']} s")
ok = status in (0, 65) and summary["documents"] == count == len(inputs) and not missing and not unknown \
    and sum(summary["by_status"].values()) == count
if not ok:
    print(f"FAILED: missing outputs {missing[:10]}, unknown statuses {unknown}", file=sys.stderr)
    sys.exit(1)
print("every input accounted for")
PY
