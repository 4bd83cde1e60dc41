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

expect_exit 64 "$KIOSKCTL" build
expect_exit 64 "$KIOSKCTL" frobnicate
stderr_has "unknown command 'frobnicate'"
expect_exit 2 "$KIOSKCTL" info "$SCRATCH/src/playlist.toml"
stderr_has "not a content bundle"
echo "cli_build_bad_sources: ok"
