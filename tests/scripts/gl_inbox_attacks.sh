# A hostile or careless inbox against the running kiosk: links, a symlink loop, a FIFO,
# a name too long for its signature and one with a newline beside a good bundle; a slow
# copy; `kioskctl install` racing the inbox; SIGTERM while an install is under way. The
# kiosk must keep showing content, install what is good, start again on the same inbox,
# and end within 2 s of SIGTERM.
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"
state="$SCRATCH/state"
inbox="$state/inbox"
"$KIOSKCTL" keygen -p "$SCRATCH/k.pub" -s "$SCRATCH/k.sec" >/dev/null
cat >"$SCRATCH/kiosk.toml" <<TOML
[display]
alternate_languages = false
[content]
state_dir = "$state"
[security]
trusted_keys = ["$(tail -1 "$SCRATCH/k.pub")"]
TOML
version() {  # version N FILE: a signed copy of the tiny bundle with version N
  tiny_version "$1" "$2"
  "$KIOSKCTL" sign "$2" -s "$SCRATCH/k.sec" >/dev/null
}
start_kiosk() {
  "$KIOSK" --config "$SCRATCH/kiosk.toml" --windowed 640x360 2>"$SCRATCH/log" &
  pid=$!
  stop_at_exit $pid
  wait_log "first frame" 30
}
# Within 2 s of SIGTERM (scaled, as every wait, in the sanitizer build).
stop_kiosk() {
  local start=$(date +%s%N)
  kill -TERM $pid
  wait_until --show "$SCRATCH/log" "the kiosk to end after SIGTERM" 2 exited $pid
  wait $pid || true
  echo "stopped in $((($(date +%s%N) - start) / 1000000)) ms"
}

version 1 "$SCRATCH/v1.bundle"
"$KIOSKCTL" install "$SCRATCH/v1.bundle" --config "$SCRATCH/kiosk.toml" >/dev/null || fail "first install"

# 1. Everything at once, waiting when the kiosk starts.
ln -s "$inbox/nowhere" "$inbox/dangling.bundle"
ln -s /etc/shadow "$inbox/shadow.bundle"
echo "untrusted comment: x" >"$inbox/shadow.bundle.minisig"
version 2 "$inbox/loop.bundle" && rm "$inbox/loop.bundle.minisig" && ln -s "$inbox/loop.bundle.minisig" "$inbox/loop.bundle.minisig"
mkfifo "$inbox/fifo.bundle"
long=$(printf 'x%.0s' $(seq 243)).bundle
version 2 "$SCRATCH/long.bundle" && cp "$SCRATCH/long.bundle" "$inbox/$long"
newline=$'forged\n2026-01-01T00:00:00Z install ok fake.bundle version 99 signed\n.bundle'
version 2 "$SCRATCH/nl.bundle" && cp "$SCRATCH/nl.bundle" "$inbox/$newline" && cp "$SCRATCH/nl.bundle.minisig" "$inbox/$newline.minisig"
version 3 "$SCRATCH/v3.bundle" && cp "$SCRATCH/v3.bundle.minisig" "$SCRATCH/v3.bundle" "$inbox/"
start_kiosk
wait_log "inbox: v3.bundle: installed tiny-test-v3-" 20
grep -q "terminate called" "$SCRATCH/log" && fail "the kiosk threw: $(cat "$SCRATCH/log")"
for what in "dangling.bundle: not a regular file (a symbolic link)" "shadow.bundle: not a regular file" \
  "fifo.bundle: not a regular file (a FIFO)" "loop.bundle: its signature is not a regular file" \
  "leaves no room for its signature"; do
  grep -qF "$what" "$SCRATCH/log" || fail "not reported: '$what': $(cat "$SCRATCH/log")"
done
grep -qF 'forged\n2026-01-01T00:00:00Z install ok fake.bundle' "$SCRATCH/log" || fail "the newline name was not escaped in the log"
"$KIOSKCTL" status --state-dir "$state" >"$SCRATCH/status"
[ "$(grep -c "install ok" "$SCRATCH/status")" = 3 ] || fail "forged or missing history lines: $(cat "$SCRATCH/status")"
stop_kiosk

# 2. It starts again on the same inbox (a crash loop before).
start_kiosk
sleep 1
kill -0 $pid || fail "the kiosk died on its second start: $(cat "$SCRATCH/log")"
grep -q "^scene attract" "$SCRATCH/log" || fail "no content on the second start"

# 3. A slow copy, its signature first: installed once complete, never refused half-way.
version 4 "$SCRATCH/v4.bundle"
cp "$SCRATCH/v4.bundle.minisig" "$inbox/"
python3 - "$SCRATCH/v4.bundle" "$inbox/v4.bundle" <<'PY'
import sys, time
data = open(sys.argv[1], "rb").read()
with open(sys.argv[2], "wb") as out:
    for i in range(0, len(data), len(data) // 8 + 1):
        out.write(data[i:i + len(data) // 8 + 1]); out.flush(); time.sleep(0.5)
PY
wait_log "inbox: v4.bundle: installed tiny-test-v4-" 20
grep -q "v4.bundle: refused" "$SCRATCH/log" && fail "the slow copy was refused half-way: $(cat "$SCRATCH/log")"

# 4. kioskctl install racing the inbox, 10 rounds (fewer in a slower build).
rounds=$((10 / SLOWDOWN + 1))
for round in $(seq $rounds); do
  a=$((10 + 2 * round)) b=$((11 + 2 * round))
  version $a "$SCRATCH/r$a.bundle" && version $b "$SCRATCH/r$b.bundle"
  cp "$SCRATCH/r$a.bundle.minisig" "$SCRATCH/r$a.bundle" "$inbox/"
  "$KIOSKCTL" install "$SCRATCH/r$b.bundle" --config "$SCRATCH/kiosk.toml" --allow-downgrade >/dev/null 2>&1 ||
    fail "round $round: kioskctl install failed beside the inbox"
  kill -0 $pid || fail "round $round: the kiosk died: $(tail -20 "$SCRATCH/log")"
done
wait_log "inbox: r$((10 + 2 * rounds)).bundle: " 30
"$KIOSKCTL" validate "$state/current" >/dev/null || fail "current does not validate after the race"
stop_kiosk

# 5. SIGTERM while the inbox's install is paused at a step: still gone within 2 s.
version 40 "$SCRATCH/v40.bundle" && cp "$SCRATCH/v40.bundle.minisig" "$SCRATCH/v40.bundle" "$inbox/"
touch -d '1 minute ago' "$inbox/v40.bundle" "$inbox/v40.bundle.minisig"
KIOSK_TEST_STEP_DELAY_MS=10000 start_kiosk
wait_log "^step copy" 20
stop_kiosk
grep -q "unfinished" "$SCRATCH/log" || fail "the abandoned install was not named: $(cat "$SCRATCH/log")"
