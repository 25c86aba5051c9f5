#!/usr/bin/env bash
# How the timeline's cost grows with the number of items: writes a made-up
# dataset (fictional fixture: 6 sections, titles of 20-200 characters,
# dates spread over 2000-2025 at all three precisions, one item in five
# with three milestones) of each size and prints the CPU seconds (user +
# system) and peak memory of `briefing timeline --allow-omissions -o x.pdf`.
# Timing is not a test (the machine is shared); this is the measurement
# behind the figures in README.md ("Timeline").
#   tests/bench/timeline_scaling.sh [BUILD_DIR] [SIZES...]   (default 1025 4100 10250)
#   BENCH_TIMEOUT=S cuts each run (default 300 s of wall time; exit 124 when cut)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1025 4100 10250)
briefing="$build/briefing"
limit=${BENCH_TIMEOUT:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

write_dataset() {  # N FILE
  awk -v n="$1" 'BEGIN {
    srand(7);
    print "[dataset]\ntitle = \"Timeline scaling (fictional)\"\npublisher = \"Bench Office\"";
    print "published = \"2025-01-01\"\nlanguage = \"en\"\n";
    for (s = 1; s <= 6; s++) printf "[[section]]\nid = \"%d\"\ntitle = \"Section %d\"\n\n", s, s;
    split("regulation directive strategy guideline framework report plan charter", words, " ");
    for (i = 1; i <= n; i++) {
      len = 20 + int(rand() * 181); title = sprintf("Item %d", i);
      while (length(title) < len) title = title " " words[1 + int(rand() * 8)];
      title = substr(title, 1, len); sub(/ +$/, "", title);
      printf "[[item]]\nid = \"i%d\"\nsection = \"%d\"\ntitle = \"%s\"\nkind = \"law\"\n", i, 1 + (i % 6), title;
      printf "issuers = []\nsummary = \"A fictional item for the benchmark.\"\n";
      if (i % 37 == 0) printf "highlight = true\n";
      count = (i % 5 == 0) ? 3 : 1; day = int(rand() * 9000);
      for (m = 0; m < count; m++) {
        d = day + m * 200; y = 2000 + int(d / 365); mo = 1 + int((d % 365) / 31); if (mo > 12) mo = 12;
        dd = 1 + (d % 28); p = i % 3;  # one precision per item: milestones stay in order
        if (p == 0) date = sprintf("%04d", y); else if (p == 1) date = sprintf("%04d-%02d", y, mo);
        else date = sprintf("%04d-%02d-%02d", y, mo, dd);
        printf "\n[[item.milestone]]\nlabel = \"step %d\"\ndate = \"%s\"\n", m + 1, date;
      }
      printf "\n";
    }
  }' > "$2"
}

printf '%8s %10s %10s %6s\n' items cpu_s max_rss_mb exit
for n in "${sizes[@]}"; do
  data="$work/items-$n.toml"
  write_dataset "$n" "$data"
  status=0
  /usr/bin/time -f '%U %S %M' -o "$work/time" timeout "$limit" \
    "$briefing" timeline "$data" -o "$work/x.pdf" --allow-omissions 2>/dev/null || status=$?
  read -r user sys rss < <(tail -1 "$work/time")
  awk -v n="$n" -v u="$user" -v s="$sys" -v r="$rss" -v e="$status" \
    'BEGIN { printf "%8d %10.2f %10.1f %6d\n", n, u + s, r / 1024, e }'
done
