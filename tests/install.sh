#!/usr/bin/env bash
# Installs everything the test suite needs, on top of the site's needs (.ci/install.sh):
# Debian packages (apt, through sudo when not root), axe-core (npm ci, from package-lock.json),
# and every requirements*.txt into .venv. A package the tests need is one `need` line below.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/install.sh

need chromium                       # the browser tests: Playwright drives Debian's Chromium
need fonts-noto-cjk                 # Chinese text in screenshots
need nodejs command -v node         # npm ci (a Node.js from NodeSource counts)
need npm command -v npm
need libatomic1                     # Playwright's bundled Node driver links against it
need fonts-dejavu-extra              # a font with an OpenType MATH table: Chromium stretches MathML braces
need poppler-utils command -v pdftotext  # reading the exported PDF back: pdftotext, pdffonts, pdftoppm
need epubcheck test -f /usr/share/java/epubcheck.jar  # validating the exported EPUB (Java)

install_apt
make_venv requirements*.txt
npm_ci
