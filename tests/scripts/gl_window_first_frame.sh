# A windowed kiosk on the display swaps a first frame with content, logs its scene, and
# stays up until it is closed.
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"

"$KIOSK" --bundle "$TINY_BUNDLE" --windowed 960x540 2>"$SCRATCH/stderr" &
pid=$!
wait_until --alive $pid --show "$SCRATCH/stderr" "the first frame" 10 in_file "first frame" "$SCRATCH/stderr"
grep -q "^scene attract$" "$SCRATCH/stderr" || fail "no scene line"
sleep 1
kill -0 $pid 2>/dev/null || fail "kiosk died after its first frame: $(cat "$SCRATCH/stderr")"
kill -TERM $pid
wait $pid || true
echo "gl_window_first_frame: ok"
