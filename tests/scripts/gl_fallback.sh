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

# Nothing usable at all: the out-of-service screen, in both languages, never an exit.
rm "$state/previous"
expect_exit 0 "$KIOSK" --config "$SCRATCH/kiosk.toml" --screenshot "$SCRATCH/oos.png"
stderr_has "scene out-of-service"

"$KIOSK" --config "$SCRATCH/kiosk.toml" --windowed 960x540 2>"$SCRATCH/log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$SCRATCH"' EXIT
for _ in $(seq 50); do grep -q "first frame (out of service)" "$SCRATCH/log" && break; sleep 0.1; done
grep -q "first frame (out of service)" "$SCRATCH/log" || fail "no out-of-service screen: $(cat "$SCRATCH/log")"
sleep 2
kill -0 $pid || fail "the kiosk exited without content: $(cat "$SCRATCH/log")"

# An operator installs a bundle: the kiosk notices within its retry period and shows it.
"$KIOSKCTL" install "$TINY_BUNDLE" --config "$SCRATCH/kiosk.toml" >/dev/null
for _ in $(seq 150); do grep -q "^scene attract" "$SCRATCH/log" && break; sleep 0.1; done
grep -q "restarting on it" "$SCRATCH/log" || fail "the kiosk did not pick up the new bundle: $(cat "$SCRATCH/log")"
grep -q "^scene attract" "$SCRATCH/log" || fail "no content after the restart: $(cat "$SCRATCH/log")"
kill -0 $pid || fail "the restarted kiosk is not running"
echo "gl_fallback: ok"
