#!/usr/bin/env bash
# Smoke test of the Linux archive, as a user meets it: unpacked into a fresh folder (whose name
# has a space) with a fresh HOME, on a private D-Bus session with gnome-keyring (unlocked with
# an empty password; the same recipe as the test suite's tests/helpers/secret_service.py) and a
# real X server (Xvfb, Qt's xcb platform plugin):
#   1. both executables answer --version; with no display at all the app says so in one line;
#   2. install.sh puts a valid menu entry that starts THIS folder's app, and icons, under the
#      fresh HOME; --uninstall takes them away;
#   3. the bundle's own mailmanager-cli adds a mailbox (--no-check: nothing is sent), its code
#      going to the REAL Secret Service; the frozen CLI finds resources/ (catalogue and all);
#   4. on Xvfb, with no QT_QPA_PLATFORM (Qt picks xcb as on a desktop), `mailmanager
#      --smoke-test` paints and shows that one mailbox ("accounts=1"); the Qt plugins it loaded
#      go to dist/smoke/plugins-xcb.txt;
#   5. a normal start on Xvfb: its screen goes to dist/smoke/main-xcb.png, which must hold more
#      than a few colours (packaging/screenshot_check.py); a second start on the same home
#      brings the first forward and exits 0;
#   6. a forced crash (MAILMANAGER_DEBUG_CRASH=1, offscreen) writes its report to the log
#      folder and shows the crash dialog;
#   7. the code appears in no file under the homes and in no output.
#   packaging/smoke_test_bundle.sh [ARCHIVE]   (default dist/mailmanager-linux-x86_64.tar.gz)
# Needs dbus-run-session (dbus), gnome-keyring, Xvfb (xvfb); uses secret-tool (libsecret-tools),
# desktop-file-validate (desktop-file-utils) when present; the screenshot check runs with the
# build environment's Python (.venv, or $VENV).
set -euo pipefail
cd "$(dirname "$0")/.."
archive=$(realpath "${1:-dist/mailmanager-linux-$(uname -m).tar.gz}")
repo=$PWD
VENV=${VENV:-.venv}
smoke_dir=$repo/dist/smoke

if [ -z "${MAILMANAGER_SMOKE_BUS:-}" ]; then
  for tool in dbus-run-session gnome-keyring-daemon Xvfb; do
    command -v "$tool" >/dev/null || { echo "smoke: $tool is missing (dbus, gnome-keyring, xvfb)" >&2; exit 1; }
  done
  [ -f "$archive" ] || { echo "smoke: no archive $archive (packaging/build_bundle.sh makes it)" >&2; exit 1; }
  # A private session bus that ends (taking gnome-keyring with it) when this script ends.
  exec dbus-run-session -- env MAILMANAGER_SMOKE_BUS=1 "$0" "$@" 2> >(grep -v "Failed to set fd limit" >&2)
fi

fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
first="" xvfb=""  # background processes of this script: never left running, whatever fails
cleanup() {
  [ -n "$first" ] && kill "$first" 2>/dev/null
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" XDG_CONFIG_HOME="$tmp/home/.config"
export XDG_CACHE_HOME="$tmp/home/.cache" XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
# One empty line on stdin: a login keyring with an empty password, created unlocked.
eval "$(echo | gnome-keyring-daemon --unlock --components=secrets --daemonize)"
# Nothing from a developer's or the test suite's environment may steer the bundle.
unset PYTHON_KEYRING_BACKEND MAILMANAGER_HOME PYTHONPATH PYTHONHOME QT_PLUGIN_PATH \
  QT_QPA_PLATFORM DISPLAY WAYLAND_DISPLAY WAYLAND_SOCKET XAUTHORITY MAILMANAGER_DEBUG_CRASH

# The archive, unpacked as a user would: into a folder of its own whose name has a space.
folder="$tmp/home/Downloads/mail manager"
mkdir -p "$folder"
tar -xzf "$archive" -C "$folder"
bundle="$folder/mailmanager"
[ -x "$bundle/mailmanager" ] || fail "the archive holds no mailmanager/mailmanager"
echo "smoke: unpacked $(basename "$archive") ($(du -sh "$bundle" | cut -f1)) into a fresh folder"

home="$tmp/mm-home"
code="smoke-CODE-$$-$RANDOM-x9"
address=someone@example.org


# 1. --version; no display at all
for exe in mailmanager-cli mailmanager; do
  out=$("$bundle/$exe" --version) || fail "$exe --version exited $?"
  [[ $out == "mailmanager "* ]] || fail "$exe --version printed: $out"
  echo "smoke: $exe --version: $out"
done
status=0
"$bundle/mailmanager" --home "$home" >"$tmp/nodisplay.out" 2>&1 || status=$?
[ "$status" = 3 ] || { cat "$tmp/nodisplay.out" >&2; fail "with no display the app exited $status, not 3"; }
[ "$(wc -l <"$tmp/nodisplay.out")" = 1 ] && grep -q "^mailmanager: no display found" "$tmp/nodisplay.out" \
  || { cat "$tmp/nodisplay.out" >&2; fail "with no display the app did not say so in one line"; }
echo "smoke: no display: $(cat "$tmp/nodisplay.out")"

# 2. install.sh: the menu entry and icons under the fresh HOME, starting this folder's app
id=io.github.mailmanager.MailManager
"$bundle/install.sh" >"$tmp/install.out" || { cat "$tmp/install.out" >&2; fail "install.sh failed"; }
entry="$XDG_DATA_HOME/applications/$id.desktop"
[ -f "$entry" ] || fail "install.sh wrote no $entry"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$entry" || fail "the installed menu entry does not validate"
fi
grep -qxF "TryExec=$bundle/mailmanager" "$entry" || fail "the menu entry's TryExec is not this folder's app"
grep -qxF "Exec=\"$bundle/mailmanager\"" "$entry" || fail "the menu entry's Exec is not this folder's app"
for icon in scalable/apps/$id.svg 48x48/apps/$id.png 128x128/apps/$id.png 256x256/apps/$id.png; do
  [ -f "$XDG_DATA_HOME/icons/hicolor/$icon" ] || fail "install.sh did not install the icon $icon"
done
[ -f "$XDG_DATA_HOME/metainfo/$id.metainfo.xml" ] || fail "install.sh did not install the metainfo"
"$bundle/install.sh" --uninstall >/dev/null || fail "install.sh --uninstall failed"
[ -z "$(find "$XDG_DATA_HOME" -name "$id.*")" ] || fail "install.sh --uninstall left files behind"
"$bundle/install.sh" >/dev/null  # installed again, as the user leaves it
echo "smoke: install.sh added the menu entry and icons under HOME, --uninstall removed them"

# 3. the CLI adds a mailbox, its code going to the Secret Service
printf '%s' "$code" | "$bundle/mailmanager-cli" --home "$home" add "$address" --password-stdin \
  --imap 127.0.0.1:993:ssl --smtp 127.0.0.1:465:ssl --no-check >"$tmp/add.out" 2>&1 \
  || { cat "$tmp/add.out" >&2; fail "mailmanager-cli add exited non-zero"; }
"$bundle/mailmanager-cli" --home "$home" --json list >"$tmp/list.out" 2>&1 \
  || { cat "$tmp/list.out" >&2; fail "mailmanager-cli list exited non-zero"; }
grep -q "\"$address\"" "$tmp/list.out" || fail "the account is not in mailmanager-cli list"
if command -v secret-tool >/dev/null; then
  secret-tool search --all --unlock username "$address" >"$tmp/keyring.out" 2>&1 || true
  grep -q "secret = $code" "$tmp/keyring.out" \
    || fail "the code is not in the Secret Service (the bundle did not use the real keyring)"
  rm -f "$tmp/keyring.out"  # it holds the code on purpose
  echo "smoke: the code is in the Secret Service"
fi
# The frozen app finds resources/: the provider catalogue answers, every file is in the bundle.
"$bundle/mailmanager-cli" --home "$home" --json detect someone@163.com >"$tmp/detect.out" 2>&1 \
  || { cat "$tmp/detect.out" >&2; fail "mailmanager-cli detect exited non-zero"; }
grep -q '"source": "catalogue"' "$tmp/detect.out" || fail "the bundle does not find the provider catalogue"
(cd resources && find . -type f ! -path '*__pycache__*' ! -name '*.pyc') | while read -r f; do
  [ -f "$bundle/_internal/mailmanager/resources/$f" ] || fail "resources/$f is missing from the bundle"
done
echo "smoke: resources found ($(find "$bundle/_internal/mailmanager/resources" -type f | wc -l) files)"

# 4. a real X server; the app picks xcb itself and shows the mailbox
mkdir -p "$smoke_dir"
rm -f "$smoke_dir"/*.png "$smoke_dir"/*.txt
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" >"$tmp/xvfb.out" 2>&1 &
xvfb=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
[ -s "$tmp/display" ] || { cat "$tmp/xvfb.out" >&2; fail "Xvfb did not start"; }
export DISPLAY=":$(cat "$tmp/display")"
start=$(date +%s%N)
QT_DEBUG_PLUGINS=1 "$bundle/mailmanager" --home "$home" --smoke-test >"$tmp/app.out" 2>"$tmp/app.err" \
  || { cat "$tmp/app.out" "$tmp/app.err" >&2; fail "mailmanager --smoke-test on Xvfb exited non-zero"; }
wall_ms=$((($(date +%s%N) - start) / 1000000))
grep -o '/PySide6/Qt/plugins/[^"]*" loaded library' "$tmp/app.err" | sed 's|^/PySide6/Qt/plugins/||; s|" loaded library||' \
  | sort -u >"$smoke_dir/plugins-xcb.txt"
grep -qx "platforms/libqxcb.so" "$smoke_dir/plugins-xcb.txt" \
  || { cat "$tmp/app.err" >&2; fail "the xcb platform plugin was not loaded"; }
grep -Eq '^startup_ms=[0-9]+' "$tmp/app.out" || fail "no startup_ms= line"
grep -Eq '^accounts=1$' "$tmp/app.out" || fail "the window does not show the mailbox the CLI added"
echo "smoke: on Xvfb (xcb): $(grep -E '^startup_ms=' "$tmp/app.out"), accounts=1," \
  "process wall time ${wall_ms} ms; plugins loaded: $(tr '\n' ' ' <"$smoke_dir/plugins-xcb.txt")"

# 5. a normal start on Xvfb: a screenshot of what the user sees; then one copy per home
log_file="$home/logs/mailmanager.log"
log_start=$(($(stat -c %s "$log_file") + 1))  # earlier runs wrote to the same log
wait_log() {  # wait_log TEXT PID: until the log holds TEXT since this step began (max 30 s)
  for _ in $(seq 300); do
    tail -c "+$log_start" "$log_file" | grep -qF -- "$1" && return 0
    kill -0 "$2" 2>/dev/null || fail "the running app exited early"
    sleep 0.1
  done
  fail "never logged: $1"
}
"$bundle/mailmanager" --home "$home" >"$tmp/first.out" 2>&1 &
first=$!
wait_log "single instance claimed" "$first"
"$repo/$VENV/bin/python" "$repo/packaging/screenshot_check.py" "$smoke_dir/main-xcb.png" \
  || fail "the screenshot of the app on Xvfb is missing or blank"
QT_QPA_PLATFORM=offscreen timeout 30 "$bundle/mailmanager" --home "$home" >"$tmp/second.out" 2>&1 \
  || { cat "$tmp/second.out" >&2; fail "the second start exited non-zero"; }
wait_log "bringing the window forward" "$first"
kill "$first" && wait "$first" 2>/dev/null || true
first=""
echo "smoke: a second start on the same home brought the first forward and exited 0"

# 6. a forced crash: the report goes to the log folder, the dialog shows (offscreen)
crash_home="$tmp/crash-home"
MAILMANAGER_DEBUG_CRASH=1 QT_QPA_PLATFORM=offscreen "$bundle/mailmanager" --home "$crash_home" \
  --smoke-test >"$tmp/crash.out" 2>"$tmp/crash.err" \
  || { cat "$tmp/crash.out" "$tmp/crash.err" >&2; fail "the forced crash run exited non-zero"; }
grep -qx "crash_dialog=shown" "$tmp/crash.out" || { cat "$tmp/crash.out" >&2; fail "no crash dialog"; }
crash_log="$crash_home/logs/mailmanager.log"
grep -q "uncaught exception" "$crash_log" && grep -q "(frozen bundle)" "$crash_log" \
  && grep -q "RuntimeError: forced crash" "$crash_log" || fail "no crash report in $crash_log"
echo "smoke: a forced crash wrote its report to $(basename "$(dirname "$crash_log")")/ and showed the dialog"

# 7. the code never reached a file or an output
outputs=("$tmp"/*.out "$tmp"/*.err)
# (gnome-keyring keeps a keyring with an empty password unencrypted: its folder is left out)
if grep -rqF --exclude-dir=keyrings -- "$code" "$home" "$crash_home" "$HOME" "${outputs[@]}"; then
  fail "the code was written to a file or printed"
fi
echo "smoke: OK"
