#!/usr/bin/env bash
# Benchmark (not a test): latency from saving the dataset to the new output
# files on disk, with `briefing watch` on the default build (briefing.toml).
# tests/bench/run.sh runs it as part of W4; it also runs alone:
#
#   tests/bench/watch_latency.sh [BRIEFING_BINARY] [SAVES]
#
# Works on a temporary copy of briefing.toml and data/ (layouts and fonts
# come from the repository). Each save changes one date (the dataset's
# `published` day, toggled between two values), which every output depends
# on, and is written like an editor saves: a new file renamed over the old
# one. For each save, from the time of the rename: "first" is the earliest
# modification time among the outputs that changed, "all" the latest once
# every output has changed; "CPU" what the watch process and its renders
# spent on it. Prints each save, then the medians and maxima;
# the last line reads
#   watch latency over N saves, K outputs, C cores: first output median X s (max X s), all outputs median Y s (max Y s)
# Wall-clock times: on a shared machine run it when the load is low, and
# read the load average it prints.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
binary=$(realpath "${1:-$repo/build/briefing}")
saves=${2:-7}

work=$(mktemp -d /tmp/briefing-watch-latency-XXXXXX)
watch_pid=""
cleanup() {
  if [ -n "$watch_pid" ]; then kill "$watch_pid" 2>/dev/null || true; wait "$watch_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cp "$repo/briefing.toml" "$work/"
cp -r "$repo/data" "$work/data"
dataset=$(sed -n 's/^data *= *"\(.*\)".*/\1/p' "$work/briefing.toml" | head -n 1)
outputs=$(sed -n 's/^path *= *"\(.*\)".*/\1/p' "$work/briefing.toml")
output_count=$(echo "$outputs" | wc -w)
original=$(sed -n 's/^published *= *"\(.*\)".*/\1/p' "$work/$dataset" | head -n 1)
# The other value: same date, one day earlier when possible.
case "$original" in
  ????-??-0[2-9] | ????-??-[1-3]?) other="${original%??}$(printf '%02d' $((10#${original: -2} - 1)))" ;;
  *) other="$original" ;;
esac
if [ "$other" = "$original" ]; then echo "cannot derive a second date from '$original'" >&2; exit 2; fi

cd "$work"
"$binary" build --quiet >/dev/null 2>&1 || true  # start from a complete, up-to-date build
"$binary" watch > watch.out 2> watch.err &
watch_pid=$!
for _ in $(seq 200); do grep -q watching watch.out && break; sleep 0.05; done
grep -q watching watch.out || { echo "watch did not start" >&2; cat watch.err >&2; exit 1; }

# CPU time (ms) of the watch process, its finished children and its running
# ones (the warm render workers) so far (/proc/PID/stat utime + stime +
# cutime + cstime, in clock ticks): each save's share is a cost that, unlike
# wall time, hardly depends on the machine's load.
ticks=$(getconf CLK_TCK)
cpu_ms() {
  local children
  children=$(cat "/proc/$watch_pid/task/"*/children 2>/dev/null || true)
  for p in $watch_pid $children; do cat "/proc/$p/stat" 2>/dev/null || true; done |
    awk -v t="$ticks" '{ sub(/.*\) /, ""); sum += $12 + $13 + $14 + $15 } END { print sum * 1000 / t }'
}

mtimes() {  # one line per output: seconds since the epoch, with nanoseconds (0 when missing)
  for f in $outputs; do if [ -f "$f" ]; then stat -c %.9Y "$f"; else echo 0; fi; done
}

firsts=()
alls=()
cpus=()
for i in $(seq "$saves"); do
  value=$([ $((i % 2)) -eq 1 ] && echo "$other" || echo "$original")
  builds_before=$(grep -c "outputs:" watch.out || true)
  before=$(mtimes)
  cpu_before=$(cpu_ms)
  sed "s/^published *= *\".*\"/published = \"$value\"/" "$dataset" > "$dataset.new"
  saved=$(date +%s.%N)
  mv "$dataset.new" "$dataset"
  for _ in $(seq 3000); do
    [ "$(grep -c "outputs:" watch.out || true)" -gt "$builds_before" ] && break
    sleep 0.01
  done
  read -r first all changed < <(paste <(echo "$before") <(mtimes) | awk -v s="$saved" '
    $2 != $1 { n++; d = $2 - s; if (n == 1 || d < lo) lo = d; if (n == 1 || d > hi) hi = d }
    END { printf "%.6f %.6f %d\n", lo, hi, n }')
  cpu=$(echo "$(cpu_ms) - $cpu_before" | bc -l)
  cpus+=("$cpu")
  firsts+=("$first")
  if [ "$changed" -eq "$output_count" ]; then alls+=("$all"); fi
  printf 'save %d: first output %.3f s, all %d changed %.3f s, CPU %.0f ms  (%s)\n' "$i" "$first" "$changed" \
    "$all" "$cpu" "$(grep "outputs:" watch.out | tail -n 1)"
  sleep 0.5  # let the folder settle before the next save
done

stats() {  # median and max of the arguments
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a n/a"; exit }
    printf "%.3f %.3f\n", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[NR] }'
}
read -r first_median first_max < <(stats "${firsts[@]}")
read -r all_median all_max < <(stats "${alls[@]+"${alls[@]}"}")
read -r cpu_median cpu_max < <(stats "${cpus[@]}")
if [ ${#alls[@]} -lt "$saves" ]; then
  echo "note: only ${#alls[@]} of $saves saves changed all $output_count outputs" >&2
fi
printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'watch CPU per save (the watch process and its renders): median %.0f ms (max %.0f ms)\n' "$cpu_median" "$cpu_max"
printf 'watch latency over %d saves, %d outputs, %s cores: first output median %s s (max %s s), all outputs median %s s (max %s s)\n' \
  "$saves" "$output_count" "$(nproc)" "$first_median" "$first_max" "$all_median" "$all_max"
