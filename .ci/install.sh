#!/usr/bin/env bash
# Installs what the site needs, from a machine with nothing but python3:
#   bash .ci/install.sh            Debian packages (apt, through sudo when not root), .venv,
#                                  the site's Python packages (requirements.lock.txt)
#   bash .ci/install.sh --export   also what `hooks/book.py export` needs: Chromium and fonts
#                                  from apt, requirements-export.lock.txt
# Python packages come from a lock (exact versions and hashes; .ci/lock.sh writes it from the
# ranges in requirements*.txt). BOOK_DEPS=ranges installs the newest versions the ranges
# allow instead (the weekly drift check). tests/install.sh sources this file for its helpers
# and adds what the tests need.
# Debian 12+ and Ubuntu use apt; elsewhere (macOS) nothing is installed system-wide and a
# missing system package is named instead. Running it again is quick: each step checks first.
set -euo pipefail

apt_missing=()

# need PACKAGE [CHECK...]: the Debian package is needed unless CHECK succeeds
# (by default: dpkg knows it as installed).
need() {
  local package=$1
  shift
  if [ $# -gt 0 ]; then
    "$@" >/dev/null 2>&1 && return 0
  elif command -v dpkg-query >/dev/null &&
    [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null)" = "ii " ]; then
    return 0
  fi
  apt_missing+=("$package")
}

# Installs every package that need() found missing, in one apt-get run.
install_apt() {
  [ ${#apt_missing[@]} -gt 0 ] || return 0
  if ! command -v apt-get >/dev/null; then
    echo "Install these system packages (or their equivalent), then run this again: ${apt_missing[*]}" >&2
    exit 1
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "Installing ${apt_missing[*]} needs root, and sudo is not installed. As root, run:" >&2
      echo "  apt-get update && apt-get install -y --no-install-recommends ${apt_missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo)
  fi
  echo "Installing Debian packages: ${apt_missing[*]}"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
  apt_missing=()
}

# make_venv LOCK: a working .venv with this lock installed (with BOOK_DEPS=ranges, the range
# file it was made from). A .venv whose pip does not run (an interrupted or failed earlier
# attempt) is made again.
make_venv() {
  local lock=$1 args
  if [ "${BOOK_DEPS:-lock}" = ranges ]; then
    args=(--upgrade -r "${lock%.lock.txt}.txt")
  else
    # Hash-checking mode: every package, dependencies included, must be in the lock.
    args=(--require-hashes -r "$lock")
  fi
  if ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
    if [ -e .venv ]; then
      echo "Remaking .venv: it has no working pip (left over from an earlier attempt?)"
      rm -rf .venv
    fi
    python3 -m venv .venv
  fi
  # Skip pip when this lock has not changed since it was last installed.
  local stamp stamp_file=".venv/.installed-${lock%.lock.txt}-${BOOK_DEPS:-lock}"
  stamp=$(cat requirements*.txt "$lock" pyproject.toml | cksum)
  if [ "$(cat "$stamp_file" 2>/dev/null)" != "$stamp" ]; then
    echo "Installing Python packages into .venv: ${args[*]: -1}"
    .venv/bin/python -m pip install -q --disable-pip-version-check --use-pep517 "${args[@]}"
    # The book's own package, hooks/textbook, in editable mode: the hooks, the CLI, the tests
    # and the benchmarks import it by name, and an edit to it needs no reinstall. Its build
    # backend (setuptools) comes from the lock, so nothing is fetched unchecked.
    .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps \
      --no-build-isolation --editable .
    echo "$stamp" >"$stamp_file"
  fi
  # Material 9 prints its end-of-life notice (May 2027, README) on every build and save;
  # the book pins it knowingly, so the venv's Python starts with that notice turned off.
  local site
  site=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  echo 'import os; os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")' >"$site/book-quiet-material.pth"
}

# npm_ci: node_modules exactly as package-lock.json says, unless it already is.
npm_ci() {
  local stamp
  stamp=$(cksum <package-lock.json)
  if [ "$(cat node_modules/.installed 2>/dev/null)" != "$stamp" ]; then
    echo "Installing npm packages: package-lock.json"
    npm ci --no-audit --no-fund --silent
    echo "$stamp" >node_modules/.installed
  fi
}

if ! command -v python3 >/dev/null ||
  ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "The book needs Python 3.11 or newer as python3 (Debian 12+, Ubuntu 24.04+, python.org)." >&2
  exit 1
fi
need python3-venv python3 -c "import ensurepip"

# The Debian packages `hooks/book.py export` needs (tests/install.sh calls this too).
export_needs() {
  need chromium                  # prints the PDF: Playwright drives Debian's Chromium
  need libatomic1                # Playwright's bundled Node driver links against it
  # Fonts with TrueType outlines, which the PDF embeds as real fonts (CFF ones, as Noto CJK,
  # become Type 3): Chinese in WenQuanYi, Latin in DejaVu (guides/authors.md, "Fonts").
  need fonts-wqy-microhei
  need fonts-wqy-zenhei          # the few characters Micro Hei lacks
  need fonts-dejavu-core
  need fonts-dejavu-extra        # a font with an OpenType MATH table: Chromium stretches MathML braces
}

# Run (not sourced): install what the site needs, and with --export what the export needs.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  cd "$(dirname "$0")/.."
  case "${1:-}" in
    "") install_apt && make_venv requirements.lock.txt ;;
    --export) export_needs && install_apt && make_venv requirements-export.lock.txt ;;
    *) echo "usage: bash .ci/install.sh [--export]" >&2 && exit 2 ;;
  esac
fi
