# The operator panel, end to end with the real pointer: a 3-second press in the top-left
# corner opens the PIN keypad; a wrong PIN is refused; the PIN set with `kioskctl pin
# set` opens the panel, which names the key that signed the bundle and where it is
# trusted from; "leave for maintenance" exits with the status the service does not
# restart on (75).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/xdo.sh"

LOG="$SCRATCH/kiosk.stderr"
CONFIG="$SCRATCH/kiosk.toml"
# A signed copy of the tiny bundle and its key trusted: the panel names that key.
command -v minisign >/dev/null || fail "minisign is not installed (packaging/build-deps.txt)"
minisign -G -W -p "$SCRATCH/k.pub" -s "$SCRATCH/k.sec" </dev/null >/dev/null || fail "minisign -G failed"
KEY_ID=$(head -1 "$SCRATCH/k.pub" | awk '{ print $NF }')
BUNDLE="$SCRATCH/tiny.bundle"
cp "$TINY_BUNDLE" "$BUNDLE"
minisign -S -s "$SCRATCH/k.sec" -m "$BUNDLE" </dev/null >/dev/null || fail "minisign -S failed"
printf '[display]\nalternate_languages = false\n[security]\ntrusted_keys = ["%s"]\n' "$(tail -1 "$SCRATCH/k.pub")" \
  >"$CONFIG"
echo 2468 | "$KIOSKCTL" pin set --config "$CONFIG" >/dev/null || fail "kioskctl pin set failed"
grep -q '^pin_hash = "\$argon2id\$' "$CONFIG" || fail "no PIN hash in the configuration: $(cat "$CONFIG")"
grep -q 2468 "$CONFIG" && fail "the PIN itself reached the configuration"

# The keypad at 1920x1080: keys 168x112, 24 apart, the first row centred at y 388.
key() {  # key DIGIT|ok
  local col row
  case $1 in
    ok) col=2 row=3 ;;
    0) col=1 row=3 ;;
    *) col=$((($1 - 1) % 3)) row=$((($1 - 1) / 3)) ;;
  esac
  tap $((768 + col * 192)) $((388 + row * 136))
}
enter_pin() { for d in $(echo "$1" | grep -o .); do key "$d"; done; key ok; }

: >"$LOG"
"$KIOSK" --bundle "$BUNDLE" --windowed 1920x1080 --config "$CONFIG" </dev/null 2>"$LOG" &
pid=$!
STEP="first frame"
wait_for "first frame" 60
find_window

STEP="hold the top-left corner for 3 s"
mark
pointer_to 60 60
xdotool mousedown 1 sleep 3.5 mouseup 1
wait_for "scene operator-pin" 5

STEP="a wrong PIN"
mark
enter_pin 1111
sleep 1.5
if new_lines | grep -q "^scene operator$"; then step_fail "a wrong PIN opened the panel"; fi

STEP="the right PIN"
mark
enter_pin 2468
wait_for "scene operator" 10
wait_for "operator panel: tiny.bundle: signed by key $KEY_ID (security.trusted_keys)" 5

STEP="leave for maintenance"
tap 1179 944
wait_until "the kiosk to exit" 5 exited "$pid"
status=0
wait "$pid" || status=$?
pid=""
[ "$status" = 75 ] || step_fail "the kiosk exited with $status, not 75"
grep -q "leaving for maintenance" "$LOG" || step_fail "no log line for the maintenance exit"
echo "gl_operator_panel: ok"
