# The same sources give a byte-identical bundle; kioskctl prints its sha256; info reads it back.
source "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1736294400

expect_exit 0 "$KIOSKCTL" build "$SOURCE_DIR/tests/data/tiny" -o "$SCRATCH/a.bundle"
printed=$(grep -o 'sha256 [0-9a-f]*' "$SCRATCH/stdout" | cut -d' ' -f2)
sleep 1
expect_exit 0 "$KIOSKCTL" build "$SOURCE_DIR/tests/data/tiny" -o "$SCRATCH/b.bundle"
cmp "$SCRATCH/a.bundle" "$SCRATCH/b.bundle" || fail "two builds of the same sources differ"
[ "$printed" = "$(sha256sum "$SCRATCH/a.bundle" | cut -d' ' -f1)" ] || fail "printed sha256 is not the file's"

expect_exit 0 "$KIOSKCTL" info "$SCRATCH/a.bundle"
grep -q '^id: tiny-test$' "$SCRATCH/stdout" || fail "info: $(cat "$SCRATCH/stdout")"
grep -q '^item: 3$' "$SCRATCH/stdout" || fail "info: $(cat "$SCRATCH/stdout")"
ls -a "$SCRATCH" | grep -q '\.tmp' && fail "a temporary file was left behind"
echo "cli_build_reproducible: ok"
