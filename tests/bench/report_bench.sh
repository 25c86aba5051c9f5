#!/usr/bin/env bash
# Times `briefing report` against a bare Pango+Cairo typesetting of the same
# text (tests/bench/bare_typeset.cpp) and prints the ratio, in one run. With
# valgrind installed it also prints the ratio of instructions executed, which
# stays the same however busy the machine is.
#   tests/bench/report_bench.sh [BUILD_DIR] [RUNS]
# Build the baseline first: cmake --build BUILD_DIR --target bare_typeset
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${2:-10}
data=data/ai-safety-japan-2024.toml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/briefing" report "$data" -o "$work/report.pdf" >/dev/null 2>&1
# The same text: everything the report shows, as paragraphs.
pdftotext "$work/report.pdf" "$work/text.txt"

# CPU seconds (user + system) of $runs runs of a command: steadier than wall
# time on a shared machine.
seconds() {
  local total=0 t
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time" -f "%U %S" "$@" >/dev/null 2>&1
    t=$(tail -1 "$work/time")
    total=$(echo "$total + ${t% *} + ${t#* }" | bc -l)
  done
  echo "$total"
}

report=$(seconds "$build/briefing" report "$data" -o "$work/r.pdf")
bare=$(seconds "$build/tests/bench/bare_typeset" fonts "$work/text.txt" "$work/b.pdf")
printf 'report: %.1f ms per run, bare Pango+Cairo: %.1f ms per run (%s pages of text), CPU time ratio %.2f\n' \
  "$(echo "$report * 1000 / $runs" | bc -l)" "$(echo "$bare * 1000 / $runs" | bc -l)" \
  "$(pdfinfo "$work/b.pdf" | awk '/^Pages:/ {print $2}')" "$(echo "$report / $bare" | bc -l)"

# Instructions executed (callgrind's count), one run each.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    awk '/Collected :/ {print $NF}'
}
if command -v valgrind >/dev/null; then
  report_ir=$(instructions "$build/briefing" report "$data" -o "$work/r.pdf")
  bare_ir=$(instructions "$build/tests/bench/bare_typeset" fonts "$work/text.txt" "$work/b.pdf")
  printf 'report: %.0f M instructions, bare Pango+Cairo: %.0f M, instruction ratio %.2f\n' \
    "$(echo "$report_ir / 1000000" | bc -l)" "$(echo "$bare_ir / 1000000" | bc -l)" \
    "$(echo "$report_ir / $bare_ir" | bc -l)"
fi
