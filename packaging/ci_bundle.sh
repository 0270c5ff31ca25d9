#!/usr/bin/env bash
# CI, after the README's test command (`make test`): validate the Linux desktop files, build the
# one-folder bundle, and smoke-test it with a real Secret Service. Prints the build time, the
# bundle size and the frozen app's start-up time.
#   packaging/ci_bundle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

# Debian packages: the test set already holds dbus, gnome-keyring, libsecret-tools, appstream
# and desktop-file-utils; PyInstaller also needs objdump (binutils) on Linux.
scripts/install-system-deps.sh test
missing=()
for tool in objdump appstreamcli desktop-file-validate dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "ci_bundle: missing tools: ${missing[*]} (Debian packages: binutils appstream" \
    "desktop-file-utils dbus gnome-keyring)" >&2
  exit 1
fi

echo "== validate desktop entry and AppStream metainfo"
desktop-file-validate packaging/linux/io.github.mailmanager.MailManager.desktop
appstreamcli validate --no-net packaging/linux/io.github.mailmanager.MailManager.metainfo.xml

echo "== build the bundle"
packaging/build_bundle.sh

echo "== smoke-test the bundle"
packaging/smoke_test_bundle.sh dist/mailmanager

echo "ci_bundle: OK in $(($(date +%s) - start)) s"
