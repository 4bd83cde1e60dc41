# Resource limits (kiosk/content/validate.h, kiosk/content/image_decode.h): a bundle right
# at every limit at once validates, and the kiosk opens and renders it, the largest image
# and the longest text on screen, within its memory budget; a bundle one step beyond any
# one limit is refused by validate with a message that names that limit.
#
# The budget: peak RSS of a screenshot of the report bundle's attract loop (as
# kiosk-bench measures it), plus 15 MB for the items, images and text (the performance
# issue's allowance for a 10,000-item bundle), plus four times the largest picture's
# decoded size (4096x4096 RGBA, 64 MiB): while it is uploaded, its compressed bytes, the
# decoder's working buffers, the decoded pixels and the texture with its mipmaps are all
# alive at once. Measured on the development VM: report 137 MB, at the limits 349-358 MB.
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"
REPORT_BUNDLE=${REPORT_BUNDLE:-$(dirname "$TINY_BUNDLE")/report.bundle}
[ -f "$REPORT_BUNDLE" ] || fail "no report bundle at $REPORT_BUNDLE (it is built with the project)"
MAX_ITEMS=20000 MAX_IMAGES=2000 MAX_TEXT=65536 MAX_IMAGE_BYTES=16777216 MAX_SIDE=4096 MAX_FONT_BYTES=16777216
image_cost_mb=$((4 * MAX_SIDE * MAX_SIDE * 4 / 1000000))

# at-limits.bundle: synth's items, then the pictures and the longest text put in place
# (synth has no options for them; the texts reuse synth's characters, which its fonts hold,
# and its source document's sentences).
expect_exit 0 "$KIOSKCTL" synth --items "$MAX_ITEMS" --images 0 -o "$SCRATCH/at.bundle"
python3 - "$SCRATCH/at.bundle" "$MAX_IMAGES" "$MAX_TEXT" "$MAX_IMAGE_BYTES" "$MAX_SIDE" <<'PY'
import hashlib, sqlite3, struct, sys, zlib
path, max_images, max_text, max_image_bytes, side = sys.argv[1], *map(int, sys.argv[2:])

def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

def png(w, h, row_of, pad_to=0):
    raw = b"".join(b"\0" + row_of(y) for y in range(h))
    head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    body = chunk(b"IDAT", zlib.compress(raw, 6))
    tail = chunk(b"IEND", b"")
    if pad_to:  # a private ancillary chunk, which decoders skip, brings it to the byte limit
        pad = pad_to - len(head) - len(body) - len(tail) - 12
        assert pad >= 0
        body += chunk(b"ruLe", b"\x5a" * pad)
    return head + body + tail

