# Screenshot references: renders every line of tests/screenshots/scenes.txt with the tiny
# bundle and compares it with tests/screenshots/reference/NAME.png through imgdiff.
# On a failure the actual render and a diff image (differing pixels in red) are kept.
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"
[ -x "${IMGDIFF:-}" ] || fail "IMGDIFF is not set to the imgdiff executable"

# A pixel differs when one of its RGB channels is off by more than 16 levels, and at most
# 0.05% of the pixels (1036 at 1920x1080) may differ. llvmpipe gives the same pixels on
# one machine every time, but other Mesa builds may round blending and glyph edges a
# little differently; a real change (a moved, missing or recoloured element) changes
# thousands of pixels by far more than 16 levels (tests/scripts/imgdiff_catches_defect.sh
# checks this). scripts/update-screenshots.sh uses the same two values.
TOLERANCE=16
MAX_PIXELS=0.05%

screenshots="$SOURCE_DIR/tests/screenshots"
scenes="$screenshots/scenes.txt"
[ -f "$scenes" ] || fail "$scenes is missing"

count=0
failed=()
while read -r name args_line || [ -n "${name:-}" ]; do
  case "$name" in '' | '#'*) continue ;; esac
  count=$((count + 1))
  line="$name $args_line"
  ref="$screenshots/reference/$name.png"
  if [ ! -f "$ref" ]; then
    echo "MISSING reference $ref for: $line" >&2
    echo "  run scripts/update-screenshots.sh and review the new image before committing" >&2
    failed+=("$name")
    continue
  fi
  read -r -a args <<<"$args_line"
  actual="$SCRATCH/$name.png"
  expect_exit 0 "$KIOSK" --bundle "$TINY_BUNDLE" --screenshot "$actual" "${args[@]}" </dev/null
  status=0
  result=$("$IMGDIFF" "$ref" "$actual" --tolerance "$TOLERANCE" --max-pixels "$MAX_PIXELS" \
    --diff "$SCRATCH/$name.diff.png" </dev/null 2>&1) || status=$?
  if [ "$status" = 0 ]; then
    echo "ok $name: $result"
    rm -f "$actual" "$SCRATCH/$name.diff.png"
  else
    echo "DIFFERS: $line" >&2
    echo "  $result" >&2
    echo "  reference $ref" >&2
    echo "  actual    $actual" >&2
    [ ! -f "$SCRATCH/$name.diff.png" ] || echo "  diff      $SCRATCH/$name.diff.png" >&2
    failed+=("$name")
  fi
done <"$scenes"

[ "$count" -gt 0 ] || fail "no scenes in $scenes"
if [ ${#failed[@]} -gt 0 ]; then
  trap - EXIT  # keep the renders and diff images for a look
  fail "${#failed[@]} of $count screenshots differ from their references or have none: ${failed[*]}." \
    "Renders and diffs are kept in $SCRATCH. If the change is intended, run scripts/update-screenshots.sh" \
    "and look at every changed image before committing."
fi
echo "gl_screenshot_refs: all $count screenshots match"
