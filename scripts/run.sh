#!/usr/bin/env bash
# Installs what is missing, builds everything (the report bundle too) and starts the
# kiosk on the report in a closable window. Without a display it runs the kiosk under
# Xvfb for a few seconds and writes a screenshot instead.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh"
"$here/scripts/build.sh" "$here/build"
kiosk=$here/build/kiosk/app/kiosk
bundle=$here/build/report.bundle

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$kiosk" --bundle "$bundle" --windowed 1280x720
fi

source "$here/scripts/xvfb.sh"
start_xvfb
echo "No display here: running the kiosk under Xvfb ($DISPLAY) for a few seconds." >&2
timeout 4 "$kiosk" --bundle "$bundle" --windowed 1920x1080 || [ $? = 124 ]
shot=$here/build/kiosk-screenshot.png
"$kiosk" --bundle "$bundle" --screenshot "$shot" --size 1920x1080 --at 3 2>/dev/null
echo "Screenshot: $shot"
