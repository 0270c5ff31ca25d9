#!/usr/bin/env bash
# CI, after the README's test command (`make test`): build the bundle and the archive the README
# names (packaging/build_bundle.sh validates the desktop entry and the AppStream metainfo), then
# smoke-test the ARCHIVE as a user meets it: unpacked into a fresh folder with a fresh HOME, on a
# real X server, with a real Secret Service (packaging/smoke_test_bundle.sh). Prints the build
# time, the folder's and the archive's sizes and the frozen app's start-up time.
#   packaging/ci_bundle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

scripts/install-system-deps.sh bundle
missing=()
for tool in objdump appstreamcli desktop-file-validate dbus-run-session gnome-keyring-daemon Xvfb \
  secret-tool; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci_bundle: missing tools: ${missing[*]} (scripts/install-system-deps.sh bundle installs" \
    "them, as root)" >&2
  exit 1
fi

echo "== build the bundle and the archive"
packaging/build_bundle.sh

echo "== smoke-test the archive"
packaging/smoke_test_bundle.sh "dist/mailmanager-linux-$(uname -m).tar.gz"

echo "ci_bundle: OK in $(($(date +%s) - start)) s"
