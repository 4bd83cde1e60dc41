#!/usr/bin/env bash
# Builds the libFuzzer targets (build-fuzz/, clang-14, ASan + UBSan) and fuzzes each for
# a fixed time, from a scratch copy of its seed corpus and regressions, so the committed
# corpus changes only with --merge. Exits non-zero if any target crashes, leaks, hangs
# or runs out of memory, naming the reproducer.
#
#   scripts/fuzz.sh [--seconds N] [--merge] [--no-build] [--no-report] [TARGET...]
#       every target (or those named) for N seconds each, default 15
#   scripts/fuzz.sh [--no-build] --reproduce TARGET FILE...
#       run saved inputs (a crash, a regression) once through TARGET
#
# --merge minimises the run's corpus (libFuzzer -merge=1) back into tests/fuzz/corpus/TARGET.
# --no-report leaves out the report's bundle and sources, which are large and slow to
# mutate, so that the fuzzer spends its time on the small seeds.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build-fuzz
all_targets=(bundle image font sources minisign config line_break)

seconds=15
merge=0
build_first=1
reproduce=0
report=1
targets=()
while (($#)); do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --merge) merge=1; shift ;;
    --no-build) build_first=0; shift ;;
    --reproduce) reproduce=1; shift ;;
    --no-report) report=0; shift ;;
    -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

# A failed build leaves no report behind, rather than the last run's.
((reproduce)) || rm -f "$build/fuzz-runs/latest"
if ((build_first)); then
  echo "== build-fuzz (clang-14, libFuzzer, ASan + UBSan)" >&2
  CC=clang-14 CXX=clang++-14 cmake -S "$here" -B "$build" -G Ninja -DKIOSK_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$build" --parallel 2 --target fuzz_targets
fi
bin=$build/tests/fuzz

if ((reproduce)); then
  ((${#targets[@]} >= 2)) || { echo "usage: fuzz.sh --reproduce TARGET FILE..." >&2; exit 2; }
  exec "$bin/fuzz_${targets[0]}" "${targets[@]:1}"
fi
((${#targets[@]})) || targets=("${all_targets[@]}")

# What a failure's report holds: the error, the top of its stack, and the reproducer
# itself when it is small, since a CI machine's build directory is gone once it fails.
report_failure() {
  local target=$1 work=$2
  echo "fuzz_$target FAILED"
  grep -E '==[0-9]+== ?ERROR|^SUMMARY|runtime error' "$work/log" | head -5 || true
  # The stack without the frames of the sanitizer and of libFuzzer itself.
  grep -E '^ +#[0-9]+ 0x' "$work/log" | grep -v -E ' in (__sanitizer|__asan|__ubsan|__interceptor|fuzzer::)' |
    head -12 || true
  for artifact in "$work"/artifacts/*; do
    [[ -e $artifact ]] || continue
    echo "reproduce with: scripts/fuzz.sh --reproduce $target $artifact"
    if (($(stat -c %s "$artifact") <= 16384)); then
      echo "the input, base64 (base64 -d >input, then --reproduce $target input):"
      base64 -w 120 "$artifact"
    fi
  done
  echo "full log: $work/log"
}

# Reproducers and logs stay in the build directory, one folder per run; `latest` links
# to the last run, whose `failures` file test.sh prints again at its end.
runs=$build/fuzz-runs/$(date +%Y%m%d-%H%M%S)
mkdir -p "$runs"
ln -sfn "$runs" "$build/fuzz-runs/latest"
failures=$runs/failures
: >"$failures"
status=0
for target in "${targets[@]}"; do
  [[ -x $bin/fuzz_$target ]] || { echo "fuzz.sh: no target '$target' (have: ${all_targets[*]})" >&2; exit 2; }
  work=$runs/$target
  mkdir -p "$work/corpus" "$work/artifacts"
  for dir in "$here/tests/fuzz/corpus/$target" "$here/tests/fuzz/regressions/$target"; do
    if [[ -d $dir ]]; then find "$dir" -maxdepth 1 -type f -exec cp -t "$work/corpus" {} +; fi
  done
  limit=()
  timeout=25
  if [[ $target == bundle ]]; then
    # Validating a big bundle (every picture decoded) takes seconds under the sanitizers
    # on a loaded machine; a hang is still caught, a little later.
    timeout=120
  fi
  # The real report bundle (2.4 MB) is a seed too, but is built rather than committed.
  # libFuzzer would cut seeds over 1 MB short, so the length limit is raised to fit it.
  if [[ $target == bundle ]] && ((report)); then
    for report_bundle in "$here/build/report.bundle" "$build/report.bundle"; do
      if [[ -f $report_bundle ]]; then
        cp "$report_bundle" "$work/corpus/report.bundle"
        limit=(-max_len="$(stat -c %s "$report_bundle")")
        break
      fi
    done
  fi
  # Likewise the report's editable sources, packed the way the sources target reads them.
  if [[ $target == sources ]] && ((report)) && [[ -f $here/db/content/bundle.toml ]]; then
    (cd "$here/db/content" && find . -name '*.toml' | sort | while read -r file; do
      printf '=== %s\n' "${file#./}"
      cat "$file"
      echo
    done) >"$work/corpus/report.sources"
  fi
  echo "== fuzz_$target for ${seconds}s" >&2
  rc=0
  (cd "$work" && "$bin/fuzz_$target" "${limit[@]}" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" corpus >"$work/log" 2>&1) || rc=$?
  grep -E '^#[0-9]+[[:space:]]+DONE' "$work/log" | tail -1 || true
  if ((rc != 0)); then
    status=1
    report_failure "$target" "$work" | tee -a "$failures" >&2
    continue
  fi
  if ((merge)); then
    # Large inputs (the report's bundle and sources, and inputs grown from them) stay out
    # of git, which keeps the committed corpus small: the report comes back at run time.
    # The minimal corpus is chosen among the rest.
    keep_kb=64
    [[ $target == bundle ]] && keep_kb=256
    [[ $target == sources ]] && keep_kb=16
    mkdir -p "$work/mergeable" "$work/minimal"
    find "$work/corpus" -type f -size -"$((keep_kb + 1))"k -exec cp -t "$work/mergeable" {} +
    "$bin/fuzz_$target" -merge=1 -timeout="$timeout" -rss_limit_mb=2048 "$work/minimal" "$work/mergeable" \
      >"$work/merge.log" 2>&1
    rm -rf "$here/tests/fuzz/corpus/$target"
    mkdir -p "$here/tests/fuzz/corpus/$target"
    cp "$work"/minimal/* "$here/tests/fuzz/corpus/$target/"
    echo "fuzz_$target: corpus minimised to $(find "$work/minimal" -type f | wc -l) files" >&2
  fi
done
exit $status
