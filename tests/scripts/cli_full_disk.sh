# A really full disk (ENOSPC from the file system, not a file-size rlimit as the unit test
# uses): the state directory on a tmpfs with room for one bundle. The second install
# must fail with a message naming the file and the reason, exit non-zero, leave no
# half-written file, and leave `current` on the first bundle, which still validates;
# once space is freed, the same install succeeds. Needs mount(2) (root, as in the test
# container); without it the test is skipped (exit 77).
source "$(dirname "$0")/lib.sh"
mnt="$SCRATCH/small"
mkdir -p "$mnt"
bundle_kb=$((($(stat -c %s "$TINY_BUNDLE") + 1023) / 1024))
# Room for one bundle and the state's small files, not for a second bundle.
if ! mount -t tmpfs -o size=$((bundle_kb * 3 / 2))k tmpfs "$mnt" 2>"$SCRATCH/mount.err"; then
  echo "SKIP: cannot mount a tmpfs here: $(cat "$SCRATCH/mount.err")"
  exit 77
fi
trap 'umount "$mnt" 2>/dev/null || true; rm -rf "$SCRATCH"' EXIT
state="$mnt/state"
printf '[security]\nallow_unsigned = true\n' >"$SCRATCH/kiosk.toml"
for v in 1 2; do
  cp "$TINY_BUNDLE" "$SCRATCH/v$v.bundle"
  python3 -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute('UPDATE bundle SET version=$v'); d.commit()" "$SCRATCH/v$v.bundle"
done
install() { expect_exit "$1" "$KIOSKCTL" install "$SCRATCH/v$2.bundle" --state-dir "$state" --config "$SCRATCH/kiosk.toml"; }

install 0 1
install 1 2
stderr_has "v2.bundle: the state directory $state is full (No space left on device); free space there, then install again"
grep -q "/incoming/" "$SCRATCH/stderr" && fail "the message names an internal file: $(cat "$SCRATCH/stderr")"
stderr_has "No space left on device"
echo "full disk: $(tail -n 1 "$SCRATCH/stderr")"
leftovers=$(find "$state" -name '.incoming-*' | wc -l)
[ "$leftovers" = 0 ] || fail "a half-written file was left: $(find "$state" -name '.incoming-*')"
"$KIOSKCTL" validate "$state/current" >/dev/null 2>"$SCRATCH/why" || fail "current does not validate: $(cat "$SCRATCH/why")"
v=$("$KIOSKCTL" info "$state/current" | sed -n 's/^version: //p')
[ "$v" = 1 ] || fail "current is version $v after the failed install, not 1"
expect_exit 0 "$KIOSKCTL" status --state-dir "$state"

# Space is freed (here: the disk grows); the same install now goes through.
mount -o remount,size=$((bundle_kb * 4))k "$mnt"
install 0 2
v=$("$KIOSKCTL" info "$state/current" | sed -n 's/^version: //p')
[ "$v" = 2 ] || fail "current is version $v after the install with room, not 2"
echo "cli_full_disk: ok"
