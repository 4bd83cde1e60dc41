# kioskctl keygen, sign and verify interoperate with the minisign tool both ways:
# minisign's keys and signatures verify with kioskctl, kioskctl's with minisign, and a
# tampered bundle fails both.
source "$(dirname "$0")/lib.sh"

command -v minisign >/dev/null || fail "minisign is not installed (Debian package 'minisign'); this test needs it"
cd "$SCRATCH"

# xor_byte FILE OFFSET: flips the bits of one byte in place.
xor_byte() {
  python3 - "$1" "$2" <<'PY'
import sys
path, offset = sys.argv[1], int(sys.argv[2])
with open(path, "r+b") as f:
    f.seek(offset)
    b = f.read(1)
    f.seek(offset)
    f.write(bytes([b[0] ^ 0xFF]))
PY
}

# --- minisign signs, kioskctl verifies ---------------------------------------------
minisign -G -W -p m.pub -s m.sec </dev/null >/dev/null || fail "minisign -G -W failed"
m_id=$(sed -n '1s/.*public key //p' m.pub)
m_key=$(sed -n 2p m.pub)
cp "$TINY_BUNDLE" m.bundle
minisign -S -s m.sec -m m.bundle </dev/null >/dev/null || fail "minisign -S failed"
expect_exit 0 "$KIOSKCTL" verify m.bundle -p m.pub
grep -qF "m.bundle: signature ok, key $m_id, trusted comment: timestamp:" "$SCRATCH/stdout" ||
  fail "verify printed: $(cat "$SCRATCH/stdout")"
grep -qF "file:m.bundle" "$SCRATCH/stdout" || fail "trusted comment lacks the file name: $(cat "$SCRATCH/stdout")"
expect_exit 0 "$KIOSKCTL" verify m.bundle -P "$m_key"

# minisign -S -t sets a trusted comment kioskctl reports.
cp "$TINY_BUNDLE" m2.bundle
minisign -S -s m.sec -m m2.bundle -t "release 7 from minisign" </dev/null >/dev/null || fail "minisign -S -t failed"
expect_exit 0 "$KIOSKCTL" verify m2.bundle -p m.pub
grep -qF "trusted comment: release 7 from minisign" "$SCRATCH/stdout" || fail "verify printed: $(cat "$SCRATCH/stdout")"

# kioskctl reads minisign's unencrypted secret key too.
cp "$TINY_BUNDLE" m3.bundle
expect_exit 0 "$KIOSKCTL" sign m3.bundle -s m.sec
minisign -V -p m.pub -m m3.bundle >"$SCRATCH/mout" 2>&1 || fail "minisign rejects kioskctl's signature: $(cat "$SCRATCH/mout")"

# --- kioskctl makes the keys and signs, minisign verifies -----------------------------
expect_exit 0 "$KIOSKCTL" keygen -p k.pub -s k.sec
[ "$(stat -c %a k.sec)" = 600 ] || fail "secret key mode is $(stat -c %a k.sec), expected 600"
k_id=$(sed -n '1s/.*public key //p' k.pub)
# As minisign writes it: hexadecimal without leading zeros, so up to 16 digits.
[[ $k_id =~ ^[0-9A-F]{1,16}$ ]] || fail "public key file's comment has no key id: $(head -1 k.pub)"
grep -qF "$k_id" "$SCRATCH/stdout" || fail "keygen did not print the key id: $(cat "$SCRATCH/stdout")"
cp k.sec k.sec.orig
expect_exit 1 "$KIOSKCTL" keygen -p k.pub -s k.sec
stderr_has "k.sec already exists; add -f to overwrite it"
cmp -s k.sec k.sec.orig || fail "keygen without -f changed the secret key"
expect_exit 0 "$KIOSKCTL" keygen -p k.pub -s k.sec -f
cmp -s k.sec k.sec.orig && fail "keygen -f did not replace the secret key"
k_id=$(sed -n '1s/.*public key //p' k.pub)

cp "$TINY_BUNDLE" k.bundle
expect_exit 0 "$KIOSKCTL" sign k.bundle -s k.sec -t "release 8 from kioskctl"
[ -f k.bundle.minisig ] || fail "sign did not write k.bundle.minisig"
minisign -V -p k.pub -m k.bundle >"$SCRATCH/mout" 2>&1 || fail "minisign -V rejects kioskctl's signature: $(cat "$SCRATCH/mout")"
grep -qF "Trusted comment: release 8 from kioskctl" "$SCRATCH/mout" || fail "minisign printed: $(cat "$SCRATCH/mout")"
minisign -H -V -P "$(sed -n 2p k.pub)" -m k.bundle >/dev/null 2>&1 || fail "minisign -H (prehashed only) rejects it"
expect_exit 0 "$KIOSKCTL" verify k.bundle -p k.pub
grep -qF "k.bundle: signature ok, key $k_id, trusted comment: release 8 from kioskctl" "$SCRATCH/stdout" ||
  fail "verify printed: $(cat "$SCRATCH/stdout")"

