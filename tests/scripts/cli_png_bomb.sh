# A PNG zlib bomb: 1 MB whose header says 256x256 but whose image data inflates to 1 GB.
# kioskctl validate refuses it in a bundle, and kioskctl build as a source photo, each
# naming the image, and neither comes near inflating it (peak RSS well under 200 MB).
source "$(dirname "$0")/lib.sh"

python3 - "$SCRATCH/bomb.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
# A flushed mebibyte of zeros inflates to the same whatever came before it, so 1 GB of
# zeros is that block 1024 times, without compressing 1 GB.
c = zlib.compressobj(9)
first = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
again = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
size = 1024 << 20
stream = first + again * 1023 + b"\x03\x00" + struct.pack(">I", (size % 65521) << 16 | 1)
ihdr = struct.pack(">IIBBBBB", 256, 256, 8, 6, 0, 0, 0)  # 8-bit RGBA, not interlaced
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", stream) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY

# peak_rss_mb CODE CMD...: runs CMD (stderr in $SCRATCH/stderr), checks its exit code and
# prints its peak RSS in MB.
peak_rss_mb() {
  local want=$1
  shift
  python3 - "$want" "$@" 2>"$SCRATCH/stderr" <<'PY' || fail "'${*}' did not exit $want: $(cat "$SCRATCH/stderr")"
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:], stdout=subprocess.DEVNULL)
print(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1000:.1f}")
sys.exit(0 if code == int(sys.argv[1]) else 1)
PY
}
under_200() {
  awk -v a="$2" 'BEGIN { exit !(a < 200) }' || fail "$1: peak RSS $2 MB, over 200 MB"
  echo "$1: peak RSS $2 MB"
}

cp "$TINY_BUNDLE" "$SCRATCH/bomb.bundle"
python3 - "$SCRATCH/bomb.bundle" "$SCRATCH/bomb.png" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
png = open(sys.argv[2], "rb").read()
db.execute("INSERT INTO image VALUES ('pic', 'image/png', 256, 256, ?, ?, 'a', 'a', 'c', 'l')",
           (hashlib.sha256(png).hexdigest(), png))
db.execute("UPDATE item SET image_id = 'pic' WHERE id = 'gdp-growth'")
db.commit()
PY
mb=$(peak_rss_mb 1 "$KIOSKCTL" validate "$SCRATCH/bomb.bundle")
stderr_has "image 'pic': corrupt PNG: the image data inflates beyond the 256x256 its header gives"
under_200 "kioskctl validate" "$mb"

cp -r "$SOURCE_DIR/tests/data/tiny" "$SCRATCH/src"
cp "$SCRATCH/bomb.png" "$SCRATCH/src/bomb.png"
cat >"$SCRATCH/src/images.toml" <<'TOML'
[[image]]
id = "pic"
file = "bomb.png"
alt_zh = "图"
alt_en = "A picture"
credit = "c"
licence = "l"
TOML
mb=$(peak_rss_mb 1 "$KIOSKCTL" build "$SCRATCH/src" -o "$SCRATCH/out.bundle")
stderr_has "image 'pic' (bomb.png): corrupt PNG: the image data inflates beyond the 256x256 its header gives"
under_200 "kioskctl build" "$mb"
echo "cli_png_bomb: ok"
