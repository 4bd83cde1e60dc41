# Sourced by the scripts: starts one Xvfb at 1920x1080 on a free display number, exports
# DISPLAY, and stops it when the calling script exits.
start_xvfb() {
  local fifo
  fifo=$(mktemp -u)
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp -noreset 3>"$fifo" 2>/dev/null &
  XVFB_PID=$!
  local number
  read -r -t 10 number <"$fifo" || { echo "xvfb: did not start" >&2; rm -f "$fifo"; return 1; }
  rm -f "$fifo"
  export DISPLAY=":$number"
  trap 'kill $XVFB_PID 2>/dev/null || true' EXIT
}
