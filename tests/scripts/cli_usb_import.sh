# The USB import (packaging/session/heping-kiosk-usb-import and `kioskctl import-usb`)
# against hostile sticks, without the package: ext4 images loop-mounted by the script
# itself, as udev's service runs it. Each stick below is an attack kept as a test: a
# bundle or signature that is a symbolic link (to a root-only file), a symlinked
# directory, a directory, FIFO or device named *.bundle, names with a newline or a control
# character, names too long for the inbox's hidden names, a bundle and a signature over
# the size limits; a hard link is a regular file and is copied. Directly against
# `kioskctl import-usb`: a file on another file system (a bind mount), a file that grows
# while copied, and the kiosk user's traps in its own state directory (the inbox a link,
# a hidden .part name a link). Every refusal names the file; nothing readable by others,
# nothing partial and nothing of the root-only file reaches the inbox; the good bundles
# beside the attacks are copied, mode 0600, the state directory owner's. Root only
# (mount, mknod, chown); skipped (77) otherwise, or where loop devices cannot be mounted.
source "$(dirname "$0")/lib.sh"
if [ "$(id -u)" != 0 ]; then
  echo "SKIP: the USB import mounts sticks: it needs root"
  exit 77
fi
IMPORT=${USB_IMPORT:-$SOURCE_DIR/packaging/session/heping-kiosk-usb-import}
PATH=$(dirname "$KIOSKCTL"):$PATH
export PATH
cleanup() {
  for m in $(grep -o "$SCRATCH/[^ ]*" /proc/mounts | sort -r); do umount "$m" 2>/dev/null || true; done
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

# The kiosk's state directory, owned by another user than root (as heping-kiosk's is).
state=$SCRATCH/state
install -d -o nobody -g nogroup -m 0750 "$state"
printf '[content]\nstate_dir = "%s"\n' "$state" >"$SCRATCH/kiosk.toml"
export HEPING_KIOSK_CONFIG=$SCRATCH/kiosk.toml
inbox=$state/inbox
# A root-only file (as /etc/shadow is): no stick may bring it into the inbox.
secret=$SCRATCH/secret
echo "ROOT-ONLY-SECRET" >"$secret"
chmod 0600 "$secret"
kioskctl keygen -p "$SCRATCH/k.pub" -s "$SCRATCH/k.sec" >/dev/null

signed() {  # signed DIR NAME: a signed copy of the tiny bundle as DIR/NAME
  cp "$TINY_BUNDLE" "$1/$2"
  kioskctl sign "$1/$2" -s "$SCRATCH/k.sec" -t "a test bundle" >/dev/null
}
# stick NAME: an ext4 image of $SCRATCH/NAME's files (symbolic links, FIFOs, devices and
# hard links included), at $SCRATCH/NAME.img.
stick() {
  mke2fs -q -t ext4 -d "$SCRATCH/$1" "$SCRATCH/$1.img" 16M >/dev/null
}
# check_inbox FILE...: the inbox holds exactly these files, each mode 0600 and nobody's,
# none with the secret in it, no hidden leftovers.
check_inbox() {
  local want got
  want=$(printf '%s\n' "$@" | sort)
  got=$(cd "$inbox" && find . -mindepth 1 -printf '%P\n' | sort)
  [ "$got" = "$want" ] || fail "the inbox holds '$got', expected '$want'"
  for f in "$@"; do
    [ -f "$inbox/$f" ] && [ ! -L "$inbox/$f" ] || fail "$f in the inbox is not a regular file"
    [ "$(stat -c '%a %U' "$inbox/$f")" = "600 nobody" ] ||
      fail "$f in the inbox is $(stat -c '%a %U' "$inbox/$f"), not 600 nobody"
  done
  ! grep -rqs ROOT-ONLY-SECRET "$inbox" || fail "the root-only file reached the inbox"
  [ "$(stat -c '%U' "$inbox")" = nobody ] || fail "the inbox is $(stat -c %U "$inbox")'s, not the state owner's"
}

# --- a good stick: signed bundles copied, an unsigned one left -------------------------
mkdir "$SCRATCH/good"
signed "$SCRATCH/good" update.bundle
cp "$TINY_BUNDLE" "$SCRATCH/good/unsigned.bundle"
stick good
mkdir "$SCRATCH/probe"
if ! mount -o ro "$SCRATCH/good.img" "$SCRATCH/probe" 2>"$SCRATCH/mount.err"; then
  echo "SKIP: cannot mount a stick's image here: $(cat "$SCRATCH/mount.err")"
  exit 77
fi
umount "$SCRATCH/probe"
expect_exit 0 "$IMPORT" "$SCRATCH/good.img"
stderr_has "unsigned.bundle has no signature"
grep -q "1 signed bundle(s) copied into $inbox$" "$SCRATCH/stdout" || fail "good stick: $(cat "$SCRATCH/stdout")"
[ -z "$(losetup -j "$SCRATCH/good.img")" ] || fail "the stick is still mounted"
check_inbox update.bundle update.bundle.minisig
cmp -s "$inbox/update.bundle" "$SCRATCH/good/update.bundle" || fail "the copy differs from the stick's bundle"
kioskctl verify "$inbox/update.bundle" -p "$SCRATCH/k.pub" >/dev/null || fail "the copy's signature does not verify"
echo "good stick: signed bundle copied (0600, the state owner's), unsigned one left: ok"
rm -f "$inbox"/*

# --- a hostile stick ---------------------------------------------------------------
s=$SCRATCH/evil
mkdir "$s"
signed "$s" good.bundle
ln -s "$secret" "$s/evil.bundle"  # the issue's attack: a link to a root-only file
cp "$s/good.bundle.minisig" "$s/evil.bundle.minisig"
cp "$TINY_BUNDLE" "$s/evilsig.bundle"
ln -s "$secret" "$s/evilsig.bundle.minisig"
ln -s /etc "$s/linkdir.bundle"  # a symlinked directory
cp "$s/good.bundle.minisig" "$s/linkdir.bundle.minisig"
mkdir "$s/dir.bundle" && cp "$s/good.bundle.minisig" "$s/dir.bundle.minisig"
mkfifo "$s/fifo.bundle" && cp "$s/good.bundle.minisig" "$s/fifo.bundle.minisig"
mknod "$s/dev.bundle" c 1 5 && cp "$s/good.bundle.minisig" "$s/dev.bundle.minisig"  # /dev/zero
signed "$s" "$(printf 'new\nline.bundle')"
signed "$s" "$(printf 'bell\a.bundle')"
long=$(printf 'l%.0s' $(seq 238)).bundle  # 245 bytes: ".NAME.minisig.part" would be 259
cp "$s/good.bundle" "$s/$long" && cp "$s/good.bundle.minisig" "$s/$long.minisig"
truncate -s $((512 * 1024 * 1024 + 1)) "$s/big.bundle"
cp "$s/good.bundle.minisig" "$s/big.bundle.minisig"
cp "$TINY_BUNDLE" "$s/bigsig.bundle"
truncate -s $((64 * 1024 + 1)) "$s/bigsig.bundle.minisig"
ln "$s/good.bundle" "$s/hardlink.bundle"  # a hard link: just a regular file
cp "$s/good.bundle.minisig" "$s/hardlink.bundle.minisig"
stick evil
expect_exit 1 "$IMPORT" "$SCRATCH/evil.img"
for why in "evil.bundle is a symbolic link" "evilsig.bundle.minisig is a symbolic link" \
  "linkdir.bundle is a symbolic link" "dir.bundle is a directory" "fifo.bundle is not a regular file" \
  "dev.bundle is not a regular file" 'new\nline.bundle has a control character' \
  'bell\x07.bundle has a control character' "$long has a name of 245 bytes" \
  "big.bundle is larger than the limit of 536870912 bytes" \
  "bigsig.bundle.minisig is larger than the limit of 65536 bytes"; do
  stderr_has "$why"
done
grep -q "^2 signed bundle(s) copied into $inbox; 11 refused$" "$SCRATCH/stdout" || fail "evil stick: $(cat "$SCRATCH/stdout")"
[ -z "$(losetup -j "$SCRATCH/evil.img")" ] || fail "the stick is still mounted"
check_inbox good.bundle good.bundle.minisig hardlink.bundle hardlink.bundle.minisig
echo "hostile stick: 11 attacks refused by name, the good bundle and the hard link copied: ok"
rm -f "$inbox"/*

# --- directly against kioskctl import-usb -------------------------------------------
# A file of another file system in the folder (a bind mount; a stick has none, but a
# folder given by mistake may).
d=$SCRATCH/dir
mkdir "$d" "$SCRATCH/other"
mount -t tmpfs tmpfs "$SCRATCH/other"
signed "$SCRATCH/other" bound.bundle
cp "$SCRATCH/other/bound.bundle.minisig" "$d/"
touch "$d/bound.bundle"
mount --bind "$SCRATCH/other/bound.bundle" "$d/bound.bundle"
expect_exit 1 kioskctl import-usb "$d" --state-dir "$state"
stderr_has "bound.bundle is on another file system"
umount "$d/bound.bundle"
rm -f "$d"/*
check_inbox

# A bundle that grows while it is copied.
head -c $((64 * 1024 * 1024)) /dev/zero >"$d/grow.bundle"
kioskctl sign "$d/grow.bundle" -s "$SCRATCH/k.sec" >/dev/null
(while :; do printf x >>"$d/grow.bundle"; done) &
appender=$!
expect_exit 1 kioskctl import-usb "$d" --state-dir "$state"
kill $appender
wait $appender 2>/dev/null || true
stderr_has "grow.bundle changed while it was copied"
check_inbox
rm -f "$d"/*
echo "a file from another file system, a file growing while copied: refused: ok"

# Two imports at once take turns: each wrote the same hidden names, and both failed with
# an empty inbox (attacker review). While one holds the inbox's lock, the other waits.
signed "$d" turn.bundle
flock "$inbox" -c "sleep 3" &
holder=$!
sleep 0.5
kioskctl import-usb "$d" --state-dir "$state" >"$SCRATCH/turn.out" 2>&1 &
waiter=$!
sleep 1.5
kill -0 $waiter 2>/dev/null || fail "the import did not wait for the inbox's lock: $(cat "$SCRATCH/turn.out")"
[ -z "$(ls -A "$inbox")" ] || fail "the import wrote while another held the lock: $(ls -A "$inbox")"
wait $holder
wait $waiter || fail "the waiting import failed: $(cat "$SCRATCH/turn.out")"
check_inbox turn.bundle turn.bundle.minisig
rm -f "$inbox"/* "$d"/*
for i in 1 2 3; do signed "$d" "same$i.bundle"; done
kioskctl import-usb "$d" --state-dir "$state" >"$SCRATCH/a.out" 2>&1 &
a=$!
kioskctl import-usb "$d" --state-dir "$state" >"$SCRATCH/b.out" 2>&1 &
b=$!
wait $a || fail "import A failed: $(cat "$SCRATCH/a.out")"
wait $b || fail "import B failed: $(cat "$SCRATCH/b.out")"
check_inbox same1.bundle same1.bundle.minisig same2.bundle same2.bundle.minisig same3.bundle same3.bundle.minisig
rm -f "$inbox"/* "$d"/*
echo "two imports at once: they take turns, both succeed: ok"

# The kiosk user's traps in its own state directory: a hidden name of the import's a
# link to a root file (it must be replaced, not written through), the inbox a link to a
# root directory (it must not be used, nor chowned).
signed "$d" trap.bundle
echo "ROOT FILE" >"$SCRATCH/victim"
ln -s "$SCRATCH/victim" "$inbox/.trap.bundle.minisig.part"
ln -s "$SCRATCH/victim" "$inbox/.trap.bundle.part"
chown -h nobody:nogroup "$inbox"/.trap.*
expect_exit 0 kioskctl import-usb "$d" --state-dir "$state"
[ "$(cat "$SCRATCH/victim")" = "ROOT FILE" ] || fail "the import wrote through the kiosk user's link"
check_inbox trap.bundle trap.bundle.minisig
rm -rf "$inbox"
mkdir -m 0700 "$SCRATCH/rootdir"
ln -s "$SCRATCH/rootdir" "$inbox"
expect_exit 2 kioskctl import-usb "$d" --state-dir "$state"
stderr_has "$inbox: not a directory"
[ -z "$(ls -A "$SCRATCH/rootdir")" ] || fail "the import wrote through the inbox link: $(ls -A "$SCRATCH/rootdir")"
[ "$(stat -c '%a %U' "$SCRATCH/rootdir")" = "700 root" ] || fail "the import changed the inbox link's target"
echo "the kiosk user's links in its state directory: not followed: ok"
echo "cli_usb_import: ok"
