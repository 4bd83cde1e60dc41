# The packaged alert rules are valid, and fire as docs/fleet.md says: promtool's own unit
# tests of them (tests/data/prometheus-rules-test.yml) over made-up series.
source "$(dirname "$0")/lib.sh"
command -v promtool >/dev/null || fail "promtool is not installed (Debian's prometheus package, packaging/build-deps.txt)"
cp "$SOURCE_DIR/packaging/prometheus/heping-kiosk.rules.yml" "$SOURCE_DIR/tests/data/prometheus-rules-test.yml" "$SCRATCH/"
cd "$SCRATCH"
promtool check rules heping-kiosk.rules.yml >"$SCRATCH/out" 2>&1 || fail "promtool check rules: $(cat "$SCRATCH/out")"
promtool test rules prometheus-rules-test.yml >"$SCRATCH/out" 2>&1 || fail "promtool test rules: $(cat "$SCRATCH/out")"
# Each alert the docs show is in the rules file, and each rule is in the docs.
for alert in $(sed -n 's/^ *- alert: //p' heping-kiosk.rules.yml); do
  grep -q "alert: $alert\$" "$SOURCE_DIR/docs/fleet.md" || fail "docs/fleet.md does not show the rule $alert"
done
