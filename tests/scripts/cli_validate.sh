# kioskctl validate and info on good and bad bundles; the kiosk refuses a bundle whose
# font is damaged with a clear message, never a broken screen.
source "$(dirname "$0")/lib.sh"

expect_exit 0 "$KIOSKCTL" validate "$TINY_BUNDLE"
grep -q ": ok$" "$SCRATCH/stdout" || fail "validate printed: $(cat "$SCRATCH/stdout")"

# --report-sha256 holds the bundle to a report the operator knows.
report=$(sha256sum "$SOURCE_DIR/tests/data/tiny/source/report.txt" | cut -d' ' -f1)
expect_exit 0 "$KIOSKCTL" validate --report-sha256 "$report" "$TINY_BUNDLE"
other=$(printf '%064d' 0)
expect_exit 1 "$KIOSKCTL" validate --report-sha256 "$other" "$TINY_BUNDLE"
stderr_has "source document: the report it carries has sha256 $report, not $other, the report it must be built from"
expect_exit 64 "$KIOSKCTL" validate --report-sha256 "${report^^}" "$TINY_BUNDLE"
stderr_has "--report-sha256 must be 64 lowercase hexadecimal digits"
expect_exit 64 "$KIOSKCTL" validate "$TINY_BUNDLE" --report-sha256
expect_exit 64 "$KIOSKCTL" validate "$TINY_BUNDLE" "$TINY_BUNDLE"
stderr_has "validate: unexpected argument"

: >"$SCRATCH/empty.bundle"
expect_exit 1 "$KIOSKCTL" validate "$SCRATCH/empty.bundle"
stderr_has "$SCRATCH/empty.bundle: not a content bundle"

cp "$TINY_BUNDLE" "$SCRATCH/damaged.bundle"
python3 - "$SCRATCH/damaged.bundle" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE font SET bytes = zeroblob(4000) WHERE role = 'bold'")
db.execute("UPDATE item SET title_en = CAST(x'C3' AS TEXT) WHERE id = 'gdp-growth'")
db.commit()
PY
expect_exit 1 "$KIOSKCTL" validate "$SCRATCH/damaged.bundle"
stderr_has "font 'bold': its bytes do not match their recorded sha256 (damaged)"
stderr_has "item 'gdp-growth' title_en: not valid UTF-8 at byte 0"
stderr_has "is not a bundle the kiosk will show (2 problem(s))"

# The kiosk's quick open passes this bundle; its font then fails to load, and it says so.
expect_exit 2 "$KIOSK" --bundle "$SCRATCH/damaged.bundle" --screenshot "$SCRATCH/x.png"
stderr_has "$SCRATCH/damaged.bundle: the bundle's font could not be read by FreeType"
[ ! -e "$SCRATCH/x.png" ] || fail "a screenshot was written from a broken bundle"

# Every text column is checked: its format, and no NUL, named by row and column.
cp "$TINY_BUNDLE" "$SCRATCH/texts.bundle"
python3 - "$SCRATCH/texts.bundle" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE category SET accent = 'red' WHERE id = 'highlights'")
db.execute("UPDATE item SET title_en = 'a' || char(0) || 'b' WHERE id = 'gdp-growth'")
db.commit()
PY
expect_exit 1 "$KIOSKCTL" validate "$SCRATCH/texts.bundle"
stderr_has "category 'highlights' accent: 'red' is not #RRGGBB"
stderr_has "item 'gdp-growth' title_en: the control character U+0000 at byte 1"
stderr_has "is not a bundle the kiosk will show (2 problem(s))"

expect_exit 0 "$KIOSKCTL" synth --items 300 --images 4 -o "$SCRATCH/synth.bundle"
expect_exit 0 "$KIOSKCTL" validate "$SCRATCH/synth.bundle"
expect_exit 0 "$KIOSKCTL" info --json "$SCRATCH/synth.bundle"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["counts"]["item"]==300 and d["counts"]["image"]==4, d' "$SCRATCH/stdout"
expect_exit 64 "$KIOSKCTL" synth --items lots -o "$SCRATCH/y.bundle"

# info gives the build time as a UTC date, the same instant as the JSON's epoch seconds.
expect_exit 0 "$KIOSKCTL" info "$TINY_BUNDLE"
built=$(sed -n 's/^built: \([^ ]*\) by kioskctl .*/\1/p' "$SCRATCH/stdout")
[[ $built =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$ ]] || fail "info: built is '$built': $(cat "$SCRATCH/stdout")"
expect_exit 0 "$KIOSKCTL" info --json "$TINY_BUNDLE"
python3 -c 'import json,sys,datetime; d=json.load(open(sys.argv[1])); assert datetime.datetime.fromtimestamp(d["built_at"], datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") == d["built_at_utc"] == sys.argv[2], d' "$SCRATCH/stdout" "$built"
echo "cli_validate: ok"
