#!/usr/bin/env bash
# Renders the README's screenshots (docs/screenshots/) from the report bundle, halved:
# 960x540 for landscape, 540x960 for portrait. Look at each before committing.
#
#   scripts/readme-screenshots.sh [BUILD_DIR]     (default build/; build it first)
#
# Needs a display; without DISPLAY it starts its own Xvfb (scripts/xvfb.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$here/build}" && pwd)
out="$here/docs/screenshots"
if [ -z "${DISPLAY:-}" ]; then
  source "$here/scripts/xvfb.sh"
  start_xvfb
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# NAME SIZE ARGS...: the attract loop's times fall inside a slide, after its figure has risen
# (playlist.toml: 8 s per figure, 10 s per landmark).
shot() {
  local name=$1 size=$2
  shift 2
  "$build/kiosk/app/kiosk" --bundle "$build/report.bundle" --screenshot "$tmp/$name.png" --size "$size" \
    --now 2025-03-01T10:00 "$@" >/dev/null
  convert "$tmp/$name.png" -resize 50% -strip "$out/$name.png"
  echo "$out/$name.png"
}
shot attract-figure 1920x1080 --scene attract --at 19
shot attract-landmark 1920x1080 --scene attract --at 38
shot home 1920x1080 --scene home
shot category 1920x1080 --scene category:highlights
shot detail 1920x1080 --scene detail:haitang-visitors
shot detail-en 1920x1080 --scene detail:wudadao-haitang-festival --lang en
shot map 1920x1080 --scene map
shot portrait-attract 1080x1920 --scene attract --at 19
shot portrait-detail 1080x1920 --scene detail:haitang-visitors
shot portrait-home 1080x1920 --scene home
