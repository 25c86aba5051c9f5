#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, build-fuzz/ by default)
# and runs each for SECONDS_PER_TARGET seconds (default 60), seeded from
# data/, tests/data/, layouts/ and tests/fuzz/regressions/. Exits non-zero if any target finds a crash,
# a sanitizer report, a leak or a timeout; the input is kept in
# build-fuzz/artifacts/.
#   tests/fuzz/run_fuzzers.sh [SECONDS_PER_TARGET]
# Environment: BRIEFING_FUZZ_BUILD_DIR (build folder), FUZZ_TARGETS (names).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
build=${BRIEFING_FUZZ_BUILD_DIR:-$root/build-fuzz}
targets=(${FUZZ_TARGETS:-dataset_loader_fuzzer timeline_style_fuzzer report_style_fuzzer timeline_layout_fuzzer})

if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DBRIEFING_FUZZ=ON -DBUILD_TESTING=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" --target briefing_fuzzers -j 2

# The fuzzers live deep in build-fuzz/: point them at the sources' fonts/ and layouts/.
export BRIEFING_DATA_DIR="$root"
export LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# Seeds are read in place; what a run adds goes to build-fuzz/corpus/TARGET.
# regressions/ holds every input that once tripped a sanitizer or assertion.
seeds=("$root/data" "$root/tests/data" "$root/layouts" "$root/tests/fuzz/regressions")
failed=()
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  artifacts="$build/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  echo "run_fuzzers.sh: $target for ${seconds} s"
  if ! "$build/tests/fuzz/$target" "$corpus" "${seeds[@]}" \
      -dict="$root/tests/fuzz/toml.dict" -max_total_time="$seconds" -max_len=65536 \
      -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" 2> "$build/$target.log"; then
    failed+=("$target")
    tail -n 60 "$build/$target.log"
  fi
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done )" "$build/$target.log" || true
done

echo "fuzzers: $((${#targets[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
if [ ${#failed[@]} -gt 0 ]; then
  echo "run_fuzzers.sh: findings in ${failed[*]}; inputs in $build/artifacts/" >&2
  exit 1
fi
