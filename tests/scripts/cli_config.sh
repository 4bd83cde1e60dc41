# kioskctl config check reports what the kiosk would log, naming file, line and key, and
# exits 1; the documented example and a good file pass. config get prints the value in
# effect, the default when the value is bad.
source "$(dirname "$0")/lib.sh"

# As shipped, the documented file trusts no key yet: check says so, and exits 1 until a
# key is pinned; then it has no problems.
expect_exit 1 "$KIOSKCTL" config check --config "$SOURCE_DIR/packaging/kiosk.toml"
stderr_has "kiosk.toml: security.trusted_keys: empty, so no key is trusted and every bundle is refused"
"$KIOSKCTL" keygen -p "$SCRATCH/k.pub" -s "$SCRATCH/k.sec" >/dev/null
mkdir "$SCRATCH/state"
sed -e "s|^trusted_keys = \[\]|trusted_keys = [\"$(tail -1 "$SCRATCH/k.pub")\"]|" \
  -e "s|^state_dir = .*|state_dir = \"$SCRATCH/state\"|" "$SOURCE_DIR/packaging/kiosk.toml" >"$SCRATCH/kiosk.toml"
expect_exit 0 "$KIOSKCTL" config check --config "$SCRATCH/kiosk.toml"
grep -q "kiosk.toml: no problems" "$SCRATCH/stdout" || fail "no verdict: $(cat "$SCRATCH/stdout")"

# A state directory that is not there, or is a file, is a problem (attacker review).
sed "s|^state_dir = .*|state_dir = \"$SCRATCH/nowhere\"|" "$SCRATCH/kiosk.toml" >"$SCRATCH/nowhere.toml"
expect_exit 1 "$KIOSKCTL" config check --config "$SCRATCH/nowhere.toml"
stderr_has "nowhere.toml: content.state_dir: $SCRATCH/nowhere does not exist"
: >"$SCRATCH/plain"
sed "s|^state_dir = .*|state_dir = \"$SCRATCH/plain\"|" "$SCRATCH/kiosk.toml" >"$SCRATCH/plain.toml"
expect_exit 1 "$KIOSKCTL" config check --config "$SCRATCH/plain.toml"
stderr_has "plain.toml: content.state_dir: $SCRATCH/plain is not a directory"

# No configuration file at all: the defaults trust no key, which is not "no problems".
if [ ! -e /etc/heping-kiosk/kiosk.toml ]; then
  expect_exit 1 "$KIOSKCTL" config check
  stderr_has "/etc/heping-kiosk/kiosk.toml: not there; the built-in defaults apply, and they trust no key: every bundle is refused"
fi

cat >"$SCRATCH/bad.toml" <<'TOML'
[display]
mode = "party"
rotation = 45
idle_timeout = 5

[security]
trusted_keys = ["RWQnot-base64!"]
pin_hash = "1234"
TOML
expect_exit 1 "$KIOSKCTL" config check --config "$SCRATCH/bad.toml"
stderr_has "bad.toml:2: display.mode: must be \"interactive\" or \"slideshow\""
stderr_has "bad.toml:3: display.rotation: must be 0, 90, 180 or 270"
stderr_has "bad.toml:4: display.idle_timeout:"
stderr_has "bad.toml: security.trusted_keys:"
stderr_has "no key is trusted"
stderr_has "bad.toml: security.pin_hash: not a hash from 'kioskctl pin set'; the operator panel stays locked"

expect_exit 1 "$KIOSKCTL" config check --config "$SCRATCH/missing.toml"
stderr_has "missing.toml: cannot read the configuration file"
# A directory read as an empty file, so nothing said why no key was trusted; a FIFO
# would have waited for a writer for ever.
mkdir "$SCRATCH/conf.d"
expect_exit 1 "$KIOSKCTL" config check --config "$SCRATCH/conf.d"
stderr_has "conf.d: is a directory, not a configuration file"
mkfifo "$SCRATCH/fifo.toml"
expect_exit 1 timeout 10 "$KIOSKCTL" config check --config "$SCRATCH/fifo.toml"
stderr_has "fifo.toml: is not a regular file"

printf '[display\n' >"$SCRATCH/syntax.toml"
expect_exit 1 "$KIOSKCTL" config check --config "$SCRATCH/syntax.toml"
stderr_has "syntax.toml:1:"

expect_exit 0 "$KIOSKCTL" config get display.rotation --config "$SCRATCH/bad.toml"
[ "$(cat "$SCRATCH/stdout")" = 0 ] || fail "a bad rotation must read as 0, got $(cat "$SCRATCH/stdout")"
printf '[display]\nrotation = 270\n' >"$SCRATCH/portrait.toml"
expect_exit 0 "$KIOSKCTL" config get display.rotation --config "$SCRATCH/portrait.toml"
[ "$(cat "$SCRATCH/stdout")" = 270 ] || fail "rotation: got $(cat "$SCRATCH/stdout")"
expect_exit 64 "$KIOSKCTL" config get colour --config "$SCRATCH/portrait.toml"
echo "cli_config: ok"
