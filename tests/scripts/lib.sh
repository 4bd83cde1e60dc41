# Helpers for the end-to-end tests. Each test runs with `set -euo pipefail` and a
# scratch directory removed on exit.
set -euo pipefail
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

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
