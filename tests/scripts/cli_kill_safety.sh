# Kill safety: SIGKILL the installer at every step and at random moments (and the same
# for rollback). After each kill, `current` must resolve to a complete bundle that
# validates, old or new, and a fresh kiosk must show it. A kill does not test power
# loss, so strace also records that the syscalls come in the safe order.
source "$(dirname "$0")/lib.sh"
state="$SCRATCH/state"
RANDOM_RUNS=${RANDOM_RUNS:-100}
printf '[security]\nallow_unsigned = true\n' >"$SCRATCH/kiosk.toml"

version() {
  cp "$TINY_BUNDLE" "$SCRATCH/v$1.bundle"
  python3 -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute('UPDATE bundle SET version=$1'); d.commit()" "$SCRATCH/v$1.bundle"
}
install_cmd() { echo "$KIOSKCTL" install "$SCRATCH/v$1.bundle" --state-dir "$state" --config "$SCRATCH/kiosk.toml" --allow-downgrade; }

checked=0
check_current() {  # check_current WHAT ALLOWED_VERSIONS...
  local what=$1
  shift
  [ -L "$state/current" ] || fail "$what: current is not a link"
  "$KIOSKCTL" validate "$state/current" >/dev/null 2>"$SCRATCH/why" || fail "$what: current does not validate: $(cat "$SCRATCH/why")"
  local v
  v=$("$KIOSKCTL" info "$state/current" | sed -n 's/^version: //p')
  [[ " $* " == *" $v "* ]] || fail "$what: current is version $v, expected one of: $*"
  # The record of the highest version is whole or absent, never cut short or damaged.
  if [ -e "$state/highest-version" ]; then
    grep -qxE '[0-9]+' "$state/highest-version" || fail "$what: highest-version is damaged: '$(cat "$state/highest-version")'"
  fi
  checked=$((checked + 1))
  # Every tenth check, a fresh kiosk starts on it (when there is a display to start on).
  if [ -n "${DISPLAY:-}" ] && [ $((checked % 10)) = 0 ]; then
    printf '[content]\nstate_dir = "%s"\n' "$state" >"$SCRATCH/show.toml"
    "$KIOSK" --config "$SCRATCH/show.toml" --screenshot "$SCRATCH/shot.png" 2>"$SCRATCH/kiosk.log" ||
      fail "$what: the kiosk did not start: $(cat "$SCRATCH/kiosk.log")"
    grep -q "^scene attract" "$SCRATCH/kiosk.log" || fail "$what: the kiosk showed no content: $(cat "$SCRATCH/kiosk.log")"
  fi
}

for v in 1 2 3; do version $v; done
$(install_cmd 1) >/dev/null 2>&1 || fail "first install failed"
check_current "setup" 1

# 1. At every named step (the installer pauses at each when asked, so the kill lands there).
for step in check copy verify rename link record prune; do
  KIOSK_TEST_STEP_DELAY_MS=300 $(install_cmd 2) >/dev/null 2>"$SCRATCH/steps" &
  pid=$!
  # Looked for without starting processes, so that the kill lands within the step's pause.
  WAIT_INTERVAL=0.02 wait_until --show "$SCRATCH/steps" "the installer to reach step $step" 10 in_file "^step $step$" "$SCRATCH/steps"
  kill -9 $pid 2>/dev/null || fail "the installer ended before it could be killed at step $step: $(cat "$SCRATCH/steps")"
  wait $pid 2>/dev/null || true
  check_current "killed at $step" 1 2
  $(install_cmd 1) >/dev/null 2>&1 || fail "install after a kill at $step failed"
done

# 2. At random moments, installing and rolling back in turn.
for run in $(seq "$RANDOM_RUNS"); do
  target=$((run % 2 + 2))
  if [ $((run % 3)) = 0 ]; then
    "$KIOSKCTL" rollback --state-dir "$state" >/dev/null 2>&1 &
  else
    $(install_cmd $target) >/dev/null 2>&1 &
  fi
  pid=$!
  sleep "0.0$((RANDOM % 60))"
  kill -9 $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  check_current "random kill $run" 1 2 3
done
leftovers=$(find "$state" -name '.incoming-*' -o -name 'current.new-*' | wc -l)
echo "kills survived: $((7 + RANDOM_RUNS)); kiosk starts checked: $((checked / 10)); leftovers awaiting the next install: $leftovers"

# 3. The order of the syscalls that make an install durable.
command -v strace >/dev/null || fail "strace is not installed (packaging/build-deps.txt)"
# LeakSanitizer cannot run under ptrace; the sanitizer build's leak check is skipped here.
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -qq -e trace=openat,write,fsync,fdatasync,rename,renameat,renameat2,symlink,symlinkat,close \
  -o "$SCRATCH/trace" $(install_cmd 3) >/dev/null 2>&1 || fail "install under strace failed"
python3 - "$SCRATCH/trace" <<'PY'
import re, sys
events, fds = [], {}
for line in open(sys.argv[1]):
    line = re.sub(r"^\d+\s+", "", line.strip())
    m = re.match(r'openat\(AT_FDCWD, "([^"]+)".*= (\d+)$', line)
    if m:
        fds[m.group(2)] = m.group(1)
        continue
    m = re.match(r"(write|fsync|fdatasync|close)\((\d+)", line)
    if m:
        events.append((m.group(1), fds.get(m.group(2), "?")))
        continue
    m = re.match(r'(rename|renameat2?)\(.*?"([^"]+)".*?"([^"]+)"', line)
    if m:
        events.append(("rename", m.group(2) + " -> " + m.group(3)))
        continue
    m = re.match(r'(symlink|symlinkat)\("([^"]+)".*?"([^"]+)"', line)
    if m:
        events.append(("symlink", m.group(3)))

def index(pred, after=-1, what=""):
    for i, e in enumerate(events):
        if i > after and pred(e):
            return i
    sys.exit("strace order: no " + what + " after event " + str(after) + ":\n" + "\n".join(map(str, events)))

incoming = lambda e: "/incoming/" in e[1] and e[1].endswith(".bundle")
last_write = max(i for i, e in enumerate(events) if e[0] == "write" and incoming(e))
sync_file = index(lambda e: e[0] in ("fsync", "fdatasync") and incoming(e), last_write, "fsync of the copied bundle")
renamed = index(lambda e: e[0] == "rename" and "/incoming/" in e[1] and ".minisig" not in e[1], sync_file, "rename into place")
sync_dir = index(lambda e: e[0] == "fsync" and e[1].endswith("/bundles"), renamed, "fsync of the bundles directory")
link = index(lambda e: e[0] == "symlink" and "/current.new-" in e[1], sync_dir, "new current link")
swap = index(lambda e: e[0] == "rename" and e[1].endswith("/current"), link, "link swap")
index(lambda e: e[0] == "fsync" and e[1].endswith("/state"), swap, "fsync of the state directory")
print("syscall order ok: write, fsync file, rename, fsync directory, link swap, fsync directory")
PY
echo "cli_kill_safety: ok"
