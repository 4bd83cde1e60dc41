# Power: while nothing moves the kiosk draws no frame; during a transition it draws at
# the display's rate, capped at 60 frames a second where there is no vsync (Xvfb).
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"

cat >"$SCRATCH/kiosk.toml" <<'TOML'
[display]
alternate_languages = false
slow_motion_fps = 0
software_slow_motion_fps = 0
TOML
"$KIOSK" --bundle "$TINY_BUNDLE" --windowed 960x540 --config "$SCRATCH/kiosk.toml" 2>"$SCRATCH/log" &
pid=$!
stop_at_exit $pid
for _ in $(seq 100); do grep -q "first frame" "$SCRATCH/log" && break; sleep 0.1; done
grep -q "first frame" "$SCRATCH/log" || fail "no first frame: $(cat "$SCRATCH/log")"

frames() {  # the frame counter, as the kiosk reports it on SIGUSR1
  local before
  before=$(grep -c '^stats' "$SCRATCH/log" || true)
  kill -USR1 $pid
  for _ in $(seq 30); do
    [ "$(grep -c '^stats' "$SCRATCH/log" || true)" -gt "$before" ] && break
    sleep 0.1
  done
  grep '^stats' "$SCRATCH/log" | tail -1 | sed 's/.*frames=\([0-9]*\).*/\1/'
}

# The first slide dwells 8 s; its count-up ends 1.2 s in. From 2.5 s to 6.5 s nothing moves.
sleep 2.5
a=$(frames)
sleep 4
b=$(frames)
[ "$a" = "$b" ] || fail "frames were drawn while nothing moved: $a then $b"

# Across the slide change (8 s) a 0.6 s crossfade and a 1.2 s count-up are drawn: at most
# 60 a second, and clearly more than a handful.
sleep 3
c=$(frames)
drawn=$((c - b))
[ "$drawn" -ge 20 ] || fail "only $drawn frames for a transition and count-up"
[ "$drawn" -le 150 ] || fail "$drawn frames in 3 s: more than 60 a second with nothing but a transition"

kill -TERM $pid
wait $pid || fail "kiosk did not exit cleanly on SIGTERM"
grep -q "^stats frames=" "$SCRATCH/log" || fail "no final stats line"
echo "gl_render_on_demand: ok (static: 0 frames over 4 s; transition: $drawn frames)"
