# The systemd notify protocol, without systemd: the kiosk runs with NOTIFY_SOCKET at a
# socket this test reads and a 2 s watchdog. It must send READY=1 after its first frame,
# keep sending WATCHDOG=1 while the screen stands still (gaps well under 2 s), and stop
# once its render loop hangs (injected), which is what makes systemd restart it.
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"

socket=$SCRATCH/notify.sock
log=$SCRATCH/notify.log
python3 "$(dirname "$0")/notify_listener.py" "$socket" "$log" &
listener=$!
trap 'kill $listener 2>/dev/null; rm -rf "$SCRATCH"' EXIT
wait_until --alive $listener "the notify listener" 5 in_file listening "$log"

# A still screen: no slow motion, the tiny bundle's first slide.
cat >"$SCRATCH/kiosk.toml" <<TOML
[display]
slow_motion_fps = 0
software_slow_motion_fps = 0
TOML

hang_after=8
NOTIFY_SOCKET=$socket WATCHDOG_USEC=2000000 KIOSK_INJECT_HANG_AFTER=$hang_after \
  "$KIOSK" --bundle "$TINY_BUNDLE" --config "$SCRATCH/kiosk.toml" --windowed 640x360 2>"$SCRATCH/stderr" &
pid=$!
trap 'kill -KILL $pid 2>/dev/null; wait $pid 2>/dev/null || true; kill $listener 2>/dev/null; rm -rf "$SCRATCH"' EXIT
sleep $((hang_after + 4))
kill -0 $pid 2>/dev/null || fail "kiosk exited: $(cat "$SCRATCH/stderr")"
grep -q "injected hang" "$SCRATCH/stderr" || fail "the hang was not injected: $(cat "$SCRATCH/stderr")"

first_frame_seen=$(grep -c "first frame" "$SCRATCH/stderr" || true)
[ "$first_frame_seen" = 1 ] || fail "no first frame: $(cat "$SCRATCH/stderr")"
grep -q " READY=1$" "$log" || fail "no READY=1: $(cat "$log")"
grep -q " STATUS=showing tiny.bundle$" "$log" || fail "no STATUS line naming the bundle: $(cat "$log")"

# Heartbeats: from READY until the hang, never more than the watchdog's 2 s apart.
python3 - "$log" "$hang_after" <<'PY' || fail "heartbeat check failed; log: $(cat "$log")"
import sys
lines = [l.split(" ", 1) for l in open(sys.argv[1]) if l[0].isdigit()]
ready = next(float(t) for t, f in lines if f.strip() == "READY=1")
pings = [float(t) for t, f in lines if f.strip() == "WATCHDOG=1"]
assert len(pings) >= 6, f"only {len(pings)} heartbeats"
gaps = [b - a for a, b in zip([ready] + pings, pings)]
print(f"heartbeats={len(pings)} longest gap={max(gaps):.2f}s")
assert max(gaps) < 1.6, f"a gap of {max(gaps):.2f}s"
# After the hang nothing more arrives: the last heartbeat is followed by 2+ s of silence.
import time
silence = time.monotonic() - pings[-1]
print(f"silence since the last heartbeat {silence:.1f}s")
assert silence > 2.5, f"heartbeats went on after the hang ({silence:.1f}s since the last)"
PY
echo "gl_service_notify: ok"
