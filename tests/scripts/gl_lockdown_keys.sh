# Lockdown, as far as a display without a window manager shows it: the fullscreen kiosk
# takes no key as a reason to quit or to leave fullscreen (Escape, Alt+F4, Ctrl+Q, Ctrl+W,
# F11, Alt+Tab and a flood of random keys and clicks), and its pointer is hidden. The
# window manager's close requests are tested under openbox (the reliability issue).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/xdo.sh"
LOG="$SCRATCH/kiosk.stderr"

: >"$LOG"
"$KIOSK" --bundle "$TINY_BUNDLE" </dev/null 2>"$LOG" &
pid=$!
STEP="first frame"
wait_for "first frame" 60
find_window
geometry=$(xdotool getwindowgeometry "$WID" | sed -n 's/^ *Geometry: //p')
[ "$geometry" = "1920x1080" ] || step_fail "the kiosk window is $geometry, not the whole 1920x1080 screen"

STEP="keys that close or leave a window elsewhere"
for keys in Escape alt+F4 ctrl+q ctrl+w F11 alt+Tab super ctrl+alt+BackSpace; do
  xdotool windowfocus --sync "$WID" key --window "$WID" "$keys" 2>/dev/null || true
  sleep 0.2
  kill -0 "$pid" 2>/dev/null || step_fail "the kiosk exited after $keys"
done

STEP="a flood of random keys and clicks"
# One xdotool for the 200 keys, not 200 of them (and shuf and tr for each): processes
# start slowly on a loaded machine.
pool=(a b c q w x Escape Return space F1 F4 F11 Tab)
flood=()
for _ in $(seq 200); do flood+=("${pool[RANDOM % ${#pool[@]}]}"); done
xdotool key --window "$WID" "${flood[@]}"
for _ in $(seq 30); do
  xdotool mousemove --window "$WID" $((RANDOM % 1920)) $((RANDOM % 1080)) click 1
done
sleep 1
kill -0 "$pid" 2>/dev/null || step_fail "the kiosk exited during the flood"
geometry=$(xdotool getwindowgeometry "$WID" | sed -n 's/^ *Geometry: //p')
[ "$geometry" = "1920x1080" ] || step_fail "the kiosk left fullscreen: $geometry"
echo "gl_lockdown_keys: ok"
