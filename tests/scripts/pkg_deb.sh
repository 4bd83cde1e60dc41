# The Debian package, for real, on this machine (root only; it installs and purges):
# its contents, Depends, conffiles and lintian; the install (user, state directory,
# enabled unit, the machine's kiosk settings) and `systemd-analyze verify`; the installed
# kiosk's screenshot from the installed bundle; both units' `systemd-analyze security`
# exposure at 4.0 or below; the session in cage (headless, through Xwayland) with the
# notify protocol and the kiosk's exit status passed through, under the unit's
# restrictions that can be reproduced without systemd as PID 1 (no capabilities,
# no_new_privs, umask 0077, its own hostname namespace, a read-only file system but its
# state, cache and runtime directories); a USB stick's signed bundle reaching the inbox
# under the import unit's reproducible restrictions (its three capabilities, no network,
# private mounts and /tmp, a read-only file system but the state directory), its link to
# /etc/shadow refused, and the kiosk installing the bundle; an upgrade that keeps state
# and configuration edits; and a purge that removes them. (The system-call filter, the
# address families, IPAddressDeny=, the device ACL, ProtectProc=, ProtectClock= and the
# kernel protections need systemd to apply them: not reproduced here.)
source "$(dirname "$0")/lib.sh"

DEB=$(ls "$DEB_DIR"/heping-kiosk_*_amd64.deb 2>/dev/null | head -n 1 || true)
if [ -z "$DEB" ]; then
  [ -z "${KIOSK_REQUIRE_DEB:-}" ] || fail "no package in $DEB_DIR: scripts/build-deb.sh builds it"
  echo "skipped: no package in $DEB_DIR (scripts/build-deb.sh builds it)"
  exit 77
fi
if [ "$(id -u)" != 0 ]; then
  [ -z "${KIOSK_REQUIRE_DEB:-}" ] || fail "the package test installs the package: it needs root"
  echo "skipped: the package test installs the package, and needs root"
  exit 77
fi
dpkg -s heping-kiosk >/dev/null 2>&1 && fail "heping-kiosk is installed on this machine; this test installs and purges it"
[ ! -e /etc/systemd/system/ctrl-alt-del.target ] || fail "ctrl-alt-del.target is already set here; the test checks the package masks it"
# Not in /tmp: the session gets a /tmp of its own, as PrivateTmp= gives it.
RUNDIR=$(mktemp -d /run/pkg-session.XXXXXX)
cleanup() {
  pkill -KILL -u heping-kiosk 2>/dev/null || true
  [ -z "${listener:-}" ] || kill "$listener" 2>/dev/null || true
  dpkg -s heping-kiosk >/dev/null 2>&1 && apt-get purge -y -qq heping-kiosk >/dev/null 2>&1
  rm -rf "$SCRATCH" "$RUNDIR"
}
trap cleanup EXIT

install_package() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >"$SCRATCH/apt" 2>&1 ||
    fail "installing $1 failed: $(cat "$SCRATCH/apt")"
}
# upgrade_to VERSION: the same package, repacked with a higher version, installed over it.
upgrade_to() {
  dpkg-deb -R "$DEB" "$SCRATCH/repack"
  sed -i "s/^Version: .*/Version: $1/" "$SCRATCH/repack/DEBIAN/control"
  dpkg-deb -b "$SCRATCH/repack" "$SCRATCH/heping-kiosk_$1_amd64.deb" >/dev/null
  install_package "$SCRATCH/heping-kiosk_$1_amd64.deb"
}
start_notify_listener() {
  chmod 0755 "$RUNDIR"
  install -d -o heping-kiosk -m 0700 "$RUNDIR/xdg" "$RUNDIR/run"
  NOTIFY_LOG=$RUNDIR/notify.log
  python3 "$(dirname "$0")/notify_listener.py" "$RUNDIR/notify.sock" "$NOTIFY_LOG" &
  listener=$!
  wait_until --alive $listener "the notify listener" 5 in_file listening "$NOTIFY_LOG"
}

# --- contents --------------------------------------------------------------------
contents=$(dpkg-deb -c "$DEB" | awk '{ print $6 }')
for f in ./usr/bin/heping-kiosk ./usr/bin/kioskctl ./usr/share/heping-kiosk/report.bundle \
  ./etc/heping-kiosk/kiosk.toml ./etc/pam.d/heping-kiosk ./lib/systemd/system/heping-kiosk.service \
  ./lib/systemd/system/heping-kiosk-usb@.service ./lib/udev/rules.d/90-heping-kiosk-usb.rules \
  ./usr/lib/heping-kiosk/heping-kiosk-session ./usr/lib/heping-kiosk/heping-kiosk-usb-import \
  ./usr/lib/systemd/logind.conf.d/heping-kiosk.conf ./usr/lib/systemd/journald.conf.d/heping-kiosk.conf \
  ./usr/lib/systemd/system.conf.d/heping-kiosk.conf ./usr/lib/sysctl.d/90-heping-kiosk.conf \
  ./usr/share/heping-kiosk/touch-rotation/90.rules ./usr/share/doc/heping-kiosk/install.md \
  ./usr/share/heping-kiosk/prometheus/heping-kiosk.rules.yml \
  ./usr/share/doc/heping-kiosk/copyright ./usr/share/doc/heping-kiosk/changelog.gz \
  ./usr/share/man/man1/heping-kiosk.1.gz ./usr/share/man/man1/kioskctl.1.gz; do
  grep -qxF "$f" <<<"$contents" || fail "the package lacks $f"
