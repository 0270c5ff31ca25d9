#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages that mailmanager needs.
#   scripts/install-system-deps.sh run    what the desktop app needs to start (Qt's xcb libraries, a CJK font)
#   scripts/install-system-deps.sh test   also the real services the test suite talks to
# Does nothing (with a note) when not root or not on an apt-based system, and nothing
# when every package is already there, so repeated `make test` runs stay fast.
set -euo pipefail
what=${1:-test}
run_pkgs=(python3-venv libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-xinerama0
  libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-wqy-microhei fonts-dejavu-core)
test_pkgs=(xvfb xauth dovecot-imapd gnome-keyring dbus dbus-x11 libsecret-tools binutils
  appstream desktop-file-utils)
pkgs=("${run_pkgs[@]}")
[ "$what" = test ] && pkgs+=("${test_pkgs[@]}")

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: not an apt-based system; install the equivalents of: ${pkgs[*]}" >&2
  exit 0
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "install-system-deps: not root; please install: ${missing[*]}" >&2
  exit 0
fi
echo "install-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
