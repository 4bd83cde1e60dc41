# kioskctl install, rollback and status with real minisign keys, and every bad input an
# operator can bring: unsigned, wrong key, a tampered byte, a signature for another
# file, a malformed signature, a downgrade, a bundle that fails validate.
source "$(dirname "$0")/lib.sh"
command -v minisign >/dev/null || fail "minisign is not installed (packaging/build-deps.txt)"
state="$SCRATCH/state"

version() {  # version N: a signed copy of the tiny bundle with version N
  cp "$TINY_BUNDLE" "$SCRATCH/v$1.bundle"
  python3 -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute('UPDATE bundle SET version=$1'); d.commit()" "$SCRATCH/v$1.bundle"
  minisign -S -s "$SCRATCH/k.sec" -m "$SCRATCH/v$1.bundle" </dev/null >/dev/null
}
install() { expect_exit "$1" "$KIOSKCTL" install "${@:2}" --state-dir "$state" --pubkey "$SCRATCH/k.pub"; }

minisign -G -W -p "$SCRATCH/k.pub" -s "$SCRATCH/k.sec" </dev/null >/dev/null
minisign -G -W -p "$SCRATCH/other.pub" -s "$SCRATCH/other.sec" </dev/null >/dev/null
version 1
version 2

install 0 "$SCRATCH/v1.bundle"
grep -q "installed tiny-test-v1-" "$SCRATCH/stdout" || fail "install said: $(cat "$SCRATCH/stdout")"
install 0 "$SCRATCH/v2.bundle"
expect_exit 0 "$KIOSKCTL" status --state-dir "$state" --json
python3 - "$SCRATCH/stdout" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["current"]["version"] == 2 and s["previous"]["version"] == 1 and s["current"]["signed"], s
assert s["last"].endswith("signed") and "install ok" in s["last"], s
PY

# A downgrade, then the same with --allow-downgrade.
install 1 "$SCRATCH/v1.bundle"
stderr_has "version 1 is not newer than the installed version 2"

# Unsigned.
cp "$SCRATCH/v2.bundle" "$SCRATCH/unsigned.bundle"
install 1 "$SCRATCH/unsigned.bundle"
stderr_has "not signed (no unsigned.bundle.minisig)"

# Signed with a key that is not trusted.
version 3
minisign -S -s "$SCRATCH/other.sec" -m "$SCRATCH/v3.bundle" </dev/null >/dev/null
install 1 "$SCRATCH/v3.bundle"
stderr_has "not a trusted key"

# A tampered byte after signing.
version 4
printf '\x01' | dd of="$SCRATCH/v4.bundle" bs=1 seek=5000 conv=notrunc status=none
install 1 "$SCRATCH/v4.bundle"
stderr_has "does not match its signature"

# The signature of another file.
version 5
cp "$SCRATCH/v1.bundle.minisig" "$SCRATCH/v5.bundle.minisig"
install 1 "$SCRATCH/v5.bundle"
stderr_has "does not match its signature"

# A malformed signature file.
version 6
echo "not a signature" >"$SCRATCH/v6.bundle.minisig"
install 1 "$SCRATCH/v6.bundle"
stderr_has "v6.bundle"

# Signed, but it fails validate.
cp "$TINY_BUNDLE" "$SCRATCH/bad.bundle"
python3 -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute('UPDATE bundle SET version=9'); d.execute(\"DELETE FROM ui_string WHERE key='touch_cue'\"); d.commit()" "$SCRATCH/bad.bundle"
minisign -S -s "$SCRATCH/k.sec" -m "$SCRATCH/bad.bundle" </dev/null >/dev/null
install 1 "$SCRATCH/bad.bundle"
stderr_has "does not validate: ui string 'touch_cue': missing"

# A file that is not there, and a config whose trusted key list is broken (fails closed).
install 1 "$SCRATCH/nowhere.bundle"
stderr_has "cannot read: No such file or directory"
printf '[security]\ntrusted_keys = "RWQ"\n' >"$SCRATCH/broken.toml"
expect_exit 1 "$KIOSKCTL" install "$SCRATCH/v2.bundle" --state-dir "$state" --config "$SCRATCH/broken.toml"
stderr_has "no key is trusted"

# After all those refusals, version 2 is still current; rollback brings back version 1.
expect_exit 0 "$KIOSKCTL" status --state-dir "$state"
grep -q "^current: tiny-test-v2-" "$SCRATCH/stdout" || fail "current changed: $(cat "$SCRATCH/stdout")"
expect_exit 0 "$KIOSKCTL" rollback --state-dir "$state"
grep -q "rolled back to tiny-test-v1-" "$SCRATCH/stdout" || fail "rollback said: $(cat "$SCRATCH/stdout")"
expect_exit 0 "$KIOSKCTL" validate "$state/current"
expect_exit 0 "$KIOSKCTL" install "$SCRATCH/v1.bundle" --state-dir "$state" --pubkey "$SCRATCH/k.pub" --allow-downgrade

# The state directory is writable only by its owner; as another user the install is refused.
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  chmod 755 "$SCRATCH"
  expect_exit 1 setpriv --reuid=nobody --regid=nogroup --clear-groups "$KIOSKCTL" install "$SCRATCH/v2.bundle" \
    --state-dir "$state" --pubkey "$SCRATCH/k.pub"
  stderr_has "the state directory is not writable"
fi
echo "cli_install: ok"
