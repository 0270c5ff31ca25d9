#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages that mailmanager needs, and nothing that nothing uses.
#   scripts/install-system-deps.sh run          what the desktop app needs to start (`make run`)
#   scripts/install-system-deps.sh test         also the real services the test suite talks to (`make test`)
#   scripts/install-system-deps.sh bundle       also what building and smoke-testing the bundle needs (CI)
#   scripts/install-system-deps.sh screenshots  what `make screenshots` needs (a virtual X server)
# Does nothing (with a note) when not root or not on an apt-based system, and nothing when every
# package is already there, so repeated `make test` runs stay fast. Otherwise it says what it
# installs and about how long that takes, and apt's own progress follows.
set -euo pipefail
what=${1:-test}

# Each package, with what uses it (keep this list honest: nothing here that nothing uses).
run_pkgs=(
  python3-venv       # make run / make test: the .venv (PEP 668 systems forbid a global pip)
  libxcb-cursor0     # Qt's xcb platform plugin links these three (ldd libQt6XcbQpa.so.6)
  libxcb-icccm4
  libxcb-keysyms1
  libxkbcommon-x11-0 # Qt's xcb plugin: the keyboard
  libegl1            # QtGui links libEGL and libGL, even for widgets that never draw with them
  libgl1
  libfontconfig1     # QtGui: fonts
  libdbus-1-3        # QtDBus (tray, portal, notifications)
  fonts-wqy-microhei # a CJK font: without one the Chinese UI is empty boxes
  fonts-dejavu-core  # a Latin font
)
test_pkgs=(
  dovecot-imapd      # the real IMAP server of the tests (tests/helpers/dovecot.py)
  gnome-keyring      # the real Secret Service (tests/helpers/secret_service.py)
  dbus               # dbus-daemon for those tests, dbus-run-session for the bundle's smoke test
  appstream          # appstreamcli: tests/system/test_packaging.py validates the metainfo
  desktop-file-utils # desktop-file-validate: test_packaging.py, test_autostart.py
)
bundle_pkgs=(
  binutils           # objdump: PyInstaller reads the libraries' dependencies with it
  xvfb               # the bundle's smoke test starts the app on a real X server
  libsecret-tools    # secret-tool: the smoke test finds the code in the Secret Service
)
screenshot_pkgs=(
  xvfb               # make screenshots runs under xvfb-run ...
  xauth              # ... which needs xauth
)
case $what in
  run) pkgs=("${run_pkgs[@]}") purpose="make run" ;;
  test) pkgs=("${run_pkgs[@]}" "${test_pkgs[@]}") purpose="make test" ;;
  bundle) pkgs=("${run_pkgs[@]}" "${test_pkgs[@]}" "${bundle_pkgs[@]}") purpose="the bundle" ;;
  screenshots) pkgs=("${run_pkgs[@]}" "${screenshot_pkgs[@]}") purpose="make screenshots" ;;
  *) echo "usage: $0 run|test|bundle|screenshots" >&2; exit 2 ;;
esac

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
  echo "install-system-deps: not root; for $purpose please install: ${missing[*]}" >&2
  exit 0
fi
echo "install-system-deps: installing ${#missing[@]} Debian packages for $purpose: ${missing[*]}"
echo "install-system-deps: apt-get update, then the packages and their dependencies: about a" \
  "minute on a fresh system (all of them ~40 s here), longer on a slow mirror"
start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "install-system-deps: done in $(($(date +%s) - start)) s"
