# The running kiosk's own fleet client: a release published on a channel that nginx
# serves is polled, downloaded, installed and swapped in without a restart; with the
# server gone the kiosk keeps showing it, and its status counts the errors.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/nginx.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"
state="$SCRATCH/state" tree="$SCRATCH/tree" cfg="$SCRATCH/kiosk.toml"
mkdir -p "$state" "$tree"
"$KIOSKCTL" keygen -p "$SCRATCH/k.pub" -s "$SCRATCH/k.sec" >/dev/null
start_nginx "$tree"
cat >"$cfg" <<TOML
[content]
state_dir = "$state"
[security]
trusted_keys = ["$(tail -1 "$SCRATCH/k.pub")"]
[fleet]
channels = ["$NGINX_URL/channels/hall.toml"]
kiosk_id = "kiosk-e2e"
poll_minutes = 0.05
TOML
publish() {
  tiny_version "$1" "$SCRATCH/v$1.bundle"
  "$KIOSKCTL" publish "$SCRATCH/v$1.bundle" --channel hall --out "$tree" -s "$SCRATCH/k.sec" >/dev/null ||
    fail "publish $1"
}
publish 1
"$KIOSKCTL" fleet poll --config "$cfg" >/dev/null || fail "the first poll, by hand"
"$KIOSK" --config "$cfg" --windowed 960x540 2>"$SCRATCH/log" &
pid=$!
trap "kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; stop_nginx; rm -rf \"\$SCRATCH\"" EXIT
wait_log "first frame" 20
wait_log "fleet: polling 1 channel(s) every 0.05 min as kiosk-e2e" 5

publish 2
wait_log "fleet: installed version 2 from channel hall (from a patch)" 20
wait_log "hot swap: showing tiny-test-v2-.* (version 2)" 10

stop_nginx
wait_log "fleet: channel .*hall.toml: .*Couldn't connect\|fleet: channel .*hall.toml: .*connect" 20
kill -0 $pid || fail "the kiosk died: $(cat "$SCRATCH/log")"
[ "$(grep -c '^first frame' "$SCRATCH/log")" = 1 ] || fail "the kiosk restarted instead of swapping"
"$KIOSKCTL" status --config "$cfg" --json >"$SCRATCH/status.json"
python3 - "$SCRATCH/status.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["current"]["version"] == 2, s
f = s["fleet"]
assert f["last_install_version"] == 2 and f["errors"].get("network", 0) >= 1, f
assert f["consecutive_failures"] >= 1 and "127.0.0.1" in f["last_error"], f
PY
grep "fleet" "$SCRATCH/log"
