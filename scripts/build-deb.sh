#!/usr/bin/env bash
# Builds the Debian package from packaging/ into DIR (default build-deb/): the source
# tree is copied there with packaging/debian as its debian/ folder, Build-Depends are
# filled in from packaging/build-deps.txt, and dpkg-buildpackage builds the binary
# packages (heping-kiosk and its -dbgsym). Prints the .deb's path.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$here/build-deb}
version=$(dpkg-parsechangelog -l "$here/packaging/debian/changelog" -S Version)
src=$out/heping-kiosk-$version

rm -rf "$out"
mkdir -p "$src"
# The tracked files only: no build trees, no local state.
git -C "$here" ls-files -z --cached --others --exclude-standard | grep -zv '^packaging/debian/' |
  (cd "$here" && xargs -0 cp --parents -t "$src")
cp -r "$here/packaging/debian" "$src/debian"
deps=$(sed -e '/^# --- test only ---/,$d' -e 's/#.*//' -e '/^\s*$/d' "$here/packaging/build-deps.txt" |
  paste -sd, | sed 's/,/, /g')
sed -i "s|@BUILD_DEPENDS@|debhelper-compat (= 13), $deps|" "$src/debian/control"

(cd "$src" && dpkg-buildpackage -b -us -uc) >"$out/build.log" 2>&1 || {
  tail -40 "$out/build.log" >&2
  echo "build-deb: dpkg-buildpackage failed; the whole log is $out/build.log" >&2
  exit 1
}
ls "$out"/heping-kiosk_"$version"_*.deb
