# A bad --bundle gets a one-line error naming the file and the reason, and exit code 2.
source "$(dirname "$0")/lib.sh"

expect_exit 2 "$KIOSK" --bundle "$SCRATCH/absent.bundle" --screenshot "$SCRATCH/x.png"
stderr_has "$SCRATCH/absent.bundle: no such file"
[ "$(wc -l <"$SCRATCH/stderr")" = 1 ] || fail "expected one line: $(cat "$SCRATCH/stderr")"

: >"$SCRATCH/empty.bundle"
expect_exit 2 "$KIOSK" --bundle "$SCRATCH/empty.bundle" --windowed 640x360
stderr_has "$SCRATCH/empty.bundle: not a content bundle"

head -c 100000 /dev/urandom >"$SCRATCH/random.bundle"
expect_exit 2 "$KIOSK" --bundle "$SCRATCH/random.bundle"
stderr_has "$SCRATCH/random.bundle:"

echo "hello" >"$SCRATCH/text.bundle"
expect_exit 2 "$KIOSK" --bundle "$SCRATCH/text.bundle"
stderr_has "$SCRATCH/text.bundle:"

expect_exit 2 "$KIOSK" --bundle "$SCRATCH"
stderr_has "is a directory"

# No screenshot was left behind by any of them.
[ ! -e "$SCRATCH/x.png" ] || fail "a screenshot was written for a bad bundle"

# Bad command lines are usage errors.
expect_exit 64 "$KIOSK" --size huge
stderr_has "--size must be WIDTHxHEIGHT"
expect_exit 64 "$KIOSK" --bundle "$TINY_BUNDLE" --now yesterday
stderr_has "--now must be YYYY-MM-DDTHH:MM"
echo "cli_bad_bundle: ok"