# The default trusted comment is minisign's.
cp "$TINY_BUNDLE" k1.bundle
expect_exit 0 "$KIOSKCTL" sign k1.bundle -s k.sec
minisign -V -p k.pub -m k1.bundle >"$SCRATCH/mout" 2>&1 || fail "minisign -V: $(cat "$SCRATCH/mout")"
grep -qP "Trusted comment: timestamp:\d+\tfile:k1.bundle\thashed$" "$SCRATCH/mout" ||
  fail "default trusted comment: $(cat "$SCRATCH/mout")"

# A file name with a newline: the default comment names it escaped, as one printable line
# that both tools verify, and what kioskctl prints is one line per message.
nl=$'new\nline.bundle'
cp "$TINY_BUNDLE" "$nl"
expect_exit 0 "$KIOSKCTL" sign "$nl" -s k.sec
grep -qxF "new\\nline.bundle.minisig: signed new\\nline.bundle with key $k_id" "$SCRATCH/stdout" ||
  fail "sign printed: $(cat "$SCRATCH/stdout")"
minisign -V -p k.pub -m "$nl" >"$SCRATCH/mout" 2>&1 || fail "minisign -V: $(cat "$SCRATCH/mout")"
grep -qP 'Trusted comment: timestamp:\d+\tfile:new\\nline\.bundle\thashed$' "$SCRATCH/mout" ||
  fail "trusted comment of a name with a newline: $(cat "$SCRATCH/mout")"
expect_exit 0 "$KIOSKCTL" verify "$nl" -p k.pub
[ "$(wc -l <"$SCRATCH/stdout")" = 1 ] || fail "verify printed: $(cat "$SCRATCH/stdout")"
grep -qF 'new\nline.bundle: signature ok' "$SCRATCH/stdout" || fail "verify printed: $(cat "$SCRATCH/stdout")"

# minisign signs with kioskctl's secret key: the secret key format is minisign's.
cp "$TINY_BUNDLE" k2.bundle
minisign -S -s k.sec -m k2.bundle </dev/null >"$SCRATCH/mout" 2>&1 ||
  fail "minisign -S cannot use kioskctl's secret key: $(cat "$SCRATCH/mout")"
minisign -V -p k.pub -m k2.bundle >/dev/null 2>&1 || fail "minisign rejects its own signature with kioskctl's key"
expect_exit 0 "$KIOSKCTL" verify k2.bundle -p k.pub
minisign -R -s k.sec -p k.pub.again </dev/null >/dev/null 2>&1 || fail "minisign -R cannot read kioskctl's secret key"
cmp -s <(sed -n 2p k.pub) <(sed -n 2p k.pub.again) || fail "minisign derives a different public key from k.sec"

# --- refusals --------------------------------------------------------------------------
# A key that is not trusted.
expect_exit 1 "$KIOSKCTL" verify k.bundle -p m.pub
stderr_has "signed by key $k_id, not a trusted key"
expect_exit 0 "$KIOSKCTL" verify k.bundle -p m.pub -p k.pub

# A tampered bundle fails both tools, whoever signed it.
for f in m.bundle k.bundle k2.bundle; do
  xor_byte "$f" 5000
  expect_exit 1 "$KIOSKCTL" verify "$f" -p "${f:0:1}.pub"
  stderr_has "$f: the file does not match its signature"
  if minisign -V -p "${f:0:1}.pub" -m "$f" >/dev/null 2>&1; then fail "minisign accepts tampered $f"; fi
done

# An altered trusted comment fails both tools.
sed -i '3s/release 8/release 9/' k.bundle.minisig
cp "$TINY_BUNDLE" k.bundle # untampered bytes again: only the comment is wrong
expect_exit 1 "$KIOSKCTL" verify k.bundle -p k.pub
stderr_has "the trusted comment was altered"
if minisign -V -p k.pub -m k.bundle >/dev/null 2>&1; then fail "minisign accepts an altered trusted comment"; fi

# A missing or malformed signature file.
cp "$TINY_BUNDLE" unsigned.bundle
expect_exit 1 "$KIOSKCTL" verify unsigned.bundle -p k.pub
stderr_has "unsigned.bundle.minisig: cannot open"
head -2 k1.bundle.minisig >unsigned.bundle.minisig
expect_exit 1 "$KIOSKCTL" verify unsigned.bundle -p k.pub
stderr_has "line 3 (the trusted comment) is missing"

# A bad public key string.
expect_exit 1 "$KIOSKCTL" verify k1.bundle -P "RWQnotakey"
stderr_has "public key given with -P: not valid base64"

# Usage errors.
expect_exit 64 "$KIOSKCTL" verify k1.bundle
expect_exit 64 "$KIOSKCTL" verify -p k.pub
expect_exit 64 "$KIOSKCTL" sign k1.bundle
expect_exit 64 "$KIOSKCTL" sign -s k.sec
expect_exit 64 "$KIOSKCTL" keygen -p only.pub
expect_exit 64 "$KIOSKCTL" keygen -p same -s same
expect_exit 64 "$KIOSKCTL" verify k1.bundle -p k.pub --bogus

echo "cli_minisign: ok"
