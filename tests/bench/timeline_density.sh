#!/usr/bin/env bash
# Times `briefing timeline` on generated datasets of 1,000, 10,000 and
# 100,000 items (fictional fixtures: made-up titles, dates spread over
# 1990–2025, six sections, twenty items highlighted), where each lane
# becomes a density strip. Prints CPU seconds (user + system) and the peak
# resident memory per size, and the ratio time(10 k) / time(1 k). Timing is
# not a test (the machine is shared): run it on a quiet machine. With
# --allow-omissions: a highlight with no room under its strip is named on stderr.
#   tests/bench/timeline_density.sh [BUILD_DIR]   (SIZES="1000 10000" picks sizes, OUT=.png|.pdf)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
briefing="$build/briefing"
sizes=${SIZES:-"1000 10000 100000"}
out=${OUT:-.png}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() {  # N -> a dataset of N items on stdout
  awk -v n="$1" 'BEGIN {
    srand(13);
    print "[dataset]\ntitle = \"Density bench (fictional)\"\npublisher = \"Bench Office\"";
    print "published = \"2025-01-01\"\nlanguage = \"en\"\n";
    for (s = 1; s <= 6; ++s) printf "[[section]]\nid = \"%d\"\ntitle = \"Section %d\"\n\n", s, s;
    for (i = 0; i < n; ++i) {
      y = 1990 + int(rand() * 36); m = 1 + int(rand() * 12); d = 1 + int(rand() * 28);
      printf "[[item]]\nid = \"item-%d\"\nsection = \"%d\"\nkind = \"%s\"\n", i, 1 + int(rand() * 6),
             (rand() < 0.5 ? "law" : "guideline");
      printf "title = \"Fictional measure number %d on the safe use of systems\"\n", i;
      print "summary = \"A made-up item for the benchmark.\"\nissuers = [\"Bench Office\"]";
      if (i % int(n / 20) == 0) print "highlight = true";
      r = rand();
      if (r < 0.2) date = sprintf("%d", y);
      else if (r < 0.5) date = sprintf("%d-%02d", y, m);
      else date = sprintf("%d-%02d-%02d", y, m, d);
      printf "[[item.milestone]]\nlabel = \"adopted\"\ndate = \"%s\"\n\n", date;
    }
  }'
}

declare -A cpu
for n in $sizes; do
  generate "$n" >"$work/d$n.toml"
  /usr/bin/time -o "$work/time" -f "%U %S %M" "$briefing" timeline "$work/d$n.toml" \
    -o "$work/t$n$out" --allow-omissions >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  read -r user system kb <"$work/time"
  cpu[$n]=$(echo "$user + $system" | bc -l)
  printf '%7d items: %6.2f s CPU, %5d MB peak\n' "$n" "${cpu[$n]}" $((kb / 1024))
done
if [[ -n "${cpu[1000]:-}" && -n "${cpu[10000]:-}" ]]; then
  printf 'time(10 k) / time(1 k) = %.1f\n' "$(echo "${cpu[10000]} / ${cpu[1000]}" | bc -l)"
fi
