#!/usr/bin/env bash
# Builds the project twice (Release, and with AddressSanitizer + UndefinedBehaviorSanitizer),
# the unit tests of its threaded code once more with ThreadSanitizer, and the Debian package; fuzzes every
# libFuzzer target briefly; runs the whole test suite in both builds against one Xvfb at
# 1920x1080 (the package test, in the Release one, installs and purges the package), and
# the unit tests under ThreadSanitizer.
# Exits non-zero if anything fails.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# Each stage's start, in minutes and seconds since this script's: CI's time budget is
# read from these.
stage() { printf '== [%02d:%02d] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$1" >&2; }
"$here/scripts/setup.sh"

stage "build (Release, as a packager or user builds it)"
"$here/scripts/build.sh" "$here/build" -DCMAKE_BUILD_TYPE=Release
stage "build with sanitizers"
"$here/scripts/build.sh" "$here/build-asan" -DKIOSK_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
stage "build with ThreadSanitizer (the unit tests of the headless layers' threaded code)"
# The build runs the instrumented kioskctl to make the test bundles, so the suppressions
# for Debian's uninstrumented libraries apply to it as much as to the tests.
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions=$here/tests/tsan.supp
cmake -S "$here" -B "$here/build-tsan" -G Ninja -DKIOSK_TSAN=ON -DKIOSK_BENCH=OFF >/dev/null
cmake --build "$here/build-tsan" --target unit_tests --parallel "$(nproc)"
stage "Debian package"
"$here/scripts/build-deb.sh" "$here/build-deb"
# As root (as in CI) the package test installs the package and must not be skipped.
[ "$(id -u)" != 0 ] || export KIOSK_REQUIRE_DEB=1
stage "fuzzing, 15 s per target (clang-14, libFuzzer, ASan + UBSan)"
fuzz_status=0
"$here/scripts/fuzz.sh" --seconds 15 || fuzz_status=1

source "$here/scripts/xvfb.sh"
start_xvfb

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:verify_asan_link_order=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$here/tests/lsan-mesa.supp:print_suppressions=0

status=0
stage "tests"
ctest --test-dir "$here/build" --output-on-failure --parallel 2 || status=1
stage "tests with sanitizers"
# llvmpipe renders on the calling thread here: LeakSanitizer's end-of-process scan has to
# stop every thread, and its tracer has been seen to crash on driver threads tearing down.
LP_NUM_THREADS=0 ctest --test-dir "$here/build-asan" --output-on-failure --parallel 2 || status=1
# sqlite_oom is its own executable, single-threaded, and not built here.
stage "unit tests with ThreadSanitizer"
ctest --test-dir "$here/build-tsan" --label-regex "^unit$" --exclude-regex "^sqlite_oom$" --output-on-failure \
  --parallel 2 || status=1
if [ $fuzz_status != 0 ]; then
  # Repeated here, since CI logs are often read from their end.
  stage "fuzzing failed:"
  cat "$here/build-fuzz/fuzz-runs/latest/failures" >&2 || true
fi
stage "done"
exit $((status | fuzz_status))
