#!/bin/sh
# Put mailmanager into your desktop's application menu, for you alone (no root needed).
#   ./install.sh              run it from the unpacked mailmanager folder (or give its path)
#   ./install.sh --uninstall  take the menu entry and icons away again (your data stays)
# It writes the menu entry to ~/.local/share/applications (XDG_DATA_HOME), the icons to
# ~/.local/share/icons/hicolor and the AppStream metadata to ~/.local/share/metainfo. The menu
# entry starts the mailmanager in THIS folder: move the folder and run ./install.sh again.
# Nothing is copied out of the folder except those small files.
set -eu
ID=io.github.mailmanager.MailManager
here=$(cd "$(dirname "$0")" && pwd -P)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data/applications
icons=$data/icons/hicolor
metainfo=$data/metainfo

refresh() {  # optional desktop caches; menus also notice the files without them
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" 2>/dev/null
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" 2>/dev/null
  return 0
}

if [ "${1:-}" = --uninstall ]; then
  rm -f "$apps/$ID.desktop" "$metainfo/$ID.metainfo.xml"
  find "$icons" -path "*/apps/$ID.*" -type f -exec rm -f {} + 2>/dev/null || true
  refresh
  echo "mailmanager: removed the menu entry and icons (your mailboxes and settings are kept)"
  exit 0
fi
if [ $# -gt 0 ]; then
  echo "usage: $0 [--uninstall]" >&2
  exit 2
fi
if [ ! -x "$here/mailmanager" ] || [ ! -d "$here/share" ]; then
  echo "mailmanager: run install.sh from the unpacked mailmanager folder ($here has no mailmanager)" >&2
  exit 1
fi

# The entry's Exec must name this folder: a desktop file quotes a path with spaces in double
# quotes, and inside them escapes \ " ` $ with a backslash; the file format then doubles each
# backslash. TryExec is a plain path (only the file format's escaping).
quoted=$(printf '%s' "$here/mailmanager" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g')
plain=$(printf '%s' "$here/mailmanager" | sed -e 's/\\/\\\\/g')
mkdir -p "$apps" "$metainfo"
tmp="$apps/.$ID.desktop.tmp"
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    Exec=*) printf 'Exec="%s"\n' "$quoted" ;;
    TryExec=*) printf 'TryExec=%s\n' "$plain" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$here/share/applications/$ID.desktop" >"$tmp"
mv -f "$tmp" "$apps/$ID.desktop"
cp -f "$here/share/metainfo/$ID.metainfo.xml" "$metainfo/"
(cd "$here/share/icons/hicolor" && find . -type f -name "$ID.*") | while IFS= read -r icon; do
  mkdir -p "$icons/$(dirname "$icon")"
  cp -f "$here/share/icons/hicolor/$icon" "$icons/$icon"
done
refresh
echo "mailmanager: added to the application menu ($apps/$ID.desktop)"
