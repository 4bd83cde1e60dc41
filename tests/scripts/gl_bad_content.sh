# Content the kiosk must survive with dignity: an empty playlist shows a title slide, a
# picture that cannot be decoded shows a neutral placeholder (and is reported), and text
# far longer than its box is wrapped or ended with an ellipsis, never a crash.
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"

tamper() {  # tamper BUNDLE SQL
  python3 - "$1" "$2" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executescript(sys.argv[2])
db.commit()
PY
}

cp "$TINY_BUNDLE" "$SCRATCH/empty.bundle"
tamper "$SCRATCH/empty.bundle" "DELETE FROM playlist"
expect_exit 0 "$KIOSK" --bundle "$SCRATCH/empty.bundle" --screenshot "$SCRATCH/empty.png" --size 1920x1080
stderr_has "scene attract"
# The title slide, not a blank screen: it differs from a render of nothing but the ground.
python3 - "$SCRATCH/ground.png" <<'PY'
import struct, sys, zlib
w, h = 1920, 1080
row = b"\x00" + bytes([0x0E, 0x1B, 0x2E, 0xFF]) * w
png = b"\x89PNG\r\n\x1a\n"
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
png += chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(row * h)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
if "$IMGDIFF" "$SCRATCH/ground.png" "$SCRATCH/empty.png" --max-pixels 2000 >/dev/null; then
  fail "the empty playlist showed a blank screen"
fi

"$KIOSKCTL" synth --items 30 --images 3 -o "$SCRATCH/synth.bundle" >/dev/null
tamper "$SCRATCH/synth.bundle" "UPDATE image SET bytes = x'89504E470D0A1A0A0000' WHERE id = 'synthetic-1'"
expect_exit 0 "$KIOSK" --bundle "$SCRATCH/synth.bundle" --screenshot "$SCRATCH/placeholder.png" --scene detail:item-1
stderr_has "image 'synthetic-1': cannot read the image header"
expect_exit 0 "$KIOSK" --bundle "$SCRATCH/synth.bundle" --screenshot "$SCRATCH/cards.png" --scene category:category-1
stderr_has "image 'synthetic-1'"

cp "$TINY_BUNDLE" "$SCRATCH/long.bundle"
tamper "$SCRATCH/long.bundle" "UPDATE item SET title_zh = printf('%.*c', 3000, 'x') || '地区生产总值增长', summary_zh = printf('%.*c', 5000, 'y')"
for scene in attract home category:highlights detail:gdp-growth; do
  expect_exit 0 "$KIOSK" --bundle "$SCRATCH/long.bundle" --screenshot "$SCRATCH/long.png" --scene "$scene" --size 1080x1920
done
echo "gl_bad_content: ok"
