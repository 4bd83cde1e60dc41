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
expect_exit 0 "$KIOSKCTL" status --state-dir "$state" --json --pubkey "$SCRATCH/k.pub"
python3 - "$SCRATCH/stdout" "$SCRATCH" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["current"]["version"] == 2 and s["previous"]["version"] == 1 and s["current"]["signed"], s
assert "install ok" in s["last"] and s["last"].endswith("signed by key " + s["current"]["key_id"]), s
assert s["current"]["signature"] == "signed by key %s (%s/k.pub)" % (s["current"]["key_id"], sys.argv[2]), s
assert s["highest_version"] == 2 and s["refused"] == 0, s
PY

# A downgrade, then the same with --allow-downgrade.
install 1 "$SCRATCH/v1.bundle"
stderr_has "version 1 is not newer than the installed version 2 (\`kioskctl install --allow-downgrade FILE\` installs it anyway)"

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

# An empty file, and a bundle cut short (its signature is the whole one's): each is refused
# for its signature, and named as what it is.
version 7
: >"$SCRATCH/empty.bundle"
cp "$SCRATCH/v7.bundle.minisig" "$SCRATCH/empty.bundle.minisig"
install 1 "$SCRATCH/empty.bundle"
stderr_has "install refused: $SCRATCH/empty.bundle: empty (0 bytes); it does not match its signature"
head -c 20000 "$SCRATCH/v7.bundle" >"$SCRATCH/cut.bundle"
cp "$SCRATCH/v7.bundle.minisig" "$SCRATCH/cut.bundle.minisig"
install 1 "$SCRATCH/cut.bundle"
stderr_has "install refused: $SCRATCH/cut.bundle: truncated: 20000 of $(stat -c %s "$SCRATCH/v7.bundle") bytes, perhaps still being copied; it does not match its signature"
# Signed as it was, cut short: the signature verifies, and the file is still named as cut.
minisign -S -s "$SCRATCH/k.sec" -m "$SCRATCH/cut.bundle" </dev/null >/dev/null
install 1 "$SCRATCH/cut.bundle"
stderr_has "install refused: $SCRATCH/cut.bundle: truncated: 20000 of $(stat -c %s "$SCRATCH/v7.bundle") bytes, perhaps still being copied"
expect_exit 1 "$KIOSKCTL" verify "$SCRATCH/empty.bundle" -p "$SCRATCH/k.pub"
stderr_has "kioskctl: $SCRATCH/empty.bundle: empty (0 bytes); it does not match its signature"

# A malformed signature file: the line named is the signature's, not the bundle's.
version 6
echo "not a signature" >"$SCRATCH/v6.bundle.minisig"
install 1 "$SCRATCH/v6.bundle"
stderr_has "install refused: $SCRATCH/v6.bundle.minisig: line 1 should start with \"untrusted comment: \""
printf 'untrusted comment: x\nnot base64!\n' >"$SCRATCH/v6.bundle.minisig"
install 1 "$SCRATCH/v6.bundle"
stderr_has "install refused: $SCRATCH/v6.bundle.minisig: line 2 (the signature) is not valid base64"
grep -q "/incoming/" "$SCRATCH/stderr" && fail "the message names the copy: $(cat "$SCRATCH/stderr")"

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

# The highest version ever installed, not the current one, is what an install must beat:
# install 3 and 4, roll back to 3, and 2 is still a downgrade.
state="$SCRATCH/state-highest"
for v in 3 4; do version $v; install 0 "$SCRATCH/v$v.bundle"; done
expect_exit 0 "$KIOSKCTL" rollback --state-dir "$state"
version 2
install 1 "$SCRATCH/v2.bundle"
stderr_has "v2.bundle: version 2 is not newer than the highest installed version 4 (current is version 3"
expect_exit 0 "$KIOSKCTL" status --state-dir "$state"
grep -q "^highest installed version: 4" "$SCRATCH/stdout" || fail "status: $(cat "$SCRATCH/stdout")"
grep -q "^current: tiny-test-v3-" "$SCRATCH/stdout" || fail "current changed: $(cat "$SCRATCH/stdout")"
expect_exit 0 "$KIOSKCTL" rollback --state-dir "$state"  # rolling back stays allowed
expect_exit 0 "$KIOSKCTL" rollback --state-dir "$state"
install 0 "$SCRATCH/v2.bundle" --allow-downgrade
grep -q "installed tiny-test-v2-" "$SCRATCH/stdout" || fail "install said: $(cat "$SCRATCH/stdout")"
# As docs/operators.md says: neither lowers the record, so version 4 itself is now refused.
expect_exit 0 "$KIOSKCTL" status --state-dir "$state"
grep -q "^highest installed version: 4 " "$SCRATCH/stdout" || fail "status: $(cat "$SCRATCH/stdout")"
install 1 "$SCRATCH/v4.bundle"
stderr_has "v4.bundle: version 4 is not newer than the highest installed version 4 (current is version 2;"
echo "not a number" >"$state/highest-version"
version 5
install 1 "$SCRATCH/v5.bundle"
stderr_has "$state/highest-version: the record of the highest installed version is damaged"

