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
