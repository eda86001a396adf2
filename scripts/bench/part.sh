#!/usr/bin/env bash
# part.sh COMMAND... PART_FILE: runs COMMAND once with every file named in PART_FILE as
# arguments. tools.sh gives protokoll-extract one process per core this way, each with its
# share of the list (xargs passes the part file last).
set -euo pipefail
part=${!#}
exec xargs -r -a "$part" "${@:1:$#-1}"