def gradient(y):
    return bytes((x // 16 % 256, y // 16 % 256, (x + y) // 32 % 256)[c] for x in range(side) for c in range(3))

db = sqlite3.connect(path)
def add(image_id, data, w, h):
    db.execute("INSERT INTO image VALUES (?, 'image/png', ?, ?, ?, ?, '图片', 'Image', 'synthetic', 'CC0')",
               (image_id, w, h, hashlib.sha256(data).hexdigest(), data))

rows = [gradient(y) for y in range(0, side, 16)]  # the gradient changes every 16 rows
largest = png(side, side, lambda y: rows[y // 16], pad_to=max_image_bytes)
assert len(largest) == max_image_bytes
add("largest", largest, side, side)
for i in range(max_images - 1):
    add(f"small-{i}", png(16, 16, lambda y: bytes([i % 256, i // 256 * 30, y * 16]) * 16), 16, 16)
db.execute("UPDATE item SET image_id = 'small-' || (CAST(substr(id, 6) AS INTEGER) % ?) WHERE image_id IS NULL"
           " AND kind != 'figure'", (max_images - 1,))
body = db.execute("SELECT body_zh FROM item WHERE id = 'item-1'").fetchone()[0]
# The body repeated, cut to exactly max_text bytes on character boundaries: every sentence
# of it, the cut first and last ones too, is still text of synth's source document, so
# validation's fidelity check holds it as it holds synth's own bodies.
full = (body * (max_text // len(body.encode()) + 2)).encode()
for start in range(64):
    text = full[start:start + max_text]
    try:
        text.decode()
        break
    except UnicodeDecodeError:
        pass
assert len(text) == max_text
db.execute("UPDATE item SET image_id = 'largest', body_zh = ? WHERE id = 'item-1'", (text.decode(),))
db.commit()
counts = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("item", "image")]
print(f"at.bundle: {counts[0]} items, {counts[1]} images, largest image {side}x{side} in {len(largest)} bytes,"
      f" longest text {len(text)} bytes")
PY
expect_exit 0 "$KIOSKCTL" validate "$SCRATCH/at.bundle"
echo "validate accepts the bundle at the limits ($(du -m "$SCRATCH/at.bundle" | cut -f1) MB)"

# peak_rss_mb BUNDLE OUT ARGS...: a screenshot, and the kiosk's peak RSS in MB.
peak_rss_mb() {
  local bundle=$1 out=$2
  shift 2
  python3 - "$KIOSK" --bundle "$bundle" --screenshot "$out" --size 1920x1080 --now 2025-04-01T10:00 "$@" \
    2>"$SCRATCH/kiosk.log" <<'PY' || fail "the kiosk failed on $bundle $*: $(cat "$SCRATCH/kiosk.log")"
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
print(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1000:.1f}")
sys.exit(code)
PY
  if grep -E "^kiosk: |image '" "$SCRATCH/kiosk.log" >&2; then fail "the kiosk reported problems with $bundle $*"; fi
  grep -q "^first frame" "$SCRATCH/kiosk.log" || fail "no first frame for $bundle $*: $(cat "$SCRATCH/kiosk.log")"
}

report_mb=$(peak_rss_mb "$REPORT_BUNDLE" "$SCRATCH/report.png" --at 3)
budget_mb=$(echo "$report_mb $image_cost_mb" | awk '{ printf "%.1f", $1 + 15 + $2 }')
echo "budget: report bundle $report_mb MB + 15 MB + 4 x the largest image decoded, $image_cost_mb MB = $budget_mb MB"
for scene in attract detail:item-1 category:category-1; do
  args=(--scene "$scene")
  [ "$scene" = attract ] && args=(--at 3)
  mb=$(peak_rss_mb "$SCRATCH/at.bundle" "$SCRATCH/at.png" "${args[@]}")
  echo "bundle at the limits, $scene: peak RSS $mb MB"
  # AddressSanitizer's shadow memory and quarantine make its figures incomparable.
  grep -q __asan_init "$KIOSK" && continue
  awk -v a="$mb" -v b="$budget_mb" 'BEGIN { exit !(a <= b) }' || fail "$scene: peak RSS $mb MB is over the budget of $budget_mb MB"
done

# One step beyond each limit, one limit per copy.
beyond() {  # beyond NAME MESSAGE <<PY: python that makes the change, with the copy open as db
  local name=$1 message=$2 change
  change=$(cat)
  cp "$SCRATCH/at.bundle" "$SCRATCH/$name.bundle"
  python3 -c "import hashlib, sqlite3, struct, zlib
db = sqlite3.connect('$SCRATCH/$name.bundle')
$change
db.commit()"
  expect_exit 1 "$KIOSKCTL" validate "$SCRATCH/$name.bundle"
  stderr_has "$message"
  echo "beyond the limit ($name): refused with '$message'"
  rm -f "$SCRATCH/$name.bundle"
}
beyond items "has $((MAX_ITEMS + 1)) items; the limit is $MAX_ITEMS" <<PY
db.execute("""INSERT INTO item SELECT 'item-extra', category_id, kind, ord + 1, title_zh, title_en, summary_zh,
  summary_en, body_zh, body_en, quote_zh, section_zh, section_en, image_id FROM item WHERE id = 'item-2'""")
PY
beyond images "has $((MAX_IMAGES + 1)) images; the limit is $MAX_IMAGES" <<PY
db.execute("""INSERT INTO image SELECT 'small-extra', mime, width, height, sha256, bytes, alt_zh, alt_en, credit,
  licence FROM image WHERE id = 'small-0'""")
PY
beyond text "item 'item-1' body_zh: $((MAX_TEXT + 1)) bytes; the limit is $MAX_TEXT" <<PY
db.execute("UPDATE item SET body_zh = body_zh || '1' WHERE id = 'item-1'")
PY
beyond image-bytes "image 'largest': $((MAX_IMAGE_BYTES + 1)) bytes; the limit is $MAX_IMAGE_BYTES" <<PY
b = db.execute("SELECT bytes FROM image WHERE id = 'largest'").fetchone()[0] + b"\0"
db.execute("UPDATE image SET bytes = ?, sha256 = ? WHERE id = 'largest'", (b, hashlib.sha256(b).hexdigest()))
PY
# A picture one pixel wider than the limit takes the place of a small one.
beyond image-side "image 'small-0': image is $((MAX_SIDE + 1))x1, beyond the limit of ${MAX_SIDE}x${MAX_SIDE}" <<PY
c = lambda k, b: struct.pack(">I", len(b)) + k + b + struct.pack(">I", zlib.crc32(k + b))
png = (b"\x89PNG\r\n\x1a\n" + c(b"IHDR", struct.pack(">IIBBBBB", $((MAX_SIDE + 1)), 1, 8, 0, 0, 0, 0)) +
       c(b"IDAT", zlib.compress(bytes($((MAX_SIDE + 2))))) + c(b"IEND", b""))
db.execute("UPDATE image SET width = $((MAX_SIDE + 1)), height = 1, bytes = ?, sha256 = ? WHERE id = 'small-0'",
           (png, hashlib.sha256(png).hexdigest()))
PY
beyond font-bytes "font 'bold': $((MAX_FONT_BYTES + 1)) bytes; the limit is $MAX_FONT_BYTES" <<PY
db.execute("UPDATE font SET bytes = zeroblob($((MAX_FONT_BYTES + 1))) WHERE role = 'bold'")
PY
echo "gl_resource_limits: ok"
