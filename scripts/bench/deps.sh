#!/usr/bin/env bash
# Installs what the benchmark needs, none of which protokoll needs at run time: the tools it
# is compared with (poppler-utils, mupdf-tools, pandoc), GNU time for peak memory,
# LibreOffice and the samples' fonts to draw the corpus, and a venv with the pinned Python
# packages of requirements.txt. Why a venv: pdfplumber, PyMuPDF and the corpus generator
# must be the same versions on every machine, whatever the system Python has.
#
# Usage: scripts/bench/deps.sh VENV_DIR      (PYTHON: the python that makes the venv)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
venv=$1
python=${PYTHON:-python3}

packages=()
for p in poppler-utils mupdf-tools pandoc time python3-venv fonts-dejavu-core fonts-liberation \
    fonts-crosextra-carlito; do
    dpkg -s "$p" >/dev/null 2>&1 || packages+=("$p")
done
command -v soffice >/dev/null || packages+=(libreoffice-writer-nogui)
if ((${#packages[@]} > 0)); then
    sudo=""
    [[ $(id -u) == 0 ]] || sudo=sudo
    $sudo apt-get update -q >&2
    if [[ " ${packages[*]} " == *" libreoffice-writer-nogui "* ]] &&
        ! apt-cache show libreoffice-writer-nogui >/dev/null 2>&1; then
        packages=("${packages[@]/libreoffice-writer-nogui/libreoffice-writer}")
    fi
    echo "bench: installing ${packages[*]}" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${packages[@]}" >&2
fi

# The venv is remade when requirements.txt changes.
want=$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)
if [[ ! -x $venv/bin/python || $(cat "$venv/.requirements.sha256" 2>/dev/null) != "$want" ]]; then
    echo "bench: making $venv" >&2
    "$python" -m venv --clear "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt" >&2
    echo "$want" >"$venv/.requirements.sha256"
fi
