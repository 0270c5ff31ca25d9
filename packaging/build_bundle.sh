#!/usr/bin/env bash
# Build the one-folder bundle dist/mailmanager/ (both executables: mailmanager, mailmanager-cli)
# and, on Linux, the archive the README promises: dist/mailmanager-linux-x86_64.tar.gz (the
# folder plus share/ with the desktop entry, icons and AppStream metainfo, and install.sh, which
# adds the menu entry for the user alone).
#   packaging/build_bundle.sh
# Uses the project's .venv (created by `make run` / `make test`); installs PyInstaller into it
# through the `package` extra of pyproject.toml when it is missing. Prints the build time, the
# folder's and the archive's sizes. Windows and macOS bundles are built on those systems
# (packaging/README.md).
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

end=$(date +%s)
dangling=$(find dist/mailmanager -xtype l)
if [ -n "$dangling" ]; then  # a link to something packaging/bundle_rules.py left out
  echo "build_bundle: dangling links in the bundle:" $dangling >&2
  exit 1
fi
echo "build_bundle: built dist/mailmanager in $((end - start)) s"
echo "build_bundle: size $(du -sh dist/mailmanager | cut -f1) ($(du -sb dist/mailmanager | cut -f1) bytes)"
[ "$(uname -s)" = Linux ] || exit 0

# Linux desktop integration files travel with the bundle (see packaging/README.md).
id=io.github.mailmanager.MailManager
share=dist/mailmanager/share
# The validators are optional here (appstream, desktop-file-utils); CI installs them.
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate packaging/linux/$id.desktop
  echo "build_bundle: desktop entry valid (desktop-file-validate)"
else
  echo "build_bundle: desktop-file-validate not found; the desktop entry was not validated"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net packaging/linux/$id.metainfo.xml >/dev/null \
    || { appstreamcli validate --no-net packaging/linux/$id.metainfo.xml; exit 1; }
  echo "build_bundle: AppStream metainfo valid (appstreamcli validate --no-net)"
else
  echo "build_bundle: appstreamcli not found; the AppStream metainfo was not validated"
fi
install -D -m 644 packaging/linux/$id.desktop "$share/applications/$id.desktop"
install -D -m 644 packaging/linux/$id.metainfo.xml "$share/metainfo/$id.metainfo.xml"
install -D -m 644 resources/icons/app.svg "$share/icons/hicolor/scalable/apps/$id.svg"
(cd "$MAILMANAGER_ICON_DIR" && find hicolor -name "$id.png") | while read -r png; do
  install -D -m 644 "$MAILMANAGER_ICON_DIR/$png" "$share/icons/$png"
done
install -m 755 packaging/linux/install.sh dist/mailmanager/install.sh

archive=dist/mailmanager-linux-$(uname -m).tar.gz
# Owned by root, names sorted: the archive does not carry the build user's name.
tar -C dist --sort=name --owner=0 --group=0 --numeric-owner -cf - mailmanager | gzip -n >"$archive"  # -9: 0.5 % smaller, 3.5 x slower
echo "build_bundle: archive $archive $(du -h "$archive" | cut -f1) ($(stat -c %s "$archive") bytes)" \
  "in $(($(date +%s) - end)) s"
