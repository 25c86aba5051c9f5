#!/usr/bin/env bash
# Benchmark (not a test): latency from saving the dataset to the new output
# files on disk, with `briefing watch` on the default build (briefing.toml).
#
#   tests/bench/watch_latency.sh [BRIEFING_BINARY] [SAVES]
#
# Works on a temporary copy of briefing.toml and data/ (layouts and fonts
# come from the repository). Each save changes one date (the dataset's
# `published` day, toggled between two values) and is written like an
# editor saves: a new file renamed over the old one. The latency of a save is
# the newest modification time among the outputs minus the time of the
# rename. Prints every latency, then the median and the maximum.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
binary=$(realpath "${1:-$repo/build/briefing}")
saves=${2:-7}

work=$(mktemp -d /tmp/briefing-watch-latency-XXXXXX)
watch_pid=""
cleanup() {
  [ -n "$watch_pid" ] && kill "$watch_pid" 2>/dev/null && wait "$watch_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

cp "$repo/briefing.toml" "$work/"
cp -r "$repo/data" "$work/data"
dataset=$(sed -n 's/^data *= *"\(.*\)".*/\1/p' "$work/briefing.toml" | head -n 1)
outputs=$(sed -n 's/^path *= *"\(.*\)".*/\1/p' "$work/briefing.toml")
original=$(sed -n 's/^published *= *"\(.*\)".*/\1/p' "$work/$dataset" | head -n 1)
# The other value: same date, one day (or month, or year) earlier when possible.
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

newest_mtime() {  # seconds since the epoch, with nanoseconds
  for f in $outputs; do [ -f "$f" ] && stat -c %.9Y "$f"; done | sort -n | tail -n 1
}

latencies=()
for i in $(seq "$saves"); do
  value=$([ $((i % 2)) -eq 1 ] && echo "$other" || echo "$original")
  builds_before=$(grep -c "outputs:" watch.out || true)
  sed "s/^published *= *\".*\"/published = \"$value\"/" "$dataset" > "$dataset.new"
  saved=$(date +%s.%N)
  mv "$dataset.new" "$dataset"
  for _ in $(seq 600); do
    [ "$(grep -c "outputs:" watch.out || true)" -gt "$builds_before" ] && break
    sleep 0.01
  done
  latency=$(awk -v a="$(newest_mtime)" -v b="$saved" 'BEGIN { printf "%.6f", a - b }')
  latencies+=("$latency")
  printf 'save %d: %.3f s  (%s)\n' "$i" "$latency" "$(grep "outputs:" watch.out | tail -n 1)"
  sleep 0.5  # let the folder settle before the next save
done

sorted=$(printf '%s\n' "${latencies[@]}" | sort -n)
count=${#latencies[@]}
median=$(echo "$sorted" | sed -n "$(((count + 1) / 2))p")
max=$(echo "$sorted" | tail -n 1)
printf 'watch latency over %d saves, %d outputs, %s cores: median %.3f s, max %.3f s\n' \
  "$count" "$(echo "$outputs" | wc -w)" "$(nproc)" "$median" "$max"