# install makes a state directory that does not exist, but only its last part, and says so:
# a mistyped path is refused or visible, never a silent new tree.
expect_exit 2 "$KIOSKCTL" install "$SCRATCH/v2.bundle" --state-dir "$SCRATCH/no-such-parent/state" --pubkey "$SCRATCH/k.pub"
stderr_has "kioskctl: install refused: $SCRATCH/no-such-parent/state: the state directory does not exist, nor does $SCRATCH/no-such-parent, so it is not made (from --state-dir); check the path"
[ -e "$SCRATCH/no-such-parent" ] && fail "install made $SCRATCH/no-such-parent"
# A file where the state directory belongs is named as such, not as "File exists".
echo "a file" >"$SCRATCH/file-state"
expect_exit 2 "$KIOSKCTL" install "$SCRATCH/v2.bundle" --state-dir "$SCRATCH/file-state" --pubkey "$SCRATCH/k.pub"
stderr_has "kioskctl: install refused: $SCRATCH/file-state: not a directory, so it cannot be the state directory (from --state-dir)"
expect_exit 0 "$KIOSKCTL" install "$SCRATCH/v2.bundle" --state-dir "$SCRATCH/new-state" --pubkey "$SCRATCH/k.pub"
[ "$(cat "$SCRATCH/stderr")" = "kioskctl: created the state directory $SCRATCH/new-state; it did not exist" ] ||
  fail "install into a new state directory said: $(cat "$SCRATCH/stderr")"
grep -q "installed tiny-test-v2-" "$SCRATCH/stdout" || fail "install said: $(cat "$SCRATCH/stdout")"
expect_exit 1 "$KIOSKCTL" install "$SCRATCH/v2.bundle" --state-dir "$SCRATCH/new-state" --pubkey "$SCRATCH/k.pub"
grep -q "created the state directory" "$SCRATCH/stderr" && fail "said so again: $(cat "$SCRATCH/stderr")"

# A state directory that does not exist: every command but install (which makes it) says so.
for cmd in status rollback stats; do
  expect_exit 2 "$KIOSKCTL" $cmd --state-dir "$SCRATCH/no-such-state"
  stderr_has "kioskctl: $SCRATCH/no-such-state: the state directory does not exist (from --state-dir)"
done
printf '[content]\nstate_dir = "%s"\n' "$SCRATCH/typo" >"$SCRATCH/typo.toml"
expect_exit 2 "$KIOSKCTL" status --config "$SCRATCH/typo.toml"
stderr_has "$SCRATCH/typo: the state directory does not exist (from content.state_dir in $SCRATCH/typo.toml)"
# The flag wins over the configuration, for kioskctl as for the kiosk.
expect_exit 0 "$KIOSKCTL" status --config "$SCRATCH/typo.toml" --state-dir "$state"
grep -q "^state directory: $state\$" "$SCRATCH/stdout" || fail "status: $(cat "$SCRATCH/stdout")"
expect_exit 64 "$KIOSK" --state-dir "$SCRATCH/no-such-state" --bundle "$TINY_BUNDLE" --screenshot "$SCRATCH/x.png"
stderr_has "kiosk: $SCRATCH/no-such-state: the state directory does not exist (from --state-dir)"

# Statistics in the first minute: none yet is not an error, and says only that (no empty table).
expect_exit 0 "$KIOSKCTL" stats --state-dir "$state"
[ "$(cat "$SCRATCH/stdout")" = "$state/stats.db: no statistics yet (the kiosk writes them every minute)" ] ||
  fail "stats: $(cat "$SCRATCH/stdout")"
mkdir "$SCRATCH/stats-state"
# Counts from before the day asked for only: the same one line, naming the day.
python3 -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute('CREATE TABLE plays (item_id TEXT NOT NULL, hour TEXT NOT NULL, shown INTEGER NOT NULL DEFAULT 0, opened INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (item_id, hour)) WITHOUT ROWID'); d.execute(\"INSERT INTO plays VALUES ('gdp-growth', '2026-11-27T03', 1, 0)\"); d.commit()" "$SCRATCH/stats-state/stats.db"
expect_exit 0 "$KIOSKCTL" stats --state-dir "$SCRATCH/stats-state" --since 2026-11-28
[ "$(cat "$SCRATCH/stdout")" = "$SCRATCH/stats-state/stats.db: no statistics since 2026-11-28" ] ||
  fail "stats --since: $(cat "$SCRATCH/stdout")"
for bad in 2026-13-01 2026-11-32 2026-11-1; do
  expect_exit 64 "$KIOSKCTL" stats --state-dir "$SCRATCH/stats-state" --since "$bad"
  grep -qF "stats: --since must be a date, YYYY-MM-DD (got '$bad')" "$SCRATCH/stderr" || fail "stats --since $bad: $(cat "$SCRATCH/stderr")"
done
expect_exit 0 "$KIOSKCTL" stats --state-dir "$SCRATCH/stats-state"
grep -q "^2026-11-27T03  gdp-growth  *1  *0$" "$SCRATCH/stdout" || fail "stats: $(cat "$SCRATCH/stdout")"
grep -q "^hours are local time in Asia/Shanghai (clock.time_zone); the history is in UTC" "$SCRATCH/stdout" ||
  fail "stats: $(cat "$SCRATCH/stdout")"
expect_exit 0 "$KIOSKCTL" stats --state-dir "$state" --csv
[ "$(cat "$SCRATCH/stdout")" = "hour,item_id,shown,opened,time_zone" ] || fail "stats --csv: $(cat "$SCRATCH/stdout")"

# The state directory is writable only by its owner; as another user the install is refused.
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  chmod 755 "$SCRATCH"
  expect_exit 1 setpriv --reuid=nobody --regid=nogroup --clear-groups "$KIOSKCTL" install "$SCRATCH/v2.bundle" \
    --state-dir "$state" --pubkey "$SCRATCH/k.pub"
  stderr_has "the state directory is not writable"
fi
echo "cli_install: ok"
