# Hot swap: the running kiosk watches its state directory. A bundle installed with
# kioskctl, or dropped into the inbox with its signature, is prepared in the background
# and swapped in without a restart; a bad one is refused and the kiosk keeps its bundle.
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"
state="$SCRATCH/state"

"$KIOSKCTL" keygen -p "$SCRATCH/k.pub" -s "$SCRATCH/k.sec" >/dev/null
key=$(tail -1 "$SCRATCH/k.pub")
cat >"$SCRATCH/kiosk.toml" <<TOML
[display]
alternate_languages = false
[content]
state_dir = "$state"
[security]
trusted_keys = ["$key"]
TOML
version() {  # version N [NAME]: a signed copy of the tiny bundle with version N
  local file="$SCRATCH/${2:-v$1}.bundle"
  tiny_version "$1" "$file"
  "$KIOSKCTL" sign "$file" -s "$SCRATCH/k.sec" >/dev/null
}

version 1
"$KIOSKCTL" install "$SCRATCH/v1.bundle" --config "$SCRATCH/kiosk.toml" >/dev/null || fail "first install"
"$KIOSK" --config "$SCRATCH/kiosk.toml" --windowed 960x540 2>"$SCRATCH/log" &
pid=$!
stop_at_exit $pid
wait_log "first frame" 20

# 1. kioskctl install: swapped in by the running kiosk.
version 2
"$KIOSKCTL" install "$SCRATCH/v2.bundle" --config "$SCRATCH/kiosk.toml" >/dev/null || fail "install v2"
wait_log "hot swap: showing tiny-test-v2-.* (version 2)" 10

# 2. The inbox: the signature first, then the bundle, as a copy from a stick would.
version 3 v3
cp "$SCRATCH/v3.bundle.minisig" "$state/inbox/"
cp "$SCRATCH/v3.bundle" "$state/inbox/.v3.partial" && mv "$state/inbox/.v3.partial" "$state/inbox/v3.bundle"
wait_log "inbox: v3.bundle: installed tiny-test-v3-" 10
wait_log "(version 3)" 10
[ ! -e "$state/inbox/v3.bundle" ] || fail "the installed bundle was left in the inbox"

# 3. A tampered bundle in the inbox is refused and set aside; version 3 stays on screen.
version 4 bad
printf '\x01' | dd of="$SCRATCH/bad.bundle" bs=1 seek=7000 conv=notrunc status=none
cp "$SCRATCH/bad.bundle.minisig" "$state/inbox/"
cp "$SCRATCH/bad.bundle" "$state/inbox/"
wait_log "inbox: bad.bundle: .*does not match its signature" 10
[ -e "$state/inbox/bad.bundle.refused" ] || fail "the refused bundle was not set aside"

# 4. A current link switched by hand to something broken: the kiosk keeps what it shows.
head -c 4096 /dev/urandom >"$state/bundles/junk.bundle"
ln -s bundles/junk.bundle "$state/current.tmp" && mv -T "$state/current.tmp" "$state/current"
wait_log "hot swap: .*junk.bundle.*keeping the bundle on screen" 10

sleep 1
kill -0 $pid || fail "the kiosk died: $(cat "$SCRATCH/log")"
[ "$(grep -c '^first frame' "$SCRATCH/log")" = 1 ] || fail "the kiosk restarted instead of swapping"
grep -E "hot swap|inbox" "$SCRATCH/log"
echo "gl_hot_swap: ok"

# Play statistics: written when the kiosk stops, read with kioskctl stats.
kill -TERM $pid
wait $pid || fail "the kiosk did not stop cleanly"
"$KIOSKCTL" stats --state-dir "$state" --csv >"$SCRATCH/stats.csv" || fail "kioskctl stats failed"
head -1 "$SCRATCH/stats.csv" | grep -qx "hour,item_id,shown,opened,time_zone" || fail "stats: $(cat "$SCRATCH/stats.csv")"
# The first slide showed once per bundle the kiosk swapped to (three, in a few seconds):
# counted once each, not once per frame.
shown=$(awk -F, '$2 == "haitang-visitors" { n += $3 } END { print n + 0 }' "$SCRATCH/stats.csv")
[ "$shown" -ge 1 ] && [ "$shown" -le 6 ] || fail "the first slide was counted $shown times: $(cat "$SCRATCH/stats.csv")"
"$KIOSKCTL" stats --state-dir "$state" --since 2000-01-01 | grep -q "^total" || fail "no totals"
echo "gl_hot_swap: statistics ok"
