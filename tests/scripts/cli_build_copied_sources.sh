# The content sources build wherever they are copied (issue #14 point 2): a copy of
# db/content, with assets/ beside it as an operator would copy both, one folder deeper
# than in the checkout, gives the very bundle the checkout gives; its images and its
# source document are named relative to the files that name them, and the errors say so.
source "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1736294400

expect_exit 0 "$KIOSKCTL" build "$SOURCE_DIR/db/content" -o "$SCRATCH/checkout.bundle"
mkdir -p "$SCRATCH/a/b/c"
cp -r "$SOURCE_DIR/db/content" "$SCRATCH/a/b/c/content"
cp -r "$SOURCE_DIR/assets" "$SCRATCH/a/b/c/assets"
(cd "$SCRATCH" && expect_exit 0 "$KIOSKCTL" build a/b/c/content -o copied.bundle)
cmp "$SCRATCH/checkout.bundle" "$SCRATCH/copied.bundle" || fail "the copied sources build another bundle"
expect_exit 0 "$KIOSKCTL" info --json "$SCRATCH/copied.bundle"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["counts"]["image"]==24, d' "$SCRATCH/stdout"
grep -q '"source_sha256": "383716b6947c31f759fb9f75031a6f7cc7debd63bd62e94588627f1c0d4ce12f"' "$SCRATCH/stdout" ||
  fail "info --json does not give the source document's sha256: $(cat "$SCRATCH/stdout")"
expect_exit 0 "$KIOSKCTL" info "$SCRATCH/copied.bundle"
grep -qx 'source document: sha256 383716b6947c31f759fb9f75031a6f7cc7debd63bd62e94588627f1c0d4ce12f, report lines 3-51' \
  "$SCRATCH/stdout" || fail "info does not name the source document: $(cat "$SCRATCH/stdout")"
expect_exit 0 "$KIOSKCTL" validate "$SCRATCH/copied.bundle"

# An image path that does not resolve names images.toml, its line, and the rule.
src="$SCRATCH/a/b/c/content"
sed -i 's#file = "images/jinjie.svg"#file = "../../assets/illustrations/jinjie.svg"#' "$src/images.toml"
line=$(grep -n 'assets/illustrations/jinjie.svg' "$src/images.toml" | cut -d: -f1)
[ -n "$line" ] || fail "the test could not edit images.toml"
expect_exit 1 "$KIOSKCTL" build "$src" -o "$SCRATCH/bad.bundle"
stderr_has "images.toml:$line: file: no such file: ../../assets/illustrations/jinjie.svg (image paths are relative to images.toml, in $src)"
[ ! -e "$SCRATCH/bad.bundle" ] || fail "a bundle was written from bad sources"

# The source document likewise: relative to bundle.toml, pinned by its checksum.
cp "$SOURCE_DIR/db/content/images.toml" "$src/images.toml"
mv "$src/source" "$src/elsewhere"
expect_exit 1 "$KIOSKCTL" build "$src" -o "$SCRATCH/bad.bundle"
stderr_has "bundle.toml:$(grep -n '^file = ' "$src/bundle.toml" | cut -d: -f1): file: no such file: source/report.txt (relative to bundle.toml, in $src)"
mv "$src/elsewhere" "$src/source"
printf '\n' >>"$src/source/report.txt"
expect_exit 1 "$KIOSKCTL" build "$src" -o "$SCRATCH/bad.bundle"
stderr_has "sha256: source/report.txt has sha256 "
stderr_has ", but bundle.toml records 383716b6947c31f759fb9f75031a6f7cc7debd63bd62e94588627f1c0d4ce12f"
[ ! -e "$SCRATCH/bad.bundle" ] || fail "a bundle was written from a changed source document"

# A fabricated figure is refused by the build, file, line, item and nearest passage named.
cp "$SOURCE_DIR/db/content/source/report.txt" "$src/source/report.txt"
sed -i 's#display = "5%以上"#display = "6%以上"#' "$src/items/highlights.toml"
line=$(grep -n 'display = "6%以上"' "$src/items/highlights.toml" | cut -d: -f1)
[ -n "$line" ] || fail "the test could not edit items/highlights.toml"
expect_exit 1 "$KIOSKCTL" build "$src" -o "$SCRATCH/bad.bundle"
stderr_has "items/highlights.toml:$line: item 'gdp-growth' figure.display: the figure '6%以上' is not inside the item's quote"
stderr_has "nearest in source/report.txt, line 21: '"
[ ! -e "$SCRATCH/bad.bundle" ] || fail "a bundle was written from a fabricated figure"

# A bundle tampered after its build is refused by validate, the item named.
cp "$SCRATCH/copied.bundle" "$SCRATCH/tampered.bundle"
python3 - "$SCRATCH/tampered.bundle" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE figure SET display_zh = '6%以上', value = 6, display_en = 'over 6%' WHERE item_id = 'gdp-growth'")
db.commit()
PY
expect_exit 1 "$KIOSKCTL" validate "$SCRATCH/tampered.bundle"
stderr_has "figure 'gdp-growth' display_zh: the figure '6%以上' is not inside the item's quote"
echo "cli_build_copied_sources: ok"
