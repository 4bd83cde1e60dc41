# The fleet client against a real nginx: publish, poll, install, an unchanged poll that
# costs one 304, a patch, and every way a server or a channel can go wrong (down, 404,
# 500, slow and cut mid-download then resumed, truncated, altered, wrong sizes, an
# untrusted key, a replayed, expired or other channel's manifest). After each failure
# the kiosk keeps what it had.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/nginx.sh"
trap 'stop_nginx; rm -rf "$SCRATCH"' EXIT
tree="$SCRATCH/tree" state="$SCRATCH/state" cfg="$SCRATCH/kiosk.toml"
mkdir -p "$state"
"$KIOSKCTL" keygen -p "$SCRATCH/k.pub" -s "$SCRATCH/k.sec" >/dev/null
"$KIOSKCTL" keygen -p "$SCRATCH/other.pub" -s "$SCRATCH/other.sec" >/dev/null
NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$cfg" <<CONF
[content]
state_dir = "$state"
[security]
trusted_keys = ["$(sed -n 2p "$SCRATCH/k.pub")"]
[fleet]
channels = ["http://127.0.0.1:$NGINX_PORT/channels/hall.toml"]
kiosk_id = "kiosk-1"
CONF

publish() { # publish N [ARGS]: version N of the tiny bundle on channel hall
  tiny_version "$1" "$SCRATCH/v$1.bundle"
  expect_exit 0 "$KIOSKCTL" publish "$SCRATCH/v$1.bundle" --channel hall --out "$tree" -s "$SCRATCH/k.sec" "${@:2}"
}
poll() { expect_exit "$1" "$KIOSKCTL" fleet poll --config "$cfg" "${@:2}"; }
said() { grep -qF -- "$1" "$SCRATCH/stdout" || fail "fleet poll did not say '$1': $(cat "$SCRATCH/stdout")"; }
current() {
  "$KIOSKCTL" status --config "$cfg" --json | python3 -c 'import json,sys; c=json.load(sys.stdin)["current"]; print(c["version"] if c else 0)'
}
expect_current() { [ "$(current)" = "$1" ] || fail "current version is $(current), expected $1"; }
bundle_of() { python3 -c 'import sys,tomllib; print(tomllib.load(open(sys.argv[1],"rb"))["bundle"]["sha256"])' "$tree/channels/hall.toml"; }
last_access() { tail -n 1 "$SCRATCH/nginx/access.log"; }
# resign FILE PYTHON: edits the manifest with a Python expression over its text `t` and signs it again.
resign() {
  python3 - "$tree/channels/hall.toml" "$2" <<'PY'
import sys
p, expr = sys.argv[1], sys.argv[2]
t = open(p).read()
open(p, "w").write(eval(expr))
PY
  "$KIOSKCTL" sign "$tree/channels/hall.toml" -s "$1" >/dev/null
}
serial() { python3 -c 'import sys,tomllib; print(tomllib.load(open(sys.argv[1],"rb"))["serial"])' "$tree/channels/hall.toml"; }
bump() { # bump [N]: the expression that raises the serial by N (1)
  local now next
  now=$(serial)
  next=$((now + ${1:-1}))
  echo "t.replace('serial = $now', 'serial = $next')"
}

# The server is down; then up, but the channel is not published yet.
poll 1
said "refused (network)"
start_nginx "$tree"
mkdir -p "$tree"
poll 1
said "the server answered 404"
expect_current 0

# Published: installed. Asked again: one 304 of a few hundred bytes.
publish 1
poll 0
said "installed version 1"
expect_current 1
poll 0
said "unchanged"
read -r status bytes _ < <(last_access)
[ "$status" = 304 ] || fail "an unchanged poll was answered $status, not 304: $(last_access)"
[ "$bytes" -lt 400 ] || fail "an unchanged poll cost $bytes bytes"
said "downloaded 0 bytes"

# Version 2 comes as a patch from version 1.
publish 2
poll 0
said "installed version 2 from channel hall (from a patch)"
size=$(stat -c %s "$tree/bundles/$(bundle_of).bundle")
got=$(sed -n 's/^downloaded \([0-9]*\) bytes$/\1/p' "$SCRATCH/stdout")
[ "$got" -lt $((size / 10)) ] || fail "the patch cost $got bytes of a $size-byte bundle"
expect_current 2

# A server that answers 500.
poll 1 --channel "$NGINX_URL/broken/channels/hall.toml"
said "the server answered 500"

