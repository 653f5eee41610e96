#!/usr/bin/env bash
# Runs the README's two quick-start commands on a fresh Debian with nothing but python3
# (a debootstrap minbase root, in a chroot) and prints how long each took. Between them, the
# export's own set-up and the export, as an author who never installs the tests runs them.
#   sudo bash .ci/fresh-debian.sh [WORK_DIR]      (needs root and debootstrap; slow)
# The committed HEAD is copied in, as a fresh clone would have it. The host's certificate
# authorities and apt/pip/npm settings are copied too, so the root reaches the registries
# the way the host does (a company proxy, a mirror); nothing else is installed by hand.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-/tmp/fresh-debian}
suite=${SUITE:-bookworm}
root=$work/root
url=http://127.0.0.1:8000/llm-book/

command -v debootstrap >/dev/null || { echo "Install debootstrap first." >&2; exit 1; }
if python3 -c "import socket; socket.create_connection(('127.0.0.1', 8000), 1)" 2>/dev/null; then
  echo "Port 8000 is in use: the first command serves there." >&2
  exit 1
fi

# The two commands, exactly as the README prints them (the lines after '# 1.' and '# 2.').
readarray -t commands < <(python3 - "$repo/README.md" <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"## Quick start.*?```sh\n(.*?)```", text, re.S).group(1)
lines = [line for line in block.splitlines() if line and not line.startswith("#")]
print(*lines[:2], sep="\n")
EOF
)

cleanup() {
  [ -n "${serve_pid:-}" ] && kill -- "-$serve_pid" 2>/dev/null || true
  for mount in dev/pts dev/shm dev proc sys; do
    mountpoint -q "$root/$mount" && umount -l "$root/$mount"
  done
  return 0
}
trap cleanup EXIT

mkdir -p "$work"
if [ ! -d "$work/base" ]; then
  debootstrap --variant=minbase --include=python3 "$suite" "$work/base" http://deb.debian.org/debian
fi
rm -rf "$root"
cp -a "$work/base" "$root"

# The host's ways out: CAs, apt sources and settings, pip and npm settings, DNS.
cp /etc/resolv.conf "$root/etc/resolv.conf"
mkdir -p "$root/etc/ssl/certs" "$root/usr/local/share/ca-certificates"
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  rm -f "$root/etc/apt/sources.list"
  cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/"
fi
for file in /etc/apt/apt.conf.d/*proxy* /etc/apt/apt.conf.d/99artifact-registry /etc/pip.conf /etc/npmrc; do
  [ -f "$file" ] && cp "$file" "$root$file"
done

mkdir -p "$root/book"
git -C "$repo" archive HEAD | tar -x -C "$root/book"

mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t tmpfs shm "$root/dev/shm"

in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
    /bin/bash -c "cd /book && $1"
}

echo "== 1: ${commands[0]}"
start=$SECONDS
setsid bash -c "$(declare -f in_root); root=$root; in_root \"\$1\"" _ "${commands[0]}" \
  >"$work/first.log" 2>&1 &
serve_pid=$!
until python3 -c "import urllib.request as u; u.urlopen('$url', timeout=2)" 2>/dev/null; do
  if ! kill -0 "$serve_pid" 2>/dev/null; then
    echo "The first command stopped before serving:" >&2
    tail -30 "$work/first.log" >&2
    exit 1
  fi
  sleep 1
done
first=$((SECONDS - start))
kill -- "-$serve_pid"
wait "$serve_pid" 2>/dev/null || true
serve_pid=
echo "serving $url after ${first} s"

export_command="bash .ci/install.sh --export && .venv/bin/python hooks/book.py export"
echo "== export: $export_command"
start=$SECONDS
if ! in_root "$export_command" >"$work/export.log" 2>&1; then
  echo "The export failed:" >&2
  tail -30 "$work/export.log" >&2
  exit 1
fi
exported=$((SECONDS - start))
tail -8 "$work/export.log"

echo "== 2: ${commands[1]}"
start=$SECONDS
status=0
in_root "${commands[1]}" >"$work/second.log" 2>&1 || status=$?
second=$((SECONDS - start))
tail -5 "$work/second.log"
echo "first command: ${first} s until the book was served; export with its set-up: ${exported} s;" \
  "second command: ${second} s (exit $status)"
exit "$status"
