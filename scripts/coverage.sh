#!/usr/bin/env bash
# Line coverage of the unit and end-to-end tests, per layer (kiosk/<layer>/), with gcovr.
# Builds build-cov/ (Debug, --coverage), runs the whole suite there against one Xvfb, and
# prints one table; --html DIR also writes gcovr's per-file report. The figures quoted in
# docs/reliability.md come from this script. Exits non-zero if a test fails.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
html=""
[ "${1:-}" = "--html" ] && html=${2:?--html needs a directory}
"$here/scripts/setup.sh"
dir=$here/build-cov
"$here/scripts/build.sh" "$dir" -DKIOSK_COVERAGE=ON -DCMAKE_BUILD_TYPE=Debug -DKIOSK_BENCH=OFF
find "$dir" -name '*.gcda' -delete
source "$here/scripts/xvfb.sh"
start_xvfb
status=0
ctest --test-dir "$dir" --output-on-failure --parallel 2 || status=1
cd "$here"
[ -n "$html" ] && mkdir -p "$html"  # gcovr writes into the directory, it does not make it
gcovr --root "$here" --filter 'kiosk/' --json-summary "$dir/coverage.json" \
  ${html:+--html-details "$html/index.html"} "$dir" >/dev/null
python3 - "$dir/coverage.json" <<'PY'
import json, sys, collections
files = json.load(open(sys.argv[1]))["files"]
layers = collections.defaultdict(lambda: [0, 0])
for f in files:
    layer = f["filename"].split("/")[1]
    layers[layer][0] += f["line_covered"]
    layers[layer][1] += f["line_total"]
print("| layer | lines covered | lines | coverage |")
print("|---|---:|---:|---:|")
for name, (covered, total) in sorted(layers.items()):
    print(f"| `{name}` | {covered} | {total} | {100 * covered / total:.1f}% |")
covered = sum(v[0] for v in layers.values()); total = sum(v[1] for v in layers.values())
print(f"| all | {covered} | {total} | {100 * covered / total:.1f}% |")
PY
exit $status