# A slow server, cut mid-download; the next poll resumes where it stopped.
publish 3
rm "$tree"/patches/*
"$KIOSKCTL" fleet poll --config "$cfg" --channel "$NGINX_URL/slow/channels/hall.toml" >"$SCRATCH/slow.out" 2>&1 &
slow=$!
part="$state/fleet/downloads/$(bundle_of).bundle.part"
wait_until "the slow download to start" 20 test -s "$part"
sleep 1
stop_nginx
wait "$slow" && fail "a download cut off by the server was reported as a success"
grep -q "not installed" "$SCRATCH/slow.out" || fail "the cut download said: $(cat "$SCRATCH/slow.out")"
had=$(stat -c %s "$part")
[ "$had" -gt 0 ] && [ "$had" -lt "$size" ] || fail "the part file holds $had bytes"
expect_current 2
start_nginx "$tree"
poll 0
said "at byte $had"
said "installed version 3"
expect_current 3

# publish_cut N DIVISOR: version N published with no patch, its bundle on the server cut
# to 1/DIVISOR; the whole bundle is kept in $SCRATCH/whole and the path is in $bundle.
publish_cut() {
  publish "$1"
  rm "$tree"/patches/*
  bundle="$tree/bundles/$(bundle_of).bundle"
  cp "$bundle" "$SCRATCH/whole"
  head -c $((size / $2)) "$SCRATCH/whole" >"$bundle"
}

# Truncated on the server, then one byte altered, then whole again.
publish_cut 4 2
poll 1
said "of the $size bytes the manifest gives"
python3 -c 'import sys; b=bytearray(open(sys.argv[1],"rb").read()); b[-100]^=1; open(sys.argv[2],"wb").write(b)' "$SCRATCH/whole" "$bundle"
poll 1
said "does not have the sha256 the manifest gives"
expect_current 3
# The manifest says the bundle is one byte smaller than it is.
cp "$SCRATCH/whole" "$bundle"
resign "$SCRATCH/k.sec" "$(bump).replace('size = $size', 'size = $((size - 1))')"
poll 1
said "larger than the $((size - 1)) bytes the manifest gives"
expect_current 3

# Manifests that must be refused: an untrusted key, a replay (of one the kiosk has seen
# replaced), an unknown key, another channel's.
cp "$tree/channels/hall.toml" "$SCRATCH/old.toml"
cp "$tree/channels/hall.toml.minisig" "$SCRATCH/old.toml.minisig"
publish 4 # the true size again, serial one higher
poll 0
said "installed version 4"
resign "$SCRATCH/other.sec" "$(bump 5)"
poll 1
said "refused (signature)"
cp "$SCRATCH/old.toml" "$tree/channels/hall.toml"
cp "$SCRATCH/old.toml.minisig" "$tree/channels/hall.toml.minisig"
poll 1
said "refused (replay)"
resign "$SCRATCH/k.sec" "$(bump 10).replace('[rollout]', 'mirror = 1\n[rollout]')"
poll 1
said "bundle.mirror is not a key of a format 1 manifest"
resign "$SCRATCH/k.sec" "$(bump 1).replace('mirror = 1\n', '')\
.replace('published = ', 'published = 2019-12-01T00:00:00Z\n# ').replace('expires = ', 'expires = 2020-01-02T00:00:00Z\n# ')"
poll 1
said "refused (expired)"
resign "$SCRATCH/k.sec" "$(bump 11)"
tiny_version 4 "$SCRATCH/lobby.bundle"
expect_exit 0 "$KIOSKCTL" publish "$SCRATCH/lobby.bundle" --channel lobby --out "$tree" -s "$SCRATCH/k.sec"
cp "$tree/channels/lobby.toml" "$tree/channels/hall.toml"
cp "$tree/channels/lobby.toml.minisig" "$tree/channels/hall.toml.minisig"
poll 1
said "the manifest is channel 'lobby's, not 'hall's"
expect_current 4

# The channel published again, properly: installed.
rm "$tree/channels/hall.toml"* 
publish 5
poll 1 # its serial restarted at 1: a kiosk that saw more refuses it, as a replay
said "refused (replay)"
cp "$SCRATCH/old.toml" "$tree/channels/hall.toml"
publish 6
resign "$SCRATCH/k.sec" "$(bump 30)"
poll 0
said "installed version 6"
expect_current 6

# A server (or a proxy) that ignores ranges: the resumed download starts again and
# completes, instead of failing at every round.
publish_cut 7 3
poll 1
cp "$SCRATCH/whole" "$bundle"
poll 0 --channel "$NGINX_URL/norange/channels/hall.toml"
said "installed version 7"
grep -q "^200 " <(last_access) || fail "the range was not ignored: $(last_access)"
expect_current 7
