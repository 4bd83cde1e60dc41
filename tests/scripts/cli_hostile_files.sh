# kioskctl against files that are not what they claim: a FIFO must not hang install,
# validate or info, and an install of a link to a root-only file, killed while it
# verifies, must leave no copy anyone else could read, and none at all after the next.
source "$(dirname "$0")/lib.sh"
state="$SCRATCH/state"
printf '[security]\nallow_unsigned = true\n' >"$SCRATCH/kiosk.toml"
mkfifo "$SCRATCH/fifo.bundle"

expect_exit 1 timeout 10 "$KIOSKCTL" install "$SCRATCH/fifo.bundle" --state-dir "$state" --config "$SCRATCH/kiosk.toml"
stderr_has "fifo.bundle: not a regular file (a FIFO)"
expect_exit 1 timeout 10 "$KIOSKCTL" validate "$SCRATCH/fifo.bundle"
stderr_has "fifo.bundle: not a regular file"
expect_exit 2 timeout 10 "$KIOSKCTL" info "$SCRATCH/fifo.bundle"
stderr_has "not a regular file"
expect_exit 2 timeout 10 "$KIOSK" --bundle "$SCRATCH/fifo.bundle" --screenshot "$SCRATCH/shot.png"
stderr_has "not a regular file"

# A secret only its owner may read, reached through a link, as root would install it.
echo "root:secret-hash:19000:0:99999:7:::" >"$SCRATCH/secret"
chmod 600 "$SCRATCH/secret"
ln -s "$SCRATCH/secret" "$SCRATCH/evil.bundle"
KIOSK_TEST_STEP_DELAY_MS=3000 "$KIOSKCTL" install "$SCRATCH/evil.bundle" --state-dir "$state" \
  --config "$SCRATCH/kiosk.toml" >/dev/null 2>"$SCRATCH/steps" &
pid=$!
wait_until --show "$SCRATCH/steps" "the installer to reach step verify" 10 in_file "^step verify$" "$SCRATCH/steps"
copy=$(find "$state" -type f -newer "$SCRATCH/secret" -exec grep -l secret-hash {} +)
[ -n "$copy" ] || fail "no copy found while verifying"
[ "$(stat -c %a "$copy")" = 600 ] || fail "the copy is mode $(stat -c %a "$copy") while it is verified"
[ "$(stat -c %a "$(dirname "$copy")")" = 700 ] || fail "the copy's directory is mode $(stat -c %a "$(dirname "$copy")")"
kill -9 $pid
wait $pid 2>/dev/null || true
[ "$(stat -c %a "$copy")" = 600 ] || fail "the copy left by the kill is readable by others"
cp "$TINY_BUNDLE" "$SCRATCH/good.bundle"
"$KIOSKCTL" install "$SCRATCH/good.bundle" --state-dir "$state" --config "$SCRATCH/kiosk.toml" >/dev/null ||
  fail "the next install failed"
! grep -rlq secret-hash "$state" || fail "a copy of the secret is still in the state directory"
# Installed bundles stay readable by the kiosk's group (operators' status), not by all.
[ "$(stat -c %a "$(readlink -f "$state/current")")" = 640 ] || fail "installed bundle mode $(stat -c %a "$(readlink -f "$state/current")")"

# A signature or a key that is a FIFO: kioskctl verify and install refuse, never wait.
cp "$TINY_BUNDLE" "$SCRATCH/ms.bundle"
mkfifo "$SCRATCH/ms.bundle.minisig" "$SCRATCH/key.pub"
"$KIOSKCTL" keygen -p "$SCRATCH/k.pub" -s "$SCRATCH/k.sec" >/dev/null
expect_exit 1 timeout 10 "$KIOSKCTL" verify "$SCRATCH/ms.bundle" -p "$SCRATCH/k.pub"
stderr_has "not a regular file"
expect_exit 1 timeout 10 "$KIOSKCTL" install "$SCRATCH/good.bundle" --state-dir "$state" --pubkey "$SCRATCH/key.pub"
stderr_has "not a regular file"

# A history that is a FIFO: status, rollback and install carry on without it.
rm "$state/history.log" && mkfifo "$state/history.log"
expect_exit 0 timeout 10 "$KIOSKCTL" status --state-dir "$state"
expect_exit 1 timeout 10 "$KIOSKCTL" rollback --state-dir "$state"
tiny_version 7 "$SCRATCH/v7.bundle"
expect_exit 0 timeout 10 "$KIOSKCTL" install "$SCRATCH/v7.bundle" --state-dir "$state" --config "$SCRATCH/kiosk.toml"

# A bundle's own names quoted by validate and info cannot forge a line in the terminal.
cp "$TINY_BUNDLE" "$SCRATCH/forge.bundle"
python3 - "$SCRATCH/forge.bundle" <<'PY'
import sqlite3, sys
d = sqlite3.connect(sys.argv[1])
d.execute('CREATE TRIGGER "x\n2026-12-01T00:00:00Z install ok FORGED\x1b[31m" AFTER INSERT ON bundle BEGIN SELECT 1; END')
d.execute("UPDATE bundle SET id = char(10) || 'forged line'")
d.commit()
PY
expect_exit 1 "$KIOSKCTL" validate "$SCRATCH/forge.bundle"
! grep -q "^2026-12-01" "$SCRATCH/stderr" || fail "validate printed a forged line: $(cat "$SCRATCH/stderr")"
! grep -q $'\x1b' "$SCRATCH/stderr" || fail "validate printed a raw escape"
stderr_has 'trigger x\n2026-12-01T00'
