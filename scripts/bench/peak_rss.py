"""Runs a command under /usr/bin/time and also samples the command's own peak RSS.

Why: /usr/bin/time -f %M around `protokoll run` reports the largest peak among
the runner and every worker process it waited for (the kernel folds waited-for
children into the maximum it reports), so it says little about the runner
itself, whose memory must stay flat however many documents it is given. The
runner's own high-water mark is VmHWM in /proc/PID/status; it only grows, so
reading it every 50 ms until the runner exits gives its peak.

Usage: peak_rss.py OUT_FILE -- COMMAND [ARG...]
Appends "MAX_KB RUNNER_KB" to OUT_FILE and exits with the command's status.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time


def child_of(parent: int) -> int | None:
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            return int(entry)
    return None


def hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 64
    out, command = argv[0], argv[2:]
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", timing.name, *command])
        child, runner = None, 0
        while proc.poll() is None:
            child = child or child_of(proc.pid)
            if child:
                runner = max(runner, hwm_kb(child))
            time.sleep(0.05)
        lines = [line for line in timing.read().splitlines() if line.strip().isdigit()]
    with open(out, "a", encoding="ascii") as f:
        f.write(f"{lines[-1] if lines else 0} {runner}\n")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