done
depends=$(dpkg-deb -f "$DEB" Depends)
# Computed by dpkg-shlibdeps from the binaries, plus the session's runtime packages.
for d in libsqlite3-0 libglfw3 libicu72 libsodium23 libsystemd0 libfreetype6 libharfbuzz-subset0 cage xwayland; do
  grep -qE "(^|, )$d( |,|$)" <<<"$depends" || fail "Depends lacks $d: $depends"
done
conffiles=$(dpkg-deb --ctrl-tarfile "$DEB" | tar -xOf - ./conffiles)
grep -qx /etc/heping-kiosk/kiosk.toml <<<"$conffiles" || fail "kiosk.toml is not a conffile: $conffiles"
dpkg-deb --fsys-tarfile "$DEB" | tar -xf - -C "$SCRATCH" ./usr/bin/heping-kiosk
file "$SCRATCH/usr/bin/heping-kiosk" | grep -q ", stripped" || fail "heping-kiosk is not stripped"
ls "$(dirname "$DEB")"/heping-kiosk-dbgsym_*.deb >/dev/null || fail "no -dbgsym package beside $DEB"
lintian --allow-root --fail-on error,warning "$(dirname "$DEB")"/heping-kiosk_*.changes >"$SCRATCH/lintian" 2>&1 ||
  fail "lintian reports errors or warnings: $(cat "$SCRATCH/lintian")"
echo "contents, Depends, conffiles, stripping and lintian (no errors, no warnings): ok"

# --- install ----------------------------------------------------------------------
install_package "$DEB"
getent passwd heping-kiosk >/dev/null || fail "no heping-kiosk user"
[ "$(stat -c %U /var/lib/heping-kiosk)" = heping-kiosk ] || fail "the state directory is not the kiosk's"
[ "$(stat -c %U /var/cache/heping-kiosk)" = heping-kiosk ] || fail "the cache directory is not the kiosk's"
[ -L /etc/systemd/system/graphical.target.wants/heping-kiosk.service ] || fail "the service is not enabled"
[ "$(readlink /etc/systemd/system/ctrl-alt-del.target)" = /dev/null ] || fail "ctrl-alt-del.target is not masked"
systemd-analyze verify /lib/systemd/system/heping-kiosk.service >"$SCRATCH/verify" 2>&1 ||
  fail "systemd-analyze verify: $(cat "$SCRATCH/verify")"
systemd-analyze verify /lib/systemd/system/heping-kiosk-usb@sdz1.service >"$SCRATCH/verify" 2>&1 ||
  fail "systemd-analyze verify (usb): $(cat "$SCRATCH/verify")"
# As installed, no key is pinned yet: check says so until the technician adds one.
expect_exit 1 kioskctl config check
stderr_has "security.trusted_keys: empty, so no key is trusted and every bundle is refused"
echo "install, user, state directory, enabled unit, systemd-analyze verify: ok"

# --- the units' sandboxing: systemd-analyze security ------------------------------------
exposure() {  # exposure UNITFILE: the overall exposure level systemd-analyze gives it
  systemd-analyze security --offline=true "$1" >"$SCRATCH/security" 2>&1 ||
    fail "systemd-analyze security $1: $(cat "$SCRATCH/security")"
  sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\) .*/\1/p' "$SCRATCH/security"
}
for unit in heping-kiosk.service heping-kiosk-usb@.service; do
  level=$(exposure "/lib/systemd/system/$unit")
  [ -n "$level" ] || fail "no exposure level for $unit: $(cat "$SCRATCH/security")"
  awk -v l="$level" 'BEGIN { exit !(l <= 4.0) }' || fail "$unit is exposed at $level (at most 4.0): $(grep "✗" "$SCRATCH/security")"
  echo "$unit: exposure $level"
done
# ProtectClock= must not have closed the kiosk's devices (the screen, touch, the console):
# an implied DeviceAllow=char-rtc would (systemd before 252's fix).
exposure /lib/systemd/system/heping-kiosk.service >/dev/null
grep -q "DeviceAllow=.*Service has no device ACL" "$SCRATCH/security" ||
  fail "the kiosk's unit restricts devices: $(grep DeviceAllow= "$SCRATCH/security")"
