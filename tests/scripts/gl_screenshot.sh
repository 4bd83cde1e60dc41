# Screenshots: exact size, deterministic, showing real Chinese glyphs from the bundle's font.
source "$(dirname "$0")/lib.sh"
[ -n "${DISPLAY:-}" ] || fail "GL tests need DISPLAY (run them through scripts/test.sh)"

shot() {  # shot NAME ARGS...
  local name=$1
  shift
  expect_exit 0 "$KIOSK" --bundle "$TINY_BUNDLE" --screenshot "$SCRATCH/$name.png" --now 2025-04-01T10:00 "$@"
  stderr_has "scene attract"
  stderr_has "first frame"
}

shot a --size 1920x1080 --at 3
shot b --size 1920x1080 --at 3
cmp "$SCRATCH/a.png" "$SCRATCH/b.png" || fail "the same arguments gave different pixels"

shot portrait --size 1080x1920 --at 3 --lang en
shot early --size 1920x1080 --at 0.3

python3 - "$SCRATCH" <<'PY'
import struct, sys, zlib

def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (depth, colour) == (8, 6), "expected RGBA8"
        if kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * 4, [], bytearray(width * 4)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - 4] if x >= 4 else 0
            b, c = prev[x], prev[x - 4] if x >= 4 else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, rows

def count(rows, x0, y0, x1, y1, pred):
    return sum(1 for y in range(y0, y1) for x in range(x0, x1) if pred(rows[y][4 * x:4 * x + 3]))

scratch = sys.argv[1]
w, h, rows = read_png(f"{scratch}/a.png")
assert (w, h) == (1920, 1080), (w, h)
gold = lambda p: p[0] > 200 and 150 < p[1] < 215 and p[2] < 120
text = lambda p: p[0] > 180 and p[1] > 180 and p[2] > 170
bg = lambda p: abs(p[0] - 0x0E) < 6 and abs(p[1] - 0x1B) < 6 and abs(p[2] - 0x2E) < 6
# The corners are the navy ground; the figure 1660 is gold; the title 五大道海棠花节 is light text.
assert count(rows, 0, 0, 40, 40, bg) == 1600, "corner is not the background colour"
figure = count(rows, 96, 280, 900, 480, gold)
assert figure > 20000, f"too little gold figure: {figure}"
title = count(rows, 96, 530, 700, 610, text)
assert title > 4000, f"too little title text: {title}"
w, h, rows = read_png(f"{scratch}/portrait.png")
assert (w, h) == (1080, 1920), (w, h)
# 0.3 s into its reveal the figure (1660 whole, as in every frame) is still fading in and
# rising into place: less of it is full gold than once it has settled.
w, h, early = read_png(f"{scratch}/early.png")
early_gold = count(early, 96, 280, 900, 480, gold)
assert early_gold < figure, f"the figure was not still being revealed: {early_gold} >= {figure}"
print("pixels ok", figure, title, early_gold)
PY
echo "gl_screenshot: ok"
