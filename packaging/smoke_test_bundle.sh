#!/usr/bin/env bash
# Smoke test of the built bundle, as a user would meet it:
#   1. both executables answer --version;
#   2. the bundle's own mailmanager-cli adds an account on a temporary home, storing its code in
#      a REAL Secret Service (gnome-keyring on a private D-Bus session, unlocked with an empty
#      password, HOME and XDG folders in a temporary directory: the same recipe as the test
#      suite's tests/helpers/secret_service.py);
#      and the frozen app finds resources/ (provider catalogue, icons, translations);
#   3. the frozen desktop app, started with --smoke-test under QT_QPA_PLATFORM=offscreen, exits 0,
#      prints its start-up time and shows that one account (it prints "accounts=N");
#   4. a second start on the same home brings the running copy forward and exits 0;
#   5. the code appears in no file under the home and in no output.
#   packaging/smoke_test_bundle.sh [BUNDLE_DIR]     (default dist/mailmanager)
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=$(realpath "${1:-dist/mailmanager}")

if [ -z "${MAILMANAGER_SMOKE_BUS:-}" ]; then
  for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "smoke: $tool is missing (dbus, gnome-keyring)" >&2; exit 1; }
  done
  # A private session bus that ends (taking gnome-keyring with it) when this script ends.
  exec dbus-run-session -- env MAILMANAGER_SMOKE_BUS=1 "$0" "$@" 2> >(grep -v "Failed to set fd limit" >&2)
fi

fail() { echo "smoke: FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
first=""  # the background app of step 4: never left running, whatever fails
trap '[ -n "$first" ] && kill "$first" 2>/dev/null; rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" XDG_CONFIG_HOME="$tmp/home/.config"
export XDG_CACHE_HOME="$tmp/home/.cache" XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
# One empty line on stdin: a login keyring with an empty password, created unlocked.
eval "$(echo | gnome-keyring-daemon --unlock --components=secrets --daemonize)"
# Nothing from a developer's or the test suite's environment may steer the bundle.
unset PYTHON_KEYRING_BACKEND MAILMANAGER_HOME PYTHONPATH PYTHONHOME QT_PLUGIN_PATH

home="$tmp/mm-home"
code="smoke-CODE-$$-$RANDOM-x9"
address=someone@example.org

# 1. --version
for exe in mailmanager-cli mailmanager; do
  out=$("$bundle/$exe" --version) || fail "$exe --version exited $?"
  [[ $out == "mailmanager "* ]] || fail "$exe --version printed: $out"
  echo "smoke: $exe --version: $out"
done

# 2. the CLI adds an account, its code going to the Secret Service
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

# 3. the desktop app shows the account
start=$(date +%s%N)
QT_QPA_PLATFORM=offscreen "$bundle/mailmanager" --home "$home" --smoke-test >"$tmp/app.out" 2>&1 \
  || { cat "$tmp/app.out" >&2; fail "mailmanager --smoke-test exited non-zero"; }
wall_ms=$((($(date +%s%N) - start) / 1000000))
cat "$tmp/app.out"
grep -Eq '^startup_ms=[0-9]+' "$tmp/app.out" || fail "no startup_ms= line"
grep -Eq '^accounts=1$' "$tmp/app.out" || fail "the app does not show the account the CLI added"
echo "smoke: mailmanager --smoke-test: $(grep -E '^startup_ms=' "$tmp/app.out"), process wall time ${wall_ms} ms"

# 4. one copy per home: a second start hands over to the running one and exits 0
log_file="$home/logs/mailmanager.log"
log_start=$(($(stat -c %s "$log_file") + 1))  # earlier runs (step 3) wrote to the same log
wait_log() {  # wait_log TEXT PID: until the log holds TEXT since step 4 began (max 30 s)
  for _ in $(seq 300); do
    tail -c "+$log_start" "$log_file" | grep -qF -- "$1" && return 0
    kill -0 "$2" 2>/dev/null || fail "the running app exited early"
    sleep 0.1
  done
  fail "never logged: $1"
}
QT_QPA_PLATFORM=offscreen "$bundle/mailmanager" --home "$home" >"$tmp/first.out" 2>&1 &
first=$!
wait_log "single instance claimed" "$first"
QT_QPA_PLATFORM=offscreen timeout 30 "$bundle/mailmanager" --home "$home" >"$tmp/second.out" 2>&1 \
  || { cat "$tmp/second.out" >&2; kill "$first"; fail "the second start exited non-zero"; }
wait_log "bringing the window forward" "$first"
kill "$first" && wait "$first" 2>/dev/null || true
first=""
echo "smoke: a second start on the same home brought the first forward and exited 0"

# 5. the code never reached a file or an output
if grep -rqF -- "$code" "$home" "$tmp"/{add,list,app,first,second}.out; then
  fail "the code was written to a file or printed"
fi
echo "smoke: OK"
