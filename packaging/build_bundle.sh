#!/usr/bin/env bash
# Build the one-folder bundle dist/mailmanager/ (both executables: mailmanager, mailmanager-cli).
#   packaging/build_bundle.sh
# Uses the project's .venv (created by `make run` / `make test`); installs PyInstaller into it
# through the `package` extra of pyproject.toml when it is missing. Prints the build time and
# the bundle's size. Windows and macOS bundles are built the same way on those systems.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
PY="$VENV/bin/python"
if [ ! -x "$PY" ]; then
  python3 -m venv "$VENV"
fi
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "build_bundle: installing the package extra (PyInstaller) into $VENV"
  "$PY" -m pip --disable-pip-version-check -q install -e '.[package]'
fi

start=$(date +%s)
export MAILMANAGER_ICON_DIR="$PWD/build/icons"
"$PY" packaging/make_icons.py "$MAILMANAGER_ICON_DIR" >/dev/null
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/mailmanager.spec

# Linux desktop integration files travel with the bundle (see packaging/README.md).
if [ "$(uname -s)" = Linux ]; then
  share=dist/mailmanager/share
  install -D -m 644 packaging/linux/io.github.mailmanager.MailManager.desktop \
    "$share/applications/io.github.mailmanager.MailManager.desktop"
  install -D -m 644 packaging/linux/io.github.mailmanager.MailManager.metainfo.xml \
    "$share/metainfo/io.github.mailmanager.MailManager.metainfo.xml"
  install -D -m 644 resources/icons/app.svg \
    "$share/icons/hicolor/scalable/apps/io.github.mailmanager.MailManager.svg"
fi
end=$(date +%s)

echo "build_bundle: built dist/mailmanager in $((end - start)) s"
echo "build_bundle: size $(du -sh dist/mailmanager | cut -f1) ($(du -sb dist/mailmanager | cut -f1) bytes)"
