# Helpers for the end-to-end tests. Each test runs with `set -euo pipefail` and a
# scratch directory removed on exit.
set -euo pipefail
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

# stop_at_exit PID: at exit, stops a kiosk the test left running and waits for it to end
# before the scratch directory goes (an exiting kiosk still writes its play statistics).
stop_at_exit() {
  trap "kill $1 2>/dev/null || true; wait $1 2>/dev/null || true; rm -rf \"\$SCRATCH\"" EXIT
}

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# expect_exit CODE CMD...: runs CMD, keeps its stderr in $SCRATCH/stderr, checks the exit code.
expect_exit() {
  local want=$1
  shift
  local got=0
  "$@" >"$SCRATCH/stdout" 2>"$SCRATCH/stderr" || got=$?
  [ "$got" = "$want" ] || fail "'$*' exited $got, expected $want; stderr: $(cat "$SCRATCH/stderr")"
}

stderr_has() {
  grep -qF -- "$1" "$SCRATCH/stderr" || fail "stderr lacks '$1': $(cat "$SCRATCH/stderr")"
}

# start_own_xvfb: an Xvfb of the test's own at 1920x1080 (for a full-screen kiosk, or a
# window manager, that must not disturb the suite's shared display), with a black root so
# that a hidden kiosk cannot pass for content. Sets DISPLAY and xvfb_pid; the caller's
# EXIT trap kills it.
start_own_xvfb() {
  local fifo="$SCRATCH/displayfd" number
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp -br 3>"$fifo" 2>"$SCRATCH/xvfb.log" &
  xvfb_pid=$!
  read -r -t 20 number <"$fifo" || fail "Xvfb did not start: $(cat "$SCRATCH/xvfb.log")"
  export DISPLAY=":$number"
}

# The sanitizer build runs several times slower; tests/CMakeLists.txt sets the factor in
# KIOSK_TEST_SLOWDOWN, and every deadline a test waits against is scaled by it.
SLOWDOWN=${KIOSK_TEST_SLOWDOWN:-1}
WAIT_INTERVAL=${WAIT_INTERVAL:-0.1} # how often wait_until looks
WAIT_FAIL=${WAIT_FAIL:-fail}        # what it calls when it gives up (xdo.sh: step_fail)

# wait_until [--alive PID] [--show FILE] DESCRIPTION SECONDS CMD...: runs CMD every
# WAIT_INTERVAL s until it succeeds. Gives up after SECONDS (times the slowdown) with
# "timed out after N s waiting for DESCRIPTION" (and FILE's contents), or at once if PID
# has exited.
wait_until() {
  local alive="" show=""
  while [ "${1:-}" = --alive ] || [ "${1:-}" = --show ]; do
    if [ "$1" = --alive ]; then alive=$2; else show=$2; fi
    shift 2
  done
  local what=$1 limit now=${EPOCHREALTIME/./} end
  limit=$(awk -v s="$2" -v f="$SLOWDOWN" 'BEGIN { print s * f }')
  end=$((now + $(awk -v l="$limit" 'BEGIN { printf "%d", l * 1000000 }')))
  shift 2
  until "$@"; do
    if [ -n "$alive" ] && ! kill -0 "$alive" 2>/dev/null; then
      "$WAIT_FAIL" "the process $alive exited while waiting for $what${show:+: $(cat "$show" 2>/dev/null)}"
    fi
    if [ "${EPOCHREALTIME/./}" -ge "$end" ]; then
      "$@" && return 0 # one last look: the deadline may have passed while CMD ran
      "$WAIT_FAIL" "timed out after $limit s waiting for $what${show:+: $(cat "$show" 2>/dev/null)}"
    fi
    sleep "$WAIT_INTERVAL"
  done
}

# in_file PATTERN FILE: FILE has a line matching the extended regular expression PATTERN,
# looked for without starting a process (for waits that must notice a line quickly).
in_file() {
  local line
  [ -f "$2" ] || return 1
  while IFS= read -r line || [ -n "$line" ]; do [[ $line =~ $1 ]] && return 0; done <"$2"
  return 1
}
# exited PID: the process has ended.
exited() { ! kill -0 "$1" 2>/dev/null; }

# tiny_version N FILE: a copy of the tiny test bundle whose version is N.
tiny_version() {
  cp "$TINY_BUNDLE" "$2"
  python3 -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute('UPDATE bundle SET version=$1'); d.commit()" "$2"
}

# wait_log PATTERN SECONDS: until the kiosk's log, $SCRATCH/log, has a line matching PATTERN.
wait_log() {
  wait_until --show "$SCRATCH/log" "'$1'" "$2" grep -q -- "$1" "$SCRATCH/log"
}
