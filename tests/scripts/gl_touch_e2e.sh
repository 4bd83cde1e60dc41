# Scripted touch, end to end: a windowed kiosk at 1920x1080 on the test display, driven by
# xdotool moving and clicking the real X pointer (a touchscreen reaches the app as an
# emulated mouse). A visitor wakes the attract loop, opens a category, drags the list
# (which must not open an item), opens an item, swipes to the next one, goes back, and
# walks away: the countdown shows after the idle timeout and the attract loop returns.
# The kiosk logs one "scene ..." line per scene change on stderr; each step waits for
# its line among the lines logged after the step began.
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"
command -v xdotool >/dev/null || fail "xdotool is not installed (apt-get install xdotool)"

LOG="$SCRATCH/kiosk.stderr"
CONFIG="$SCRATCH/kiosk.toml"
cat >"$CONFIG" <<'EOF'
[display]
idle_timeout = 10
alternate_languages = false
EOF
IDLE=10       # the configured idle timeout, seconds
COUNTDOWN=10  # the countdown that follows it, seconds

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

# wait_for LINE TIMEOUT: waits up to TIMEOUT seconds for LINE (the whole line) after the mark.
wait_for() {
  local line=$1 timeout=$2 deadline
  deadline=$(echo "$(now) $timeout" | awk '{ printf "%.3f", $1 + $2 }')
  while :; do
    has_new "$line" && return 0
    kill -0 "$pid" 2>/dev/null || step_fail "the kiosk exited while waiting for '$line'"
    awk -v n="$(now)" -v d="$deadline" 'BEGIN { exit !(n > d) }' && break
    sleep 0.1
  done
  step_fail "no '$line' within $timeout s; lines since the step began: $(new_lines | tr '\n' '|')"
}

# The kiosk's window: look it up by the kiosk's pid (other GL tests may show windows with
# the same title on the shared display).
WID=""
find_window() {
  local w
  for _ in $(seq 100); do
    w=$(xdotool search --all --onlyvisible --pid "$pid" --name "Heping District 2025" 2>/dev/null | head -n 1 || true)
    if [ -n "$w" ]; then
      WID=$w
      return 0
    fi
    sleep 0.1
  done
  step_fail "no visible window 'Heping District 2025' of pid $pid within 10 s"
}

# pointer_to X Y: moves the pointer to window coordinates X,Y and makes sure that the
# pointer is over the kiosk's window there (no window manager, so raise it ourselves in
# case a concurrently running test has mapped a window on top of it).
pointer_to() {
  local x=$1 y=$2 under=""
  for _ in 1 2 3 4 5; do
    xdotool windowraise "$WID" mousemove --window "$WID" "$x" "$y"
    under=$(xdotool getmouselocation --shell | sed -n 's/^WINDOW=//p')
    [ "$under" = "$WID" ] && return 0
    sleep 0.2
  done
  step_fail "the pointer at ($x,$y) is over window $under, not the kiosk's window $WID"
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

# ---- start the kiosk
: >"$LOG"
"$KIOSK" --bundle "$TINY_BUNDLE" --windowed 1920x1080 --config "$CONFIG" </dev/null 2>"$LOG" &
pid=$!
STEP="first frame"
wait_for "first frame" 60
has_new "scene attract" || step_fail "the kiosk did not start on the attract scene"
find_window
geometry=$(xdotool getwindowgeometry "$WID" | sed -n 's/^ *Geometry: //p')
[ "$geometry" = "1920x1080" ] || step_fail "the window is $geometry, expected 1920x1080"
sleep 0.5  # let the window settle before the first touch

# ---- attract: a tap anywhere wakes it, and only wakes it: tapped where home will show
# the highlights tile, it must not open that category too.
STEP="tap the attract loop"
mark
tap 300 480
wait_for "scene home" 10
sleep 0.5
[ "$(new_lines | grep -c '^scene ' || true)" = 1 ] ||
  step_fail "the waking tap did more than wake the kiosk: $(new_lines | grep '^scene ' | tr '\n' '|')"

# ---- home: the first tile (highlights, x 96..504, y 340..984).
STEP="tap the highlights tile on home"
mark
tap 300 480
wait_for "scene category:highlights" 10

# ---- category: a vertical drag that starts on the first card scrolls (or rubber-bands)
# and must not open the card.
STEP="drag the category list"
mark
drag 370 460 370 260 12
sleep 1
if new_lines | grep '^scene ' >/dev/null; then
  step_fail "a drag that started on a card changed the scene: $(new_lines | grep '^scene ' | tr '\n' '|')"
fi

# ---- category: tap the first card (x 96..653, y 297..516) → its detail.
STEP="tap the first card in category:highlights"
mark
tap 370 440
wait_for "scene detail:gdp-growth" 10

# ---- detail: a quick swipe to the left turns to the next item of the category.
STEP="swipe left on detail:gdp-growth"
mark
drag 1400 600 600 600 10
wait_for "scene detail:tax-revenue-growth" 10

# ---- the back pill (x 96..233, y 56..136) returns from the detail to its category.
STEP="tap back on detail:tax-revenue-growth"
mark
tap 150 96
last_touch=$(now)
wait_for "scene category:highlights" 10

# ---- the countdown: a tap dismisses it and does nothing else, even on a card.
STEP="dismiss the countdown with a tap on a card"
mark
wait_for "scene countdown" $((IDLE + 5))
mark
tap 370 440
wait_for "scene category:highlights" 10
sleep 0.5
if new_lines | grep -q '^scene detail'; then
  step_fail "the tap that dismissed the countdown also opened a card: $(new_lines | grep '^scene ' | tr '\n' '|')"
fi
last_touch=$(now)

# ---- walk away: after the idle timeout the countdown shows, and after the countdown
# the attract loop returns. Neither may come early.
STEP="wait for the idle countdown"
mark
wait_for "scene countdown" $((IDLE + 5))
took=$(elapsed_since "$last_touch")
awk -v t="$took" -v i="$IDLE" 'BEGIN { exit !(t >= i - 0.5) }' ||
  step_fail "the countdown came ${took} s after the last touch, before the ${IDLE} s idle timeout"
echo "countdown after ${took} s idle"

STEP="wait for the attract loop after the countdown"
countdown_seen=$(now)
mark
wait_for "scene attract" $((COUNTDOWN + 5))
took=$(elapsed_since "$last_touch")
awk -v t="$took" -v n="$((IDLE + COUNTDOWN))" 'BEGIN { exit !(t >= n - 0.5) }' ||
  step_fail "the attract loop returned ${took} s after the last touch, before idle + countdown ($((IDLE + COUNTDOWN)) s)"
echo "attract after ${took} s idle ($(elapsed_since "$countdown_seen") s after the countdown showed)"

STEP="still running"
kill -0 "$pid" 2>/dev/null || step_fail "the kiosk exited at the end"
echo "gl_touch_e2e: ok"
