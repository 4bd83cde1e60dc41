# Two operators at once: concurrent installs of different versions and rollbacks into
# one state directory, 200 rounds. None may crash, none may be refused for anything but
# the lock's bounded wait, and `current` must validate after every round. Then the lock
# holder is killed mid-install: the next install takes the lock at once and removes the
# dead one's copy.
source "$(dirname "$0")/lib.sh"
state="$SCRATCH/state"
# 200 rounds, or as many as fit in 90 s (at least 30) on a loaded machine. A sanitizer
# build (KIOSK_TEST_SLOWDOWN) looks for memory errors, not for rare interleavings, which
# the faster build finds: it runs a quarter of the rounds, for at most 60 s.
ROUNDS=${ROUNDS:-$((200 / SLOWDOWN))}
MIN_ROUNDS=$((30 / SLOWDOWN))
MIN_ROUNDS=$((ROUNDS < MIN_ROUNDS ? ROUNDS : MIN_ROUNDS))
rounds_until=$(($(date +%s) + (SLOWDOWN > 1 ? 60 : 90)))
printf '[security]\nallow_unsigned = true\n' >"$SCRATCH/kiosk.toml"
for v in 1 2 3; do tiny_version $v "$SCRATCH/v$v.bundle"; done
install() { "$KIOSKCTL" install "$SCRATCH/v$1.bundle" --state-dir "$state" --config "$SCRATCH/kiosk.toml" --allow-downgrade; }
install 1 >/dev/null 2>&1 || fail "first install"

done_rounds=0
for round in $(seq "$ROUNDS"); do
  [ "$round" -le "$MIN_ROUNDS" ] || [ "$(date +%s)" -lt $rounds_until ] || break
  install 2 >"$SCRATCH/a.out" 2>"$SCRATCH/a.err" &
  a=$!
  install 3 >"$SCRATCH/b.out" 2>"$SCRATCH/b.err" &
  b=$!
  "$KIOSKCTL" rollback --state-dir "$state" >"$SCRATCH/c.out" 2>"$SCRATCH/c.err" &
  c=$!
  sa=0 sb=0 sc=0
  wait $a || sa=$?
  wait $b || sb=$?
  wait $c || sc=$?
  [ $sa = 0 ] || fail "round $round: install of version 2 exited $sa: $(cat "$SCRATCH/a.err")"
  [ $sb = 0 ] || fail "round $round: install of version 3 exited $sb: $(cat "$SCRATCH/b.err")"
  # A rollback may find nothing to roll back to only when no install came before it.
  [ $sc = 0 ] || grep -q "there is no previous bundle" "$SCRATCH/c.err" ||
    fail "round $round: rollback exited $sc: $(cat "$SCRATCH/c.err")"
  "$KIOSKCTL" validate "$state/current" >/dev/null 2>"$SCRATCH/why" ||
    fail "round $round: current does not validate: $(cat "$SCRATCH/why")"
  done_rounds=$round
done
[ -z "$(ls -A "$state/incoming")" ] || fail "copies left in incoming: $(ls -A "$state/incoming")"

# The lock holder killed while it verifies: the lock dies with it.
KIOSK_TEST_STEP_DELAY_MS=5000 "$KIOSKCTL" install "$SCRATCH/v2.bundle" --state-dir "$state" \
  --config "$SCRATCH/kiosk.toml" --allow-downgrade >/dev/null 2>"$SCRATCH/steps" &
holder=$!
wait_until --show "$SCRATCH/steps" "the installer to reach step verify" 15 in_file "^step verify$" "$SCRATCH/steps"
[ -n "$(ls -A "$state/incoming")" ] || fail "no copy in incoming while verifying"
kill -9 $holder
wait $holder 2>/dev/null || true
start=$(date +%s%N)
install 3 >/dev/null 2>"$SCRATCH/err" || fail "install after the holder was killed: $(cat "$SCRATCH/err")"
ms=$((($(date +%s%N) - start) / 1000000))
[ $ms -lt 20000 ] || fail "the next install waited $ms ms for a dead holder's lock"
[ -z "$(ls -A "$state/incoming")" ] || fail "the killed install's copy was left: $(ls -A "$state/incoming")"

# A holder that lives: the second waits, bounded, and names what it waited for.
KIOSK_TEST_STEP_DELAY_MS=4000 "$KIOSKCTL" install "$SCRATCH/v2.bundle" --state-dir "$state" \
  --config "$SCRATCH/kiosk.toml" --allow-downgrade >/dev/null 2>"$SCRATCH/steps" &
holder=$!
wait_until --show "$SCRATCH/steps" "the installer to reach step copy" 15 in_file "^step copy$" "$SCRATCH/steps"
install 3 >/dev/null 2>"$SCRATCH/err" || fail "the waiting install failed: $(cat "$SCRATCH/err")"
wait $holder || fail "the holding install failed: $(cat "$SCRATCH/steps")"
echo "$done_rounds rounds of two installs and a rollback at once; a killed holder's lock released in $ms ms"
