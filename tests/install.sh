#!/usr/bin/env bash
# Installs everything the test suite needs, on top of the site's and the export's needs
# (.ci/install.sh): Debian packages (apt, through sudo when not root), axe-core (npm ci, from
# package-lock.json), and requirements-test.lock.txt into .venv. A package the tests need is one
# `need` line below or in .ci/install.sh's export_needs.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/install.sh

export_needs
need fonts-noto-cjk                 # Chinese text in the browser tests' screenshots
need git command -v git             # the translator's tests: throwaway repositories, blob ids
need nodejs command -v node         # npm ci (a Node.js from NodeSource counts)
need npm command -v npm
need poppler-utils command -v pdftotext  # reading the exported PDF back: pdftotext, pdffonts, pdftoppm
need epubcheck test -f /usr/share/java/epubcheck.jar  # validating the exported EPUB (Java)

install_apt
make_venv requirements-test.lock.txt
npm_ci
