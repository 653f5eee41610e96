#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine:
# Chromium and CJK fonts, poppler and epubcheck (apt), axe-core (npm, from package-lock.json), Python packages (.venv).
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
packages=()
command -v chromium >/dev/null || packages+=(chromium)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || packages+=(fonts-noto-cjk)
# A font with an OpenType MATH table: Chromium stretches MathML braces and fractions with it.
fc-list 2>/dev/null | grep -q "DejaVu Math" || packages+=(fonts-dejavu-extra)
# The book as files (hooks/export/): poppler's pdftotext/pdffonts/pdftoppm read the PDF
# back in tests; epubcheck (Java) validates the EPUB.
command -v pdftotext >/dev/null || packages+=(poppler-utils)
[ -f /usr/share/java/epubcheck.jar ] || packages+=(epubcheck)
command -v npm >/dev/null || packages+=(nodejs npm)
python3 -m venv --help >/dev/null 2>&1 || packages+=(python3-venv)
# Playwright's bundled Node driver links against libatomic.
ldconfig -p 2>/dev/null | grep -q libatomic.so.1 || packages+=(libatomic1)
if [ ${#packages[@]} -gt 0 ]; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
npm ci --no-audit --no-fund --silent

[ -d .venv ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-test.txt
