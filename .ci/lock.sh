#!/usr/bin/env bash
# Regenerates the locks from the version ranges, with every file's hash:
#   bash .ci/lock.sh                     keep locked versions where the ranges still allow them
#   bash .ci/lock.sh --upgrade           the newest versions the ranges allow
# requirements*.txt hold the ranges (what the book can use); requirements*.lock.txt the exact
# versions and hashes every machine installs. The test lock is resolved first and the other
# two are constrained by it, so a package has one version in all three.
# uv resolves one lock for every platform and Python from 3.11 on (--universal); pip installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
uv=.venv/bin/uv
[ -x "$uv" ] || { echo "No $uv: run 'bash tests/install.sh' first (uv is a test requirement)." >&2; exit 1; }
compile() {
  "$uv" pip compile --quiet --universal --python-version 3.11 --generate-hashes \
    --custom-compile-command "bash .ci/lock.sh" "$@"
}
compile "${@}" requirements-test.txt -o requirements-test.lock.txt
compile requirements-export.txt -c requirements-test.lock.txt -o requirements-export.lock.txt
compile requirements.txt -c requirements-test.lock.txt -o requirements.lock.txt
