#!/usr/bin/env bash
# Regenerate the sample protocols in samples/ and the PDF test fixtures in
# Tests/Fixtures/pdf/, then check them.
#
# Dev-only tools, installed here when missing (never runtime dependencies of
# protokoll): reportlab and python-docx (pip), LibreOffice Writer headless
# (DOCX -> PDF), qpdf (encrypted fixtures), poppler-utils (checks), and the
# DejaVu / Liberation / Carlito fonts.
#
# Usage: scripts/samples/make-samples.sh [--only psvo lsvo orebro vasterbotten fixtures]
# Env:   PYTHON (default python3), PROTOKOLL_SEEDS (seed texts for the check;
#        default ../shared/seeds next to the repository).
set -euo pipefail

cd "$(dirname "$0")/../.."  # repository root
PY=${PYTHON:-python3}
REPORTLAB_VERSION=5.1.0
PYTHON_DOCX_VERSION=1.2.0

has_font() {  # no `grep -q`: with pipefail an early exit looks like a failure
  fc-list 2>/dev/null | grep -i "$1" >/dev/null
}

apt_pkgs=()
command -v soffice >/dev/null || apt_pkgs+=(libreoffice-writer-nogui)
command -v qpdf >/dev/null || apt_pkgs+=(qpdf)
command -v pdftotext >/dev/null || apt_pkgs+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || apt_pkgs+=(fonts-dejavu-core)
has_font "Liberation Sans" || apt_pkgs+=(fonts-liberation)
has_font "Carlito" || apt_pkgs+=(fonts-crosextra-carlito)

if [ ${#apt_pkgs[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  if [[ " ${apt_pkgs[*]} " == *" libreoffice-writer-nogui "* ]] &&
     ! apt-cache show libreoffice-writer-nogui >/dev/null 2>&1; then
    apt_pkgs=("${apt_pkgs[@]/libreoffice-writer-nogui/libreoffice-writer}")
  fi
  echo "installing: ${apt_pkgs[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${apt_pkgs[@]}"
fi

if ! "$PY" - "$REPORTLAB_VERSION" "$PYTHON_DOCX_VERSION" <<'EOF' 2>/dev/null
import sys
from importlib.metadata import version
sys.exit(0 if (version("reportlab"), version("python-docx")) == tuple(sys.argv[1:3]) else 1)
EOF
then
  echo "installing: reportlab==$REPORTLAB_VERSION python-docx==$PYTHON_DOCX_VERSION"
  "$PY" -m pip install --quiet --disable-pip-version-check \
    "reportlab==$REPORTLAB_VERSION" "python-docx==$PYTHON_DOCX_VERSION"
fi

"$PY" scripts/samples/make_samples.py "$@"
if [ $# -eq 0 ]; then
  "$PY" scripts/samples/check_samples.py
fi