echo "both units at exposure 4.0 or below; the kiosk's devices left open: ok"

# --- the installed kiosk shows the installed bundle -----------------------------------
expect_exit 0 /usr/bin/heping-kiosk --screenshot "$SCRATCH/installed.png" --size 1920x1080 --at 3
stderr_has "first frame"
"$KIOSK" --bundle "$REPORT_BUNDLE" --screenshot "$SCRATCH/built.png" --size 1920x1080 --at 3 2>/dev/null
"$IMGDIFF" "$SCRATCH/built.png" "$SCRATCH/installed.png" >/dev/null ||
  fail "the installed kiosk's screenshot differs from the report bundle's"
echo "installed kiosk renders the installed report bundle: ok"

# --- the session: cage, Xwayland, notify, exit status ---------------------------------
# confined RW_DIR... -- SETPRIV_ARGS... -- CMD...: CMD in namespaces of its own (mounts,
# hostname, IPC, and with PRIVATE_NETWORK=1 the network), with a /tmp of its own
# (PrivateTmp=), the file system read-only but RW_DIRs and /tmp, umask 0077, through
# setpriv with SETPRIV_ARGS and no_new_privs: what of the units' sandboxing can be had
# without systemd as PID 1.
confined() {
  local rw=() priv=()
  while [ "$1" != -- ]; do rw+=("$1"); shift; done
  shift
  while [ "$1" != -- ]; do priv+=("$1"); shift; done
  shift
  local net=()
  [ -z "${PRIVATE_NETWORK:-}" ] || net=(--net)
  # shellcheck disable=SC2016
  unshare --mount --propagation slave --uts --ipc "${net[@]}" -- bash -c '
    set -e
    n=$1; shift
    for d in "${@:1:$n}"; do mount --bind "$d" "$d"; done
    shift "$n"
    mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs /tmp
    mount -o remount,bind,ro /
    umask 0077
    exec setpriv --no-new-privs --inh-caps=-all "$@"' confined "${#rw[@]}" "${rw[@]}" "${priv[@]}" "$@"
}
run_session() {  # run_session LOG ARGS...: the installed session as the kiosk's user, headless
  local log=$1
  shift
  # XDG_CACHE_HOME as the unit sets it; no capabilities (CapabilityBoundingSet=).
  confined /var/lib/heping-kiosk /var/cache/heping-kiosk "$RUNDIR" -- \
    --reuid heping-kiosk --regid heping-kiosk --init-groups --bounding-set=-all -- \
    env HOME=/var/lib/heping-kiosk USER=heping-kiosk LOGNAME=heping-kiosk \
    XDG_RUNTIME_DIR="$RUNDIR/xdg" RUNTIME_DIRECTORY="$RUNDIR/run" \
    XDG_CACHE_HOME=/var/cache/heping-kiosk WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
    NOTIFY_SOCKET="$RUNDIR/notify.sock" WATCHDOG_USEC=4000000 WATCHDOG_PID=$$ \
    /usr/lib/heping-kiosk/heping-kiosk-session "$@" >"$log" 2>&1
}
start_notify_listener
run_session "$SCRATCH/session.log" &
session=$!
WAIT_INTERVAL=0.5 wait_until --show "$SCRATCH/session.log" "READY=1 from the session" 60 in_file " READY=1$" "$NOTIFY_LOG"
heartbeats() { [ "$(grep -c " WATCHDOG=1$" "$NOTIFY_LOG")" -ge 3 ]; }
wait_until --show "$NOTIFY_LOG" "three watchdog heartbeats through cage" 5 heartbeats
grep -q "first frame" "$SCRATCH/session.log" || fail "the kiosk in cage drew no frame"
# What the next start reuses: the baked atlas and Mesa's compiled shaders.
ls /var/cache/heping-kiosk/atlas-*.bin >/dev/null 2>&1 || fail "no baked atlas kept: $(ls -la /var/cache/heping-kiosk)"
[ -d /var/cache/heping-kiosk/mesa_shader_cache ] || fail "Mesa's shader cache is elsewhere: $(ls -la /var/cache/heping-kiosk)"
# As systemd stops a unit: SIGTERM to every process of it (here, all of the kiosk's user).
pkill -TERM -u heping-kiosk || true
wait "$session" 2>/dev/null || true
session=""
expect_exit 2 run_session "$SCRATCH/session-bad.log" --bundle /nonexistent.bundle
grep -q "nonexistent.bundle" "$SCRATCH/session-bad.log" || fail "the kiosk's error did not reach the log"
echo "session in cage (confined as its unit): READY, $(grep -c " WATCHDOG=1$" "$NOTIFY_LOG") heartbeats, the kiosk's exit status 2 passed through: ok"

