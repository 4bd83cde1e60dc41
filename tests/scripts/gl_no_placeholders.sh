# The GL scene walk of the report bundle: the real kiosk renders every category, the
# detail of every item that is not a figure (the layouts that may take a picture; a
# figure's detail leads with its number) and the attract loop on each slide that is not
# a figure, in landscape. The views note each placeholder they draw, and the screenshot
# says so ("placeholder for ..."): on the report bundle it must never. (Portrait takes
# the same pictures; the headless walk, unit test "no placeholders", draws every screen
# in both orientations.) The placeholder stays as the defence for a bundle that lacks a
# picture: with one picture broken in a copy of the bundle, the walk's check sees it.
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"
[ -f "${REPORT_BUNDLE:-}" ] || fail "no report bundle at '${REPORT_BUNDLE:-}' (build the report_bundle target)"

# The scenes, from the sources the bundle was built from: "SCENE SIZE AT" per line.
python3 - "$SOURCE_DIR/db/content" >"$SCRATCH/scenes" <<'PY'
import glob, os, sys, tomllib
content = sys.argv[1]
load = lambda f: tomllib.load(open(f, "rb"))
kinds = {}
for c in load(os.path.join(content, "categories.toml"))["category"]:
    print(f"category:{c['id']} 1920x1080 3")
for f in sorted(glob.glob(os.path.join(content, "items", "*.toml"))):
    for item in load(f)["item"]:
        kinds[item["id"]] = item["kind"]
        if item["kind"] != "figure":
            print(f"detail:{item['id']} 1920x1080 3")
start = 0.0
for slide in load(os.path.join(content, "playlist.toml"))["slide"]:
    if kinds[slide["item"]] != "figure":
        print(f"attract 1920x1080 {start + 3:g}")
    start += slide.get("dwell", 8.0)
PY
[ "$(grep -c '^detail:' "$SCRATCH/scenes")" -ge 30 ] && [ "$(grep -c '^attract' "$SCRATCH/scenes")" -ge 10 ] || fail "too few detail scenes: $(cat "$SCRATCH/scenes")"

# The sanitizer build (KIOSK_TEST_SLOWDOWN > 1) renders every third scene, categories,
# details and slides alike: it looks for memory errors on each kind of screen, and the
# Release build checks every scene for placeholders. It saves CI two minutes.
if [ "${KIOSK_TEST_SLOWDOWN:-1}" -gt 1 ]; then
  awk 'NR % 3 == 1' "$SCRATCH/scenes" >"$SCRATCH/sampled" && mv "$SCRATCH/sampled" "$SCRATCH/scenes"
fi

walk() {  # walk BUNDLE: renders every scene; prints "SCENE SIZE AT: LINE" for each placeholder
  while read -r scene size at; do
    expect_exit 0 "$KIOSK" --bundle "$1" --screenshot "$SCRATCH/shot.png" --scene "$scene" --size "$size" --at "$at" \
      --now 2025-04-01T10:00
    stderr_has "first frame"
    grep -F "placeholder for" "$SCRATCH/stderr" | sed "s|^|$scene $size $at: |" || true
  done <"$SCRATCH/scenes"
}

walk "$REPORT_BUNDLE" >"$SCRATCH/placeholders"
[ ! -s "$SCRATCH/placeholders" ] || fail "the report bundle's screens drew placeholders:
$(cat "$SCRATCH/placeholders")"

# The same check on a copy whose library picture cannot be decoded names it.
cp "$REPORT_BUNDLE" "$SCRATCH/broken.bundle"
python3 - "$SCRATCH/broken.bundle" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE image SET bytes = x'89504E470D0A1A0A0000' WHERE id = 'district-library'")
db.commit()
PY
echo "detail:district-library 1920x1080 3" >"$SCRATCH/scenes"
walk "$SCRATCH/broken.bundle" >"$SCRATCH/placeholders"
grep -qF "detail:district-library 1920x1080 3: placeholder for image 'district-library'" "$SCRATCH/placeholders" ||
  fail "a broken picture drew no reported placeholder: $(cat "$SCRATCH/placeholders")"
echo "gl_no_placeholders: ok"
