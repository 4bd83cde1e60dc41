# Files that vanish or shrink under the kiosk and the installer (the reliability issue's
# fault injection). A running kiosk whose bundle is deleted keeps running and showing
# content while visitors browse. One whose bundle is truncated in place may stop, but
# cleanly, naming the file and the reason (no abort: systemd restarts it), or carry on;
# a fresh kiosk then falls back to the previous bundle and names what was wrong with the
# current one. An install whose source file is deleted or truncated while the installer
# is at work is refused, with the file and the reason named, and changes nothing.
# The shown bundle is a synthetic one larger than SQLite's page cache, so that browsing
# really reads the damaged file. Runs on an Xvfb of its own (a full-screen kiosk).
source "$(dirname "$0")/lib.sh"
REPORT_BUNDLE=${REPORT_BUNDLE:-$(dirname "$TINY_BUNDLE")/report.bundle}
[ -f "$REPORT_BUNDLE" ] || fail "no report bundle at $REPORT_BUNDLE (it is built with the project)"
start_own_xvfb
source "$(dirname "$0")/xdo.sh"
trap 'cleanup; kill $xvfb_pid 2>/dev/null || true' EXIT
LOG="$SCRATCH/kiosk.stderr"

state="$SCRATCH/state"
printf '[security]\nallow_unsigned = true\n[content]\nstate_dir = "%s"\n' "$state" >"$SCRATCH/kiosk.toml"
"$KIOSKCTL" synth --items 3000 --images 150 -o "$SCRATCH/synth.bundle" >/dev/null || fail "synth failed"
version() {  # version V FROM: a copy of FROM as version V
  cp "$2" "$SCRATCH/v$1.bundle"
  python3 -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute('UPDATE bundle SET version=$1'); d.commit()" "$SCRATCH/v$1.bundle"
}
version 1 "$REPORT_BUNDLE"
for v in 2 3; do version $v "$SCRATCH/synth.bundle"; done
version 4 "$REPORT_BUNDLE"
install() { "$KIOSKCTL" install "$SCRATCH/v$1.bundle" --state-dir "$state" --config "$SCRATCH/kiosk.toml" "${@:2}"; }
install 1 >/dev/null || fail "installing version 1 failed"
install 2 >/dev/null || fail "installing version 2 failed"
current_version() { "$KIOSKCTL" info "$state/current" 2>/dev/null | sed -n 's/^version: //p'; }

# browse: a fixed walk over the home screen, categories and details (taps at places that
# hold tiles, cards and arrows at 1920x1080), so that the kiosk reads texts and pictures.
# Stops early if the kiosk has exited.
browse() {
  local xy
  for xy in "960 540" "300 500" "700 500" "1700 980" "1270 980" "160 95" "960 800" "1500 400" "600 700" \
    "1700 980" "160 95" "330 95" "1500 700" "600 800"; do
    kill -0 "$pid" 2>/dev/null || return 0
    xdotool mousemove --window "$WID" $xy click 1 2>/dev/null || true
    sleep 0.6
  done
}
start_kiosk() {
  : >"$LOG"
  mark
  "$KIOSK" --config "$SCRATCH/kiosk.toml" </dev/null 2>"$LOG" &
  pid=$!
  wait_for "first frame" 60
  find_window
  shown="$(readlink -f "$state/current")"
}
no_crash() {
  if grep -E "terminate called|Assertion|Sanitizer|runtime error" "$LOG" >&2; then step_fail "the kiosk crashed"; fi
}

STEP="the bundle on screen is truncated in place"
start_kiosk
truncate -s 300000 "$shown"
mark
browse
if kill -0 "$pid" 2>/dev/null; then
  no_crash
  echo "truncated while shown: the kiosk kept running; it logged: $(grep -c "^kiosk: .*malformed" "$LOG") problem line(s)"
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
else
  status=0
  wait "$pid" || status=$?
  no_crash
  [ "$status" -ge 1 ] && [ "$status" -lt 128 ] || step_fail "the kiosk died with status $status (a signal, not a clean exit)"
  grep -q "^kiosk: .*$(basename "$shown")\|^kiosk: $state/current" "$LOG" || step_fail "the kiosk did not name the damaged file"
  echo "truncated while shown: the kiosk stopped cleanly with status $status: $(grep '^kiosk: ' "$LOG" | tail -n 1)"
fi
pid=""

STEP="a fresh kiosk falls back to the previous bundle"
expect_exit 0 "$KIOSK" --config "$SCRATCH/kiosk.toml" --screenshot "$SCRATCH/after.png"
stderr_has "scene attract"
stderr_has "$state/current: "
if grep -q "no content bundle could be shown" "$SCRATCH/stderr"; then fail "the kiosk did not fall back to previous"; fi
echo "fresh kiosk: $(grep '^kiosk: ' "$SCRATCH/stderr" | head -1)"

STEP="the bundle on screen is deleted"
install 3 >/dev/null || fail "installing version 3 failed"
start_kiosk
rm -f "$shown"
mark
browse
kill -0 "$pid" 2>/dev/null || step_fail "the kiosk exited"
new_lines | grep -q "^scene detail:" || step_fail "no detail screen was reached: the kiosk no longer draws"
no_crash
echo "deleted while shown: the kiosk kept running and browsing"
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
pid=""

# The installer, paused at its copy step, finds its source gone or shortened.
STEP="install: the source vanishes"
install 4 --allow-downgrade >/dev/null || fail "installing version 4 failed"
[ "$(current_version)" = 4 ] || fail "setup: current is not version 4"
for fault in delete truncate; do
  cp "$SCRATCH/v3.bundle" "$SCRATCH/v3-$fault.bundle"
  KIOSK_TEST_STEP_DELAY_MS=1500 "$KIOSKCTL" install "$SCRATCH/v3-$fault.bundle" --state-dir "$state" --allow-downgrade \
    --config "$SCRATCH/kiosk.toml" >"$SCRATCH/out" 2>"$SCRATCH/err" &
  ipid=$!
  WAIT_INTERVAL=0.05 wait_until --show "$SCRATCH/err" "the installer to reach its copy step" 5 in_file "^step copy$" "$SCRATCH/err"
  if [ $fault = delete ]; then rm -f "$SCRATCH/v3-$fault.bundle"; else truncate -s 100000 "$SCRATCH/v3-$fault.bundle"; fi
  status=0
  wait $ipid || status=$?
  why=$(grep -v "^step " "$SCRATCH/err" || true)
  [ "$status" != 0 ] || fail "the install went through after its source was ${fault}d: $(cat "$SCRATCH/out")"
  [[ "$why" == *"v3-$fault.bundle"* ]] || fail "the message does not name the file: $why"
  echo "install, source ${fault}d during the install: exit $status, $why"
  [ "$(current_version)" = 4 ] || fail "current changed after a failed install ($fault)"
  leftovers=$(find "$state" -name '.incoming-*' | wc -l)
  [ "$leftovers" = 0 ] || fail "a half-written file was left ($fault)"
done
echo "gl_vanishing_files: ok"
