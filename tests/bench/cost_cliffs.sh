#!/usr/bin/env bash
# Prints the CPU seconds (user + system) that `briefing` spends on inputs
# where one field is very large: a 1 MB summary, a 10,000-character title
# without a space, and 2,000 items on one day. Each case runs `check`,
# `timeline -o x.png` (with and without --allow-omissions), `timeline -o
# x.pdf` and `report -o x.pdf`, and prints its exit status and how much it
# wrote to stderr. Timing is not a test (the machine is shared); this is the
# measurement behind the limits in data/README.md; the last three cases are
# the costliest inputs within those limits. CASES="..." picks cases.
#   tests/bench/cost_cliffs.sh [BUILD_DIR]   (BENCH_TIMEOUT=S cuts each run, default 120)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
briefing="$build/briefing"
limit=${BENCH_TIMEOUT:-120}  # seconds of wall time per run; exit 124 when cut
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

header() {
  cat <<TOML
[dataset]
title = "$1"
publisher = "Bench Office"
published = "2025-01-01"
language = "en"

[[section]]
id = "1"
title = "Everything"
TOML
}

# item ID TITLE SUMMARY DATE
item() {
  cat <<TOML

[[item]]
id = "$1"
section = "1"
title = "$2"
kind = "law"
issuers = ["Bench Office"]
summary = "$3"

[[item.milestone]]
label = "enacted"
date = "$4"
TOML
}

repeat() {  # repeat TEXT COUNT: TEXT COUNT times, no separator
  local out=$1 n=$2 result=""
  while ((n > 0)); do
    ((n & 1)) && result+=$out
    out+=$out
    ((n >>= 1))
  done
  printf '%s' "$result"
}

{
  header "A dataset with one huge summary"
  item "huge" "An item whose summary is a megabyte" "$(repeat 'Words of a summary that goes on. ' 31775)" "2024-03-01"
  item "small" "A small item" "A short summary." "2024-06-01"
} >"$work/summary-1mb.toml"

{
  header "A dataset with one long title"
  item "long" "$(repeat 'x' 10000)" "A short summary." "2024-03-01"
  item "small" "A small item" "A short summary." "2024-06-01"
} >"$work/title-10k.toml"

{
  header "Two thousand items on one day"
  for i in $(seq 1 2000); do item "item-$i" "Item number $i of a crowded day" "Summary $i." "2024-05-01"; done
} >"$work/one-day-2000.toml"

# At the limits (data/README.md): the costliest inputs that still load.
{
  header "A dataset with a summary at the limit"
  item "huge" "An item whose summary has 20,000 characters" "$(repeat 'Words of a summary that goes on. ' 605)Words of a summ." "2024-03-01"
  item "small" "A small item" "A short summary." "2024-06-01"
} >"$work/summary-20k.toml"

{
  header "A dataset with an unbroken summary at the limit"
  item "huge" "An item whose summary is one word of 20,000 characters" "$(repeat 'x' 20000)" "2024-03-01"
  item "small" "A small item" "A short summary." "2024-06-01"
} >"$work/summary-20k-unbroken.toml"

{
  header "$(repeat 'y' 500)"
  item "long" "$(repeat 'x' 500)" "A short summary." "2024-03-01"
  item "small" "A small item" "A short summary." "2024-06-01"
} >"$work/title-500-unbroken.toml"

run() {  # run NAME ARGS...: prints CPU seconds, exit status and stderr size
  local name=$1 status
  shift
  set +e
  /usr/bin/time -o "$work/time" -f "%U %S" timeout "$limit" "$briefing" "$@" >/dev/null 2>"$work/stderr"
  status=$?
  set -e
  local t
  t=$(tail -1 "$work/time")
  printf '%-34s %6.2f s CPU  exit %d  stderr %7d bytes\n' "$name" \
    "$(echo "${t% *} + ${t#* }" | bc -l)" "$status" "$(wc -c <"$work/stderr")"
}

for data in ${CASES:-summary-1mb title-10k one-day-2000 summary-20k summary-20k-unbroken title-500-unbroken}; do
  file="$work/$data.toml"
  echo "$data ($(wc -c <"$file") bytes)"
  run "  check" check "$file"
  run "  timeline png" timeline "$file" -o "$work/x.png"
  run "  timeline png --allow-omissions" timeline "$file" -o "$work/x.png" --allow-omissions
  run "  timeline pdf" timeline "$file" -o "$work/x.pdf"
  run "  report pdf" report "$file" -o "$work/x.pdf"
done
