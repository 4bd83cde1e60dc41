# Which bundle the kiosk shows without --bundle: the state directory's current one; if
# that cannot be opened, the previous one; with nothing usable, the built-in
# out-of-service screen, which restarts the kiosk on a bundle as soon as one is installed.
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"
state="$SCRATCH/state"
mkdir -p "$state/bundles"
printf '[content]\nstate_dir = "%s"\n[security]\nallow_unsigned = true\n' "$state" >"$SCRATCH/kiosk.toml"

# current is damaged, previous is good: the kiosk shows previous and says why.
cp "$TINY_BUNDLE" "$state/bundles/good.bundle"
head -c 5000 /dev/urandom >"$state/bundles/damaged.bundle"
ln -s bundles/damaged.bundle "$state/current"
ln -s bundles/good.bundle "$state/previous"
expect_exit 0 "$KIOSK" --config "$SCRATCH/kiosk.toml" --screenshot "$SCRATCH/previous.png"
stderr_has "$state/current: not a content bundle"
stderr_has "scene attract"

# current opens but its font cannot be baked: previous is shown, and the log says why.
cp "$TINY_BUNDLE" "$state/bundles/bad-font.bundle"
python3 - "$state/bundles/bad-font.bundle" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE font SET bytes = zeroblob(4000) WHERE role = 'bold'")
db.commit()
PY
ln -sfn bundles/bad-font.bundle "$state/current"
expect_exit 0 "$KIOSK" --config "$SCRATCH/kiosk.toml" --screenshot "$SCRATCH/previous2.png"
stderr_has "$state/current: the bundle's font could not be read by FreeType"
stderr_has "scene attract"
"$KIOSK" --config "$SCRATCH/kiosk.toml" --windowed 960x540 2>"$SCRATCH/log" &
pid=$!
wait_until --show "$SCRATCH/log" "the window to fall back to previous" 10 in_file "^first frame" "$SCRATCH/log"
kill $pid
wait $pid || true
grep -qF "$state/current: the bundle's font could not be read by FreeType" "$SCRATCH/log" ||
  fail "the window did not say why: $(cat "$SCRATCH/log")"

# Nothing usable at all (current cannot be baked, no previous): the out-of-service
# screen, in both languages, never an exit. It retries only once the candidates change.
rm "$state/previous"
expect_exit 0 "$KIOSK" --config "$SCRATCH/kiosk.toml" --screenshot "$SCRATCH/oos.png"
stderr_has "scene out-of-service"

"$KIOSK" --config "$SCRATCH/kiosk.toml" --windowed 960x540 2>"$SCRATCH/log" &
pid=$!
stop_at_exit $pid
wait_until --show "$SCRATCH/log" "the out-of-service screen" 10 in_file "first frame \(out of service\)" "$SCRATCH/log"
# Past its first retry (10 s): the bundle that cannot be baked is not tried again.
sleep 11
kill -0 $pid || fail "the kiosk exited without content: $(cat "$SCRATCH/log")"
if grep -q "restarting on it" "$SCRATCH/log"; then fail "the kiosk retried an unchanged bundle"; fi

# An operator installs a bundle (the same version as the broken one, hence the flag): the
# kiosk notices within its retry period and shows it.
"$KIOSKCTL" install "$TINY_BUNDLE" --allow-downgrade --config "$SCRATCH/kiosk.toml" >/dev/null
wait_until --show "$SCRATCH/log" "the kiosk to pick up the new bundle" 15 in_file "restarting on it" "$SCRATCH/log"
wait_until --show "$SCRATCH/log" "content after the restart" 15 in_file "^scene attract" "$SCRATCH/log"
kill -0 $pid || fail "the restarted kiosk is not running"
echo "gl_fallback: ok"
