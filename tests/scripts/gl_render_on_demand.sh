# Power: while nothing moves the kiosk draws no frame; during a transition it draws at
# the display's rate, capped at 60 frames a second where there is no vsync (Xvfb).
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"
command -v xdotool >/dev/null || fail "xdotool is not installed (apt-get install xdotool)"

cat >"$SCRATCH/kiosk.toml" <<'TOML'
[display]
alternate_languages = false
slow_motion_fps = 0
software_slow_motion_fps = 0
TOML
"$KIOSK" --bundle "$TINY_BUNDLE" --windowed 960x540 --config "$SCRATCH/kiosk.toml" 2>"$SCRATCH/log" &
pid=$!
stop_at_exit $pid
wait_until --show "$SCRATCH/log" "the first frame" 10 in_file "first frame" "$SCRATCH/log"
wid=""
kiosk_window() {
  wid=$(xdotool search --all --onlyvisible --pid $pid --name "Heping District 2025" 2>/dev/null | head -n 1 || true)
  [ -n "$wid" ]
}
wait_until "the kiosk's window" 10 kiosk_window

stats_lines() { grep -c '^stats' "$SCRATCH/log" || true; }
more_stats() { [ "$(stats_lines)" -gt "$1" ]; }
frames() {  # the frame counter, as the kiosk reports it on SIGUSR1
  local before
  before=$(stats_lines)
  kill -USR1 $pid
  # The signal is seen when the loop next wakes, up to a second later (GLFW's wait goes on
  # through EINTR); a property change on the window wakes it at once, and draws nothing.
  xdotool set_window --role kiosk-test-wake "$wid" 2>/dev/null || true
  wait_until --show "$SCRATCH/log" "the kiosk's stats line" 3 more_stats "$before"
  grep '^stats' "$SCRATCH/log" | tail -1 | sed 's/.*frames=\([0-9]*\).*/\1/'
}
last=""
settled() {  # no frame was drawn since the last look (0.3 s ago)
  local n
  n=$(frames)
  [ "$n" = "$last" ] && return 0
  last=$n
  return 1
}
moved() { [ "$(frames)" -gt "$1" ]; }

# The first slide dwells 8 s; its count-up ends 1.2 s in. Once the counter stands still
# (the count-up is over), nothing moves for 4 s and more.
WAIT_INTERVAL=0.3 wait_until "the first slide's count-up to end" 10 settled
a=$last
sleep 4
b=$(frames)
[ "$a" = "$b" ] || fail "frames were drawn while nothing moved: $a then $b"

# The slide change (at 8 s) draws a 0.6 s crossfade and a 1.2 s count-up: at most 60
# frames a second, and clearly more than a handful (fewer in the slower sanitizer build).
wait_until "the slide change" 10 moved "$b"
last=""
WAIT_INTERVAL=0.3 wait_until "the slide change to end" 10 settled
c=$last
drawn=$((c - b))
[ "$drawn" -ge $((20 / SLOWDOWN)) ] || fail "only $drawn frames for a transition and count-up"
[ "$drawn" -le 150 ] || fail "$drawn frames for the 1.2 s of a transition and count-up: more than 60 a second"

kill -TERM $pid
wait $pid || fail "kiosk did not exit cleanly on SIGTERM"
grep -q "^stats frames=" "$SCRATCH/log" || fail "no final stats line"
echo "gl_render_on_demand: ok (static: 0 frames over 4 s; transition: $drawn frames)"
