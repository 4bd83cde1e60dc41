# The running kiosk's own fleet client: a release published on a channel that nginx
# serves is polled, downloaded, installed and swapped in without a restart; with the
# server gone the kiosk keeps showing it, and its status counts the errors. Its health
# textfile passes promtool's check, and a real node exporter serves it. A release that
# crashes the kiosk before it draws is rolled back by the restarted kiosk on its own, and
# only a newer one is installed after it.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/nginx.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"
state="$SCRATCH/state" tree="$SCRATCH/tree" cfg="$SCRATCH/kiosk.toml"
mkdir -p "$state" "$tree" "$SCRATCH/textfiles"
prom="$SCRATCH/textfiles/heping_kiosk.prom"
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
[metrics]
textfile = "$prom"
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
trap "kill $pid \${exporter:-} 2>/dev/null || true; wait $pid 2>/dev/null || true; stop_nginx; rm -rf \"\$SCRATCH\"" EXIT
wait_log "first frame" 20
wait_log "fleet: polling 1 channel(s) every 0.05 min as kiosk-e2e" 5

publish 2
wait_log "fleet: installed version 2 from channel hall (from a patch)" 20
wait_log "hot swap: showing tiny-test-v2-.* (version 2)" 10
wait_until "the textfile to show version 2" 10 grep -q '^heping_kiosk_bundle_version 2$' "$prom"
promtool check metrics <"$prom" || fail "promtool refused the textfile: $(cat "$prom")"
[ "$(stat -c %a "$prom")" = 644 ] || fail "the textfile's mode is $(stat -c %a "$prom"), not 644"
exporter_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
prometheus-node-exporter --collector.disable-defaults --collector.textfile \
  --collector.textfile.directory="$SCRATCH/textfiles" --web.listen-address="127.0.0.1:$exporter_port" \
  2>"$SCRATCH/exporter.log" &
exporter=$!
scrape() { python3 -c 'import sys,urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())' \
  "http://127.0.0.1:$exporter_port/metrics" >"$SCRATCH/scrape" 2>/dev/null; }
wait_until "the node exporter to answer" 10 scrape
grep -q '^heping_kiosk_info{bundle_id="tiny-test",bundle_version="2",kiosk_id="kiosk-e2e"} 1$' "$SCRATCH/scrape" ||
  fail "the node exporter does not serve the kiosk's metrics: $(grep heping "$SCRATCH/scrape")"
grep -q 'node_textfile_scrape_error 0' "$SCRATCH/scrape" || fail "the exporter could not read the textfile"
kill $exporter

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

# A release that crashes the screen: restarted as systemd would (Restart=always), the
# kiosk gives it two starts, rolls back to version 2 and keeps it; version 4 then lands.
kill $pid
wait $pid 2>/dev/null || true
start_nginx "$tree"
restarts="$SCRATCH/restarting"
touch "$restarts"
(
  while [ -e "$restarts" ]; do
    KIOSK_INJECT_CRASH_ON_VERSION=3 "$KIOSK" --config "$cfg" --windowed 960x540 2>>"$SCRATCH/log" &
    echo $! >"$SCRATCH/kiosk.pid"
    wait $! || true
    sleep 0.2
  done
) &
loop=$!
stop_loop() {
  rm -f "$restarts"
  kill "$(cat "$SCRATCH/kiosk.pid" 2>/dev/null)" 2>/dev/null || true
  wait "$loop" 2>/dev/null || true
}
trap 'stop_loop; kill ${exporter:-} 2>/dev/null || true; stop_nginx; rm -rf "$SCRATCH"' EXIT
publish 3
wait_log "injected crash before drawing version 3" 20
wait_log "fleet: version 3 was started 2 times without drawing a frame; rolled back" 60
wait_log "showing tiny-test-v2-.* (version 2)\|first frame" 20
"$KIOSKCTL" status --config "$cfg" --json >"$SCRATCH/status.json"
python3 - "$SCRATCH/status.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["current"]["version"] == 2, s
assert s["fleet"]["last_rollback_version"] == 3, s["fleet"]
PY
grep -q "^3$" "$state/fleet/never-install" || fail "version 3 is not marked never to install again"
publish 4
wait_log "hot swap: showing tiny-test-v4-.* (version 4)" 30
wait_until "the textfile to show the rollback" 10 grep -q '^heping_kiosk_fleet_last_rollback_version 3$' "$prom"
stop_loop
grep "fleet" "$SCRATCH/log"
