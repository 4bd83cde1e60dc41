# The baked font atlas kept in cache_dir: the first start bakes and keeps it, the next
# loads it and draws the same pixels; a damaged file is baked again and replaced; without a
# usable cache directory the kiosk bakes every time and writes nothing.
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"
cache="$SCRATCH/cache"
mkdir -p "$cache"
printf '[content]\ncache_dir = "%s"\n' "$cache" >"$SCRATCH/kiosk.toml"

shot() {  # shot NAME [CONFIG]
  expect_exit 0 "$KIOSK" --config "${2:-$SCRATCH/kiosk.toml}" --bundle "$TINY_BUNDLE" --screenshot "$SCRATCH/$1.png" \
    --now 2025-04-01T10:00 --scene detail:gdp-growth --lang en
  stderr_has "first frame"
}

shot baked
if grep -q "from the cache" "$SCRATCH/stderr"; then
  fail "the first start loaded an atlas from an empty cache"
fi
files=("$cache"/atlas-*.bin)
[ ${#files[@]} = 1 ] && [ -s "${files[0]}" ] || fail "no atlas was kept: $(ls -la "$cache")"
size=$(stat -c %s "${files[0]}")

shot cached
stderr_has "from the cache"
cmp "$SCRATCH/baked.png" "$SCRATCH/cached.png" || fail "the cached atlas drew other pixels"

# Half the file: refused, baked again, and replaced by a whole one.
truncate -s $((size / 2)) "${files[0]}"
shot rebaked
grep -q "from the cache" "$SCRATCH/stderr" && fail "a damaged atlas was used"
cmp "$SCRATCH/baked.png" "$SCRATCH/rebaked.png" || fail "the rebaked atlas drew other pixels"
[ "$(stat -c %s "${files[0]}")" = "$size" ] || fail "the damaged atlas was not replaced"

# Another screen size is another atlas, beside the first.
expect_exit 0 "$KIOSK" --config "$SCRATCH/kiosk.toml" --bundle "$TINY_BUNDLE" --screenshot "$SCRATCH/small.png" \
  --size 1280x720 --at 3
files=("$cache"/atlas-*.bin)
[ ${#files[@]} = 2 ] || fail "expected two atlases: $(ls "$cache")"

# A cache directory that is not there, or none at all: the kiosk bakes and writes nothing.
printf '[content]\ncache_dir = "%s/none"\n' "$SCRATCH" >"$SCRATCH/none.toml"
shot no_dir "$SCRATCH/none.toml"
[ ! -e "$SCRATCH/none" ] || fail "the kiosk created a cache directory"
printf '[content]\ncache_dir = ""\n' >"$SCRATCH/off.toml"
shot off "$SCRATCH/off.toml"
cmp "$SCRATCH/baked.png" "$SCRATCH/off.png" || fail "without a cache the pixels differ"
echo "gl_atlas_cache: ok"
