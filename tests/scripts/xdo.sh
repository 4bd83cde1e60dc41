# Driving a windowed kiosk with xdotool on the test display (sourced after lib.sh).
# The caller sets LOG (the kiosk's stderr file) and, once started, pid. Steps are named
# in STEP; a failing step prints the kiosk's log.
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"
command -v xdotool >/dev/null || fail "xdotool is not installed (apt-get install xdotool)"

pid=""
cleanup() {
  if [ -n "$pid" ]; then
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

STEP="start"
step_fail() {
  {
    echo "FAIL at step '$STEP': $*"
    echo "---- kiosk stderr ----"
    cat "$LOG" 2>/dev/null || true
    echo "----------------------"
  } >&2
  exit 1
}

# mark: remember how many lines the kiosk has logged; has_new and wait_for look
# only at the lines after the mark, so a scene that repeats is still seen as new.
MARK=0
mark() { MARK=$(wc -l <"$LOG"); }
new_lines() { tail -n +"$((MARK + 1))" "$LOG"; }
# has_new LINE: LINE (the whole line) was logged after the mark. (No grep -q: with pipefail
# an early exit of grep could fail the pipeline through tail's SIGPIPE.)
has_new() { new_lines | grep -xF -- "$1" >/dev/null; }
now() { date +%s.%N; }
elapsed_since() { echo "$(now) $1" | awk '{ printf "%.1f", $1 - $2 }'; }

# wait_for LINE TIMEOUT: waits up to TIMEOUT seconds (scaled) for LINE (the whole line) after the mark.
wait_for() { wait_until --alive "$pid" "'$1'" "$2" has_new "$1"; }
# A wait that gives up fails the step, with the lines logged since the step began.
xdo_wait_fail() { step_fail "$*; lines since the step began: $(new_lines | tr '\n' '|')"; }
WAIT_FAIL=xdo_wait_fail

# The kiosk's window: look it up by the kiosk's pid (other GL tests may show windows with
# the same title on the shared display).
WID=""
find_window() {
  wait_until --alive "$pid" "a visible window 'Heping District 2025' of pid $pid" 10 kiosk_window
}
kiosk_window() {
  WID=$(xdotool search --all --onlyvisible --pid "$pid" --name "Heping District 2025" 2>/dev/null | head -n 1 || true)
  [ -n "$WID" ]
}

# pointer_to X Y: moves the pointer to window coordinates X,Y and makes sure that the
# pointer is over the kiosk's window there (no window manager, so raise it ourselves in
# case a concurrently running test has mapped a window on top of it).
pointer_to() {
  local x=$1 y=$2
  WAIT_INTERVAL=0.2 wait_until "the pointer at ($x,$y) to be over the kiosk's window $WID" 1 pointer_over "$x" "$y"
}
pointer_over() {
  xdotool windowraise "$WID" mousemove --window "$WID" "$1" "$2"
  [ "$(xdotool getmouselocation --shell | sed -n 's/^WINDOW=//p')" = "$WID" ]
}

# tap X Y: a short press and release in place.
tap() {
  pointer_to "$1" "$2"
  xdotool mousedown 1 sleep 0.05 mouseup 1
}

# drag X0 Y0 X1 Y1 STEPS: press, move in STEPS steps 15 ms apart, release at once (a finger
# that is still moving when it lifts).
drag() {
  local x0=$1 y0=$2 x1=$3 y1=$4 steps=$5 i args=()
  pointer_to "$x0" "$y0"
  for i in $(seq 1 "$steps"); do
    args+=(mousemove --window "$WID" $((x0 + (x1 - x0) * i / steps)) $((y0 + (y1 - y0) * i / steps)) sleep 0.015)
  done
  xdotool mousedown 1 sleep 0.05 "${args[@]}" mouseup 1
}

