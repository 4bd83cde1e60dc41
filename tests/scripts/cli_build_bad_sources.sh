# Bad sources are refused with file:line messages, and the output file stays untouched.
source "$(dirname "$0")/lib.sh"

cp -r "$SOURCE_DIR/tests/data/tiny" "$SCRATCH/src"
echo "previous content" >"$SCRATCH/out.bundle"
printf '\n[[slide]]\nitem = "ghost"\ndwell = 8.0\n' >>"$SCRATCH/src/playlist.toml"
expect_exit 1 "$KIOSKCTL" build "$SCRATCH/src" -o "$SCRATCH/out.bundle"
stderr_has "playlist.toml:16: item: no item with id 'ghost'"
stderr_has "was not changed"
[ "$(cat "$SCRATCH/out.bundle")" = "previous content" ] || fail "the output file was changed"

# A banned calque in the English is refused the same way, naming the wording to use.
cp -r "$SOURCE_DIR/tests/data/tiny" "$SCRATCH/calque"
printf '[[calque]]\nphrase = "in total"\nreason = "filler"\nsuggest = "nothing"\n' >"$SCRATCH/calque/calques.toml"
expect_exit 1 "$KIOSKCTL" build "$SCRATCH/calque" -o "$SCRATCH/out.bundle"
stderr_has "items/culture.toml:7: item 'haitang-visitors' summary_en: “in total” is a calque (filler); instead, nothing"
[ "$(cat "$SCRATCH/out.bundle")" = "previous content" ] || fail "the output file was changed"

expect_exit 1 "$KIOSKCTL" build "$SCRATCH/no-such-dir" -o "$SCRATCH/x.bundle"
stderr_has "bundle.toml: missing"
[ ! -e "$SCRATCH/x.bundle" ] || fail "a bundle was written from nothing"

# An output inside the sources would replace one of them (the attacker review overwrote
# the report's own text this way), or by a symlinked path; the sources stay as they were.
cp -r "$SOURCE_DIR/tests/data/tiny" "$SCRATCH/own"
before=$(cd "$SCRATCH/own" && find . -type f -exec sha256sum {} + | sort)
for out in "$SCRATCH/own/playlist.toml" "$SCRATCH/own/new.bundle" "$SCRATCH/own/../own/x.bundle"; do
  expect_exit 1 "$KIOSKCTL" build "$SCRATCH/own" -o "$out"
  stderr_has "the output lies inside the source directory"
done
ln -s "$SCRATCH/own" "$SCRATCH/own-link"
expect_exit 1 "$KIOSKCTL" build "$SCRATCH/own" -o "$SCRATCH/own-link/playlist.toml"
stderr_has "the output lies inside the source directory"
[ "$(cd "$SCRATCH/own" && find . -type f -exec sha256sum {} + | sort)" = "$before" ] || fail "a source was changed"

# A source path (the report's file here, images alike) that names a FIFO, a folder, or a
# file outside the sources is refused for what it is (attacker review: "no such file" for
# the first two, and the third was read into the bundle).
echo "SECRET" >"$SCRATCH/secret.txt"
long=$(printf 'n%.0s' $(seq 1 300))  # longer than any file name may be
for case in "fifo:is not a regular file" "folder:is a folder, not a file" "../secret.txt:lies outside the source directory" \
  "$long:File name too long"; do
  target=${case%%:*} why=${case#*:}
  rm -rf "$SCRATCH/path" && cp -r "$SOURCE_DIR/tests/data/tiny" "$SCRATCH/path"
  case $target in
    fifo) mkfifo "$SCRATCH/path/fifo" ;;
    folder) mkdir "$SCRATCH/path/folder" ;;
  esac
  sed -i "s|^file = \"source/report.txt\"|file = \"$target\"|" "$SCRATCH/path/bundle.toml"
  expect_exit 1 timeout 20 "$KIOSKCTL" build "$SCRATCH/path" -o "$SCRATCH/path.bundle"
  stderr_has "bundle.toml:"
  stderr_has "$why"
  [ ! -e "$SCRATCH/path.bundle" ] || fail "a bundle was written with the file '$target'"
done

expect_exit 64 "$KIOSKCTL" build
expect_exit 64 "$KIOSKCTL" frobnicate
stderr_has "unknown command 'frobnicate'"
expect_exit 2 "$KIOSKCTL" info "$SCRATCH/src/playlist.toml"
stderr_has "not a content bundle"
echo "cli_build_bad_sources: ok"
