# kioskctl status lists what the inbox set aside (STATE/inbox-refused), newest first with
# the count, in text and JSON, escaped as the history is: a record edited by hand with a
# terminal escape in it cannot reach the terminal.
source "$(dirname "$0")/lib.sh"
state="$SCRATCH/state"
mkdir -p "$state/inbox"

# record N NAME REASON: the Nth set-aside, as the inbox writes it.
record() {
  touch "$state/inbox/$2.refused"
  printf '%s 0 2026-12-01T10:%02d:00Z %s: %s\n' "$1" "$1" "$2" "$3" >>"$state/inbox-refused"
}
record 1 old.bundle "the file does not match its signature"
record 2 link.bundle "not a regular file (a symbolic link); set aside as link.bundle.refused"
record 3 'two\nlines.bundle' "the file does not match its signature" # escaped when the inbox recorded it
printf '4 0 2026-12-01T10:04:00Z raw\033[2J.bundle: not signed\n' >>"$state/inbox-refused"
touch "$state/inbox/raw.bundle.refused"

expect_exit 0 "$KIOSKCTL" status --state-dir "$state"
sed -n '/^refused in the inbox/,/^history/p' "$SCRATCH/stdout" >"$SCRATCH/refused"
cat >"$SCRATCH/want" <<'TXT'
refused in the inbox: 4, newest first:
  2026-12-01T10:04:00Z raw\x1b[2J.bundle: not signed
  2026-12-01T10:03:00Z two\nlines.bundle: the file does not match its signature
  2026-12-01T10:02:00Z link.bundle: not a regular file (a symbolic link); set aside as link.bundle.refused
  2026-12-01T10:01:00Z old.bundle: the file does not match its signature
history (UTC):
TXT
diff "$SCRATCH/want" "$SCRATCH/refused" >"$SCRATCH/diff" || fail "status: $(cat "$SCRATCH/diff")"
grep -q $'\033' "$SCRATCH/stdout" && fail "status printed a terminal escape"

expect_exit 0 "$KIOSKCTL" status --state-dir "$state" --json
python3 - "$SCRATCH/stdout" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["refused"] == 4, s
assert s["refusals"] == [
    "2026-12-01T10:04:00Z raw\\x1b[2J.bundle: not signed",
    "2026-12-01T10:03:00Z two\\nlines.bundle: the file does not match its signature",
    "2026-12-01T10:02:00Z link.bundle: not a regular file (a symbolic link); set aside as link.bundle.refused",
    "2026-12-01T10:01:00Z old.bundle: the file does not match its signature",
], s["refusals"]
assert s["newest_refusal"] == s["refusals"][0], s
PY

# More than status lists: the count, and the newest ten.
for n in $(seq 5 14); do record "$n" "bad$n.bundle" "not signed"; done
expect_exit 0 "$KIOSKCTL" status --state-dir "$state"
grep -qx "refused in the inbox: 14; the newest 10, newest first:" "$SCRATCH/stdout" || fail "status: $(cat "$SCRATCH/stdout")"
[ "$(grep -c '^  2026-12-01T10:' "$SCRATCH/stdout")" = 10 ] || fail "status: $(cat "$SCRATCH/stdout")"
grep -q "^  2026-12-01T10:14:00Z bad14.bundle: not signed" "$SCRATCH/stdout" || fail "status: $(cat "$SCRATCH/stdout")"
grep -q "^  2026-12-01T10:0[1-4]:00Z" "$SCRATCH/stdout" && fail "status lists more than the newest ten: $(cat "$SCRATCH/stdout")"

# Nothing set aside: the count alone.
rm -f "$state/inbox-refused" "$state/inbox/"*.refused
expect_exit 0 "$KIOSKCTL" status --state-dir "$state"
grep -qx "refused in the inbox: 0" "$SCRATCH/stdout" || fail "status: $(cat "$SCRATCH/stdout")"
echo "cli_status: ok"
