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
# The tiny bundle, its first slide dwelling 12 s, not 8: a slow, loaded machine has time to
# take both counts of the still screen before the slide changes.
cp "$TINY_BUNDLE" "$SCRATCH/tiny.bundle"
python3 -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute('UPDATE playlist SET dwell_s=12 WHERE ord=(SELECT MIN(ord) FROM playlist)'); d.commit()" "$SCRATCH/tiny.bundle"
"$KIOSK" --bundle "$SCRATCH/tiny.bundle" --windowed 960x540 --config "$SCRATCH/kiosk.toml" 2>"$SCRATCH/log" &
pid=$!
stop_at_exit $pid
wait_until --show "$SCRATCH/log" "the first frame" 10 in_file "first frame" "$SCRATCH/log"
wid=""
kiosk_window() {
  wid=$(xdotool search --all --onlyvisible --pid $pid --name "Heping District 2025" 2>/dev/null | head -n 1 || true)
  [ -n "$wid" ]
}
wait_until "the kiosk's window" 10 kiosk_window

# read_stats: the number of stats lines in the log, and the frame counter of the latest,
# into nstats and nframes (read without starting a process: the counts are timed).
read_stats() {
  local line
  nstats=0 nframes=""
  while IFS= read -r line; do
    if [[ $line =~ ^stats\ frames=([0-9]+) ]]; then
      nstats=$((nstats + 1))
      nframes=${BASH_REMATCH[1]}
    fi
  done <"$SCRATCH/log"
}
more_stats() {
  read_stats
  [ "$nstats" -gt "$1" ]
}
frames() {  # the frame counter, as the kiosk reports it on SIGUSR1
  read_stats
  local before=$nstats
  kill -USR1 $pid
  # The signal is seen when the loop next wakes, up to a second later (GLFW's wait goes on
  # through EINTR); a property change on the window wakes it at once, and draws nothing.
  xdotool set_window --role kiosk-test-wake "$wid" 2>/dev/null || true
  WAIT_INTERVAL=0.05 wait_until --show "$SCRATCH/log" "the kiosk's stats line" 3 more_stats "$before"
  echo "$nframes"
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

# The first slide dwells 12 s; its figure's reveal ends 1.2 s in. Once the counter stands
# still (the reveal is over), nothing moves for 4 s and more.
WAIT_INTERVAL=0.3 wait_until "the first slide's figure reveal to end" 10 settled
a=$last
sleep 4
b=$(frames)
[ "$a" = "$b" ] || fail "frames were drawn while nothing moved: $a then $b"

# The slide change (at 12 s) draws a 0.6 s crossfade and a 1.2 s figure reveal: at most 60
# frames a second, and clearly more than a handful (fewer in the slower sanitizer build).
wait_until "the slide change" 15 moved "$b"
last=""
WAIT_INTERVAL=0.3 wait_until "the slide change to end" 10 settled
c=$last
drawn=$((c - b))
[ "$drawn" -ge $((20 / SLOWDOWN)) ] || fail "only $drawn frames for a transition and figure reveal"
[ "$drawn" -le 150 ] || fail "$drawn frames for the 1.2 s of a transition and figure reveal: more than 60 a second"

kill -TERM $pid
wait $pid || fail "kiosk did not exit cleanly on SIGTERM"
grep -q "^stats frames=" "$SCRATCH/log" || fail "no final stats line"
echo "gl_render_on_demand: ok (static: 0 frames over 4 s; transition: $drawn frames)"
