# imgdiff, with the tolerance of the screenshot reference tests, passes a render against
# itself and against a second identical render, and fails when a visible defect is planted:
# the attract title (五大道海棠花节, about x 96..800, y 520..620 at 1920x1080) moved 10 px down.
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"
[ -x "${IMGDIFF:-}" ] || fail "IMGDIFF is not set to the imgdiff executable"

# The same values as tests/scripts/gl_screenshot_refs.sh (see the reason there).
TOLERANCE=16
MAX_PIXELS=0.05%

shot() {  # shot NAME ARGS...
  local name=$1
  shift
  expect_exit 0 "$KIOSK" --bundle "$TINY_BUNDLE" --screenshot "$SCRATCH/$name.png" --now 2025-04-01T10:00 --lang zh "$@"
}
diff_exit() {  # diff_exit CODE REFERENCE ACTUAL [OPTIONS...]: runs imgdiff, checks its exit code, shows its line
  local want=$1
  shift
  expect_exit "$want" "$IMGDIFF" "$@"
  cat "$SCRATCH/stdout"
}

shot a --size 1920x1080 --at 3
shot b --size 1920x1080 --at 3

diff_exit 0 "$SCRATCH/a.png" "$SCRATCH/a.png" --tolerance 0 --max-pixels 0
grep -qF "imgdiff: 0 differing pixels (max channel delta 0) of 2073600; tolerance 0, allowed 0: PASS" "$SCRATCH/stdout" \
  || fail "unexpected line for an image against itself: $(cat "$SCRATCH/stdout")"
diff_exit 0 "$SCRATCH/a.png" "$SCRATCH/b.png" --tolerance "$TOLERANCE" --max-pixels "$MAX_PIXELS"

# Plant the defect: the title moves 10 px down; the vacated band takes the background colour.
expect_exit 0 "$IMGDIFF" --plant-shift "$SCRATCH/a.png" "$SCRATCH/defect.png" 96 520 704 100 0 10
diff_exit 1 "$SCRATCH/a.png" "$SCRATCH/defect.png" --tolerance "$TOLERANCE" --max-pixels "$MAX_PIXELS" \
  --diff "$SCRATCH/diff.png"
grep -qF ": FAIL" "$SCRATCH/stdout" || fail "imgdiff did not say FAIL: $(cat "$SCRATCH/stdout")"
differing=$(awk '{print $2; exit}' "$SCRATCH/stdout")
# Well over the budget, not just over it: the defect must not hide in a looser tolerance.
[ "$differing" -gt 3000 ] || fail "the moved title changed only $differing pixels"
# The diff image is a PNG of the render's size (IHDR width and height, big-endian).
[ "$(od -An -tx1 -j12 -N12 "$SCRATCH/diff.png" | tr -d ' \n')" = "494844520000078000000438" ] \
  || fail "imgdiff --diff did not write a 1920x1080 PNG"

# Sizes must match, and unreadable files are named.
shot portrait --size 1080x1920 --at 3
diff_exit 1 "$SCRATCH/a.png" "$SCRATCH/portrait.png"
grep -qF "size mismatch" "$SCRATCH/stdout" || fail "no size mismatch message: $(cat "$SCRATCH/stdout")"
echo "not a png" >"$SCRATCH/broken.png"
expect_exit 2 "$IMGDIFF" "$SCRATCH/a.png" "$SCRATCH/broken.png"
stderr_has "cannot read $SCRATCH/broken.png"
expect_exit 2 "$IMGDIFF" "$SCRATCH/missing.png" "$SCRATCH/a.png"
stderr_has "cannot read $SCRATCH/missing.png"
echo "imgdiff_catches_defect: ok"