# --- a USB stick's signed bundle --------------------------------------------------------
kioskctl keygen -p "$SCRATCH/k.pub" -s "$SCRATCH/k.sec" >/dev/null
mkdir "$SCRATCH/stick"
cp "$TINY_BUNDLE" "$SCRATCH/stick/update.bundle"
kioskctl sign "$SCRATCH/stick/update.bundle" -s "$SCRATCH/k.sec" >/dev/null
cp "$TINY_BUNDLE" "$SCRATCH/stick/unsigned.bundle"
# The issue's attack: the shadow file by a link (more hostile sticks: cli_usb_import.sh).
ln -s /etc/shadow "$SCRATCH/stick/evil.bundle"
cp "$SCRATCH/stick/update.bundle.minisig" "$SCRATCH/stick/evil.bundle.minisig"
mke2fs -q -t ext4 -d "$SCRATCH/stick" "$SCRATCH/stick.img" 8M
# A read-only block device, as udev's /dev/sdXN; the import as the unit runs it: its
# capabilities only (CapabilityBoundingSet=), no network, its own mounts and /tmp, the
# file system read-only but the state directory.
stick_dev=$(losetup -f --show -r "$SCRATCH/stick.img")
import_usb() {
  PRIVATE_NETWORK=1 confined /var/lib/heping-kiosk -- --bounding-set=-all,+sys_admin,+dac_override,+chown -- \
    /usr/lib/heping-kiosk/heping-kiosk-usb-import "$@"
}
expect_exit 1 import_usb "$stick_dev"
losetup -d "$stick_dev"
stderr_has "unsigned.bundle has no signature"
stderr_has "evil.bundle is a symbolic link, which is never followed; evil.bundle not copied"
grep -q "^1 signed bundle(s) copied into /var/lib/heping-kiosk/inbox; 1 refused$" "$SCRATCH/stdout" ||
  fail "usb import: $(cat "$SCRATCH/stdout")"
grep -q "$stick_dev" /proc/mounts && fail "the stick is still mounted"
[ ! -e /var/lib/heping-kiosk/inbox/evil.bundle ] || fail "the stick's link to /etc/shadow reached the inbox"
for f in update.bundle update.bundle.minisig; do
  [ "$(stat -c '%U %a' "/var/lib/heping-kiosk/inbox/$f")" = "heping-kiosk 600" ] ||
    fail "inbox's $f is $(stat -c '%U %a' "/var/lib/heping-kiosk/inbox/$f"), not the kiosk's with mode 600"
done
# The kiosk trusts the operators' key (an edit of the conffile, kept across the upgrade below).
sed -i "s|^trusted_keys = \[\]|trusted_keys = [\"$(sed -n 2p "$SCRATCH/k.pub")\"]|" /etc/heping-kiosk/kiosk.toml
runuser -u heping-kiosk -- /usr/bin/heping-kiosk --windowed 640x360 2>"$SCRATCH/kiosk.log" &
kiosk=$!
stick_installed() { kioskctl status 2>/dev/null | grep -q "^current: .*\.bundle"; }
WAIT_INTERVAL=0.5 wait_until --show "$SCRATCH/kiosk.log" "the kiosk to install the stick's bundle" 30 stick_installed
kill -TERM $kiosk
wait $kiosk || true
kioskctl status >"$SCRATCH/status" 2>&1
grep -q "^current: .*\.bundle" "$SCRATCH/status" || fail "the kiosk did not install the stick's bundle: $(cat "$SCRATCH/status") $(cat "$SCRATCH/kiosk.log")"
echo "USB stick (confined as its unit): signed bundle copied read-only, mode 600, a link to /etc/shadow refused, installed by the kiosk: ok"

# --- upgrade keeps state and configuration edits; purge removes them ----------------
before=$(kioskctl status | grep "^current: ")
upgrade_to 0.1.1
[ "$(dpkg-query -W -f='${Version}' heping-kiosk)" = 0.1.1 ] || fail "the upgrade did not happen"
grep -q "trusted_keys = \[\"RW" /etc/heping-kiosk/kiosk.toml || fail "the upgrade lost the configuration edit"
[ "$(kioskctl status | grep "^current: ")" = "$before" ] || fail "the upgrade lost the installed bundle"
echo "upgrade to 0.1.1 kept the configuration edit and the installed bundle: ok"
apt-get purge -y -qq heping-kiosk >/dev/null 2>&1 || fail "purge failed"
for gone in /etc/heping-kiosk /var/lib/heping-kiosk /var/cache/heping-kiosk /usr/bin/heping-kiosk /etc/systemd/system/ctrl-alt-del.target; do
  [ ! -e "$gone" ] && [ ! -L "$gone" ] || fail "purge left $gone"
done
echo "purge removed configuration, state, cache and the Ctrl+Alt+Del mask: ok"
echo "pkg_deb: ok"
