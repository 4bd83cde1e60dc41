#!/usr/bin/env bash
# Renders every line of tests/screenshots/scenes.txt with the tiny test bundle and updates
# tests/screenshots/reference/NAME.png, but only where imgdiff says the new render differs
# from the reference (with the same tolerance as the gl_screenshot_refs test), or where
# there is no reference yet. Prints `unchanged NAME`, `changed NAME (N differing pixels)`
# or `new NAME` for each line. Look at every changed image before committing.
#
#   scripts/update-screenshots.sh [BUILD_DIR]     (default build/; build it first)
#
# Needs a display; without DISPLAY it starts its own Xvfb (scripts/xvfb.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
scenes="$here/tests/screenshots/scenes.txt"
refs="$here/tests/screenshots/reference"
kiosk="$build/kiosk/app/kiosk"
imgdiff="$build/tests/tools/imgdiff"
bundle="$build/tiny.bundle"

# Keep these equal to the ones in tests/scripts/gl_screenshot_refs.sh (see
# tests/screenshots/README.md): renders within the test's tolerance count as unchanged, so
# small differences between Mesa builds do not churn the references.
TOLERANCE=16        # levels per RGB channel
MAX_PIXELS=0.05%    # of all pixels: 1036 at 1920x1080

for f in "$kiosk" "$imgdiff" "$bundle"; do
  [ -e "$f" ] || { echo "update-screenshots: $f is missing; build first (scripts/build.sh)" >&2; exit 1; }
done
[ -f "$scenes" ] || { echo "update-screenshots: $scenes is missing" >&2; exit 1; }

if [ -z "${DISPLAY:-}" ]; then
  source "$here/scripts/xvfb.sh"
  start_xvfb
fi
scratch=$(mktemp -d)
# start_xvfb set an EXIT trap of its own; this one does both.
trap 'rm -rf "$scratch"; [ -z "${XVFB_PID:-}" ] || kill "$XVFB_PID" 2>/dev/null || true' EXIT

mkdir -p "$refs"
declare -A seen=()
changed=()
count=0
while read -r name args_line || [ -n "${name:-}" ]; do
  case "$name" in '' | '#'*) continue ;; esac
  [[ "$name" =~ ^[A-Za-z0-9_-]+$ ]] || { echo "update-screenshots: bad name '$name' in $scenes" >&2; exit 1; }
  [ -z "${seen[$name]:-}" ] || { echo "update-screenshots: '$name' appears twice in $scenes" >&2; exit 1; }
  seen[$name]=1
  read -r -a args <<<"$args_line"
  out="$scratch/$name.png"
  if ! "$kiosk" --bundle "$bundle" --screenshot "$out" "${args[@]}" </dev/null >"$scratch/kiosk.log" 2>&1; then
    echo "update-screenshots: rendering $name failed: kiosk --bundle $bundle --screenshot $out $args_line" >&2
    cat "$scratch/kiosk.log" >&2
    exit 1
  fi
  count=$((count + 1))
  ref="$refs/$name.png"
  if [ ! -e "$ref" ]; then
    cp "$out" "$ref"
    echo "new $name"
    changed+=("$ref")
    continue
  fi
  status=0
  result=$("$imgdiff" "$ref" "$out" --tolerance "$TOLERANCE" --max-pixels "$MAX_PIXELS" </dev/null 2>&1) || status=$?
  case $status in
    0) echo "unchanged $name" ;;
    1)
      cp "$out" "$ref"
      if [[ "$result" == *"size mismatch"* ]]; then
        echo "changed $name (size changed)"
      else
        echo "changed $name ($(awk '{print $2; exit}' <<<"$result") differing pixels)"
      fi
      changed+=("$ref")
      ;;
    *)
      cp "$out" "$ref"
      echo "changed $name (the old reference could not be read: $result)"
      changed+=("$ref")
      ;;
  esac
done <"$scenes"

[ "$count" -gt 0 ] || { echo "update-screenshots: no scenes in $scenes" >&2; exit 1; }

for ref in "$refs"/*.png; do
  [ -e "$ref" ] || continue
  name=$(basename "$ref" .png)
  [ -n "${seen[$name]:-}" ] || echo "stale $name (no line in scenes.txt; delete $ref if it is no longer wanted)"
done

if [ ${#changed[@]} -gt 0 ]; then
  echo
  echo "${#changed[@]} reference(s) new or changed. Look at every one of them before committing:"
  printf '  %s\n' "${changed[@]}"
else
  echo "all $count references unchanged"
fi
