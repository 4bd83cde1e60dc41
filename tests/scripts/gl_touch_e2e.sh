# Scripted touch, end to end: a windowed kiosk at 1920x1080 on the test display, driven by
# xdotool moving and clicking the real X pointer (a touchscreen reaches the app as an
# emulated mouse). A visitor wakes the attract loop, opens a category, drags the list
# (which must not open an item), opens an item, swipes to the next one, goes back, and
# walks away: the countdown shows after the idle timeout and the attract loop returns.
# The kiosk logs one "scene ..." line per scene change on stderr; each step waits for
# its line among the lines logged after the step began.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/xdo.sh"

LOG="$SCRATCH/kiosk.stderr"
CONFIG="$SCRATCH/kiosk.toml"
cat >"$CONFIG" <<'EOF'
[display]
idle_timeout = 10
alternate_languages = false
EOF
IDLE=10       # the configured idle timeout, seconds
COUNTDOWN=10  # the countdown that follows it, seconds

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
last_touch=$(now)
wait_for "scene category:highlights" 10
sleep 0.5
if new_lines | grep -q '^scene detail'; then
  step_fail "the tap that dismissed the countdown also opened a card: $(new_lines | grep '^scene ' | tr '\n' '|')"
fi

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
