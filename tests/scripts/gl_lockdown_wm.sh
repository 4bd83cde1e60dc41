# Lockdown under a real window manager: Debian's openbox with its default configuration,
# on an Xvfb of this test's own (the shared display has no window manager, and other
# tests' windows on it would take keys and clicks). The fullscreen kiosk, showing the
# report, gets Alt+F4, Escape, Ctrl+Q, Ctrl+W, F11 and Alt+Tab through XTEST (so through
# openbox's key grabs, as from a keyboard), close requests from `wmctrl -c`, then a seeded
# flood of random keys and clicks; it must still run, fullscreen, showing content. The
# control: the same Alt+F4 and `wmctrl -c` do close a `--windowed` kiosk, so the keys and
# requests do arrive.
source "$(dirname "$0")/lib.sh"
for tool in Xvfb openbox wmctrl xdotool python3; do
  command -v $tool >/dev/null || fail "$tool is not installed (packaging/build-deps.txt)"
done
REPORT_BUNDLE=${REPORT_BUNDLE:-$(dirname "$TINY_BUNDLE")/report.bundle}
[ -f "$REPORT_BUNDLE" ] || fail "no report bundle at $REPORT_BUNDLE (it is built with the project)"
SEED=${SEED:-2025}

start_own_xvfb
wm_pid=""
stop_display() {
  [ -z "$wm_pid" ] || kill "$wm_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
}
trap 'rm -rf "$SCRATCH"; stop_display' EXIT

# The Debian default rc.xml, not whatever a user's ~/.config holds.
XDG_CONFIG_HOME="$SCRATCH/xdg" openbox --sm-disable 2>"$SCRATCH/openbox.log" &
wm_pid=$!
openbox_manages() { wmctrl -m 2>/dev/null | grep -q "^Name: Openbox"; }
wait_until --show "$SCRATCH/openbox.log" "openbox to manage $DISPLAY" 10 openbox_manages

source "$(dirname "$0")/xdo.sh"
trap 'cleanup; stop_display' EXIT
LOG="$SCRATCH/kiosk.stderr"

# shows_content WHAT: the screen (the root window, as a viewer sees it) is not one flat
# colour: at least 16 distinct colours on a 96x54 grid, and not mostly black.
shows_content() {
  python3 - "$1" <<'PY' || step_fail "the screen shows no content ($1)"
import ctypes, sys
x = ctypes.CDLL("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x.XGetImage.restype = ctypes.c_void_p
x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                        ctypes.c_ulong, ctypes.c_int]
x.XGetPixel.restype = ctypes.c_ulong
x.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
d = x.XOpenDisplay(None)
image = x.XGetImage(d, x.XDefaultRootWindow(d), 0, 0, 1920, 1080, 0xFFFFFFFF, 2)  # ZPixmap
if not image:
    sys.exit("XGetImage failed")
pixels = [x.XGetPixel(image, 10 + 20 * i, 10 + 20 * j) for i in range(96) for j in range(54)]
distinct = len(set(pixels))
lit = sum(1 for p in pixels if ((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255) > 60) / len(pixels)
print(f"screen {sys.argv[1]}: {distinct} distinct colours, {lit:.0%} of samples not near black")
sys.exit(0 if distinct >= 16 and lit > 0.2 else 1)
PY
}

fullscreen_and_alive() {
  kill -0 "$pid" 2>/dev/null || step_fail "the kiosk exited"
  local geometry
  geometry=$(xdotool getwindowgeometry "$WID" 2>/dev/null | sed -n 's/^ *Geometry: //p')
  [ "$geometry" = "1920x1080" ] || step_fail "the kiosk's window is '$geometry', not the whole 1920x1080 screen"
  wmctrl -l | grep -q "Heping District 2025" || step_fail "openbox no longer lists the kiosk's window: $(wmctrl -l)"
}

STEP="fullscreen kiosk shows the report"
: >"$LOG"
"$KIOSK" --bundle "$REPORT_BUNDLE" </dev/null 2>"$LOG" &
pid=$!
wait_for "first frame" 60
find_window
sleep 1
fullscreen_and_alive
shows_content "at start"

STEP="keys that close or leave a window elsewhere"
for keys in alt+F4 Escape ctrl+q ctrl+w F11 alt+Tab; do
  xdotool windowactivate --sync "$WID" 2>/dev/null || true
  xdotool key "$keys"
  sleep 0.5
  kill -0 "$pid" 2>/dev/null || step_fail "the kiosk exited after $keys"
done
fullscreen_and_alive

STEP="close requests from wmctrl"
for _ in 1 2 3; do
  wmctrl -c "Heping District 2025" || step_fail "wmctrl found no window to close"
  sleep 0.5
  kill -0 "$pid" 2>/dev/null || step_fail "the kiosk exited after wmctrl -c"
done
fullscreen_and_alive

STEP="a flood of random keys and clicks (seed $SEED)"
RANDOM=$SEED
keys=(a q w x z 1 0 Escape Return space Tab BackSpace Delete Up Down Left Right Home End F1 F2 F4 F5 F10 F11 F12)
mods=("" "" "" ctrl+ alt+ shift+ ctrl+shift+)
for _ in $(seq 20); do
  batch=()
  for _ in $(seq 15); do batch+=("${mods[RANDOM % ${#mods[@]}]}${keys[RANDOM % ${#keys[@]}]}"); done
  xdotool windowactivate --sync "$WID" 2>/dev/null || true
  xdotool key --delay 10 "${batch[@]}"
  for _ in 1 2; do
    xdotool mousemove $((RANDOM % 1920)) $((RANDOM % 1080)) click $((RANDOM % 3 == 0 ? 3 : 1))
  done
  kill -0 "$pid" 2>/dev/null || step_fail "the kiosk exited during the flood, after: ${batch[*]}"
done
sleep 2
fullscreen_and_alive
shows_content "after the flood"
xdotool windowactivate --sync "$WID" 2>/dev/null || true
xdotool key alt+F4
sleep 1
fullscreen_and_alive
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
pid=""

# The control: an ordinary window closes on the same Alt+F4, and on wmctrl's request.
for how in alt+F4 wmctrl; do
  STEP="control: a --windowed kiosk closes on $how"
  : >"$LOG"
  "$KIOSK" --bundle "$REPORT_BUNDLE" --windowed 800x600 </dev/null 2>"$LOG" &
  pid=$!
  wait_for "first frame" 60
  find_window
  if [ "$how" = wmctrl ]; then
    wmctrl -c "Heping District 2025"
  else
    xdotool windowactivate --sync "$WID" 2>/dev/null || true
    xdotool key alt+F4
  fi
  wait_until "the windowed kiosk to close on $how" 10 exited "$pid"
  status=0
  wait "$pid" || status=$?
  pid=""
  [ "$status" = 0 ] || step_fail "the windowed kiosk exited $status after $how"
done
echo "gl_lockdown_wm: ok"
