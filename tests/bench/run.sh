#!/usr/bin/env bash
# The benchmark of issue #12 (Speed), one command:
#
#   tests/bench/run.sh [BUILD_DIR] [--quick] [--runs N] [--timeout S]
#                      [--callgrind-limit S] [--saves N] [--only W1,W2,W3,W4,watch,check]
#
# Builds `briefing` and the floors (floor_report, floor_slide: EXCLUDE_FROM_ALL
# targets in tests/CMakeLists.txt) in BUILD_DIR (default build, configured
# RelWithDebInfo when it is not yet), then measures each workload against its
# floor — a bare Cairo+Pango program that draws the same text, fonts, lines
# and marks (tests/bench/floor_*.cpp, specs by floor_spec.py) — and prints one
# markdown table, also written to BUILD_DIR/bench/results.md:
#
#   W1    briefing report of the fact sheet (A4)                 floor_report
#   W2    reports of 1,025 and 10,250 generated items            floor_report
#   W3    briefing timeline of the fact sheet, 1920×1080 PNG     floor_slide (cairo_surface_write_to_png; and libpng as the project encodes)
#   W4    briefing build --force of the default build (6 outputs) the six floors in a row
#         watch: save → first changed output, → all six, CPU per save (tests/bench/watch_latency.sh)
#   check briefing check of 1,000 / 10,000 / 100,000 generated items
#
# For each: instructions executed (callgrind, one run each, children traced
# where the command spawns them; when valgrind is installed), CPU time
# (user + system) as the median of N runs alternating project and floor in
# one run (bench_run.cpp: wait4 rusage, to the microsecond), peak RSS (the
# same rusage's maxrss, as /usr/bin/time %M: the largest process of the tree), the
# ratio to the floor, and the issue's goal with whether it is met (on
# instructions when they were counted, else on CPU time).
#
# Bounded: every run gets --timeout S seconds of CPU (RLIMIT_CPU; default 120)
# and prints "timed out (>S s)" when it needs more; a callgrind run gets
# --callgrind-limit seconds (default 4800) and is skipped when the plain run
# shows it would need more (about 60× the CPU time). --quick: no callgrind,
# no 10,250-item report, no 100,000-item check, 3 runs and 3 saves.
# Generated datasets (tests/bench/gen_dataset.py, fixed seeds) are cached in
# BUILD_DIR/bench/data; everything else is redone each run in BUILD_DIR/bench/work.
set -uo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
bench=$repo/tests/bench
build=""
quick=0
runs=""
saves=""
cpu_limit=120
cg_limit=4800
only="W1,W2,W3,W4,watch,check"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --runs) runs=$2; shift ;;
    --saves) saves=$2; shift ;;
    --timeout) cpu_limit=$2; shift ;;
    --callgrind-limit) cg_limit=$2; shift ;;
    --only) only=$2; shift ;;
    -h | --help) sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) build=$1 ;;
  esac
  shift
done
build=${build:-build}
case "$build" in /*) ;; *) build=$repo/$build ;; esac
[ -n "$runs" ] || runs=$([ $quick -eq 1 ] && echo 3 || echo 7)
[ -n "$saves" ] || saves=$([ $quick -eq 1 ] && echo 3 || echo 7)
wants() { [[ ",$only," == *",$1,"* ]]; }
have_valgrind=0
if [ $quick -eq 0 ] && command -v valgrind >/dev/null; then have_valgrind=1; fi
python=$(command -v /usr/bin/python3 || command -v python3)
"$python" -c 'import tomllib' 2>/dev/null || { echo "run.sh: needs python3 >= 3.11 (tomllib)" >&2; exit 2; }
command -v bc >/dev/null || { echo "run.sh: needs bc (apt-get install bc)" >&2; exit 2; }

# ---- build ---------------------------------------------------------------------------
if [ ! -f "$build/CMakeCache.txt" ]; then
  echo "run.sh: configuring $build (RelWithDebInfo)" >&2
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 1
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
echo "run.sh: building briefing, floor_report, floor_slide, bench_run in $build" >&2
cmake --build "$build" --target briefing floor_report floor_slide bench_run -j "$(nproc)" >"$build/bench-build.log" 2>&1 ||
  { tail -n 30 "$build/bench-build.log" >&2; echo "run.sh: build failed (log: $build/bench-build.log)" >&2; exit 1; }
briefing=$build/briefing
floor_report=$build/tests/bench/floor_report
floor_slide=$build/tests/bench/floor_slide
bench_run=$build/tests/bench/bench_run
fonts=$repo/fonts

out_dir=$build/bench
work=$out_dir/work
data_cache=$out_dir/data
rm -rf "$work"
mkdir -p "$work" "$data_cache"
results=$out_dir/results.md
# One private Fontconfig cache for the project and the floors alike (each in
# its own folder below it), warmed by the first run of each workload.
export XDG_CACHE_HOME=$work/cache
fact_sheet=$repo/data/ai-safety-japan-2024.toml
layouts=$repo/layouts

# ---- measuring -----------------------------------------------------------------------
# run_cpu CMD...: one run with at most $cpu_limit s of CPU per process
# (bench_run); sets R_ms (user + sys of the command and its children, ms, to
# the microsecond), R_kb (peak RSS of the largest process), R_ok (1, or 0
# when it timed out or failed: R_why).
run_cpu() {
  local report=$work/run.cost code kind
  rm -f "$report"
  "$bench_run" "$cpu_limit" "$report" "$@" >"$work/run.out" 2>"$work/run.err"
  read -r us R_kb kind code <"$report"
  R_ms=$(echo "$us / 1000" | bc -l)
  R_ok=1
  R_why=""
  if [ "$kind" = signal ] && { [ "$code" = 24 ] || [ "$code" = 9 ]; }; then
    R_ok=0
    R_why="timed out (>${cpu_limit} s)"
  elif [ "$kind" != exit ] || [ "$code" != 0 ]; then
    R_ok=0
    R_why="failed ($kind $code: $(head -c 200 "$work/run.err" | tr '\n' ' '))"
  fi
}

# instructions TRACE CMD...: callgrind's count, summed over the traced
# children (each process logs to its own file: a child's stderr may be
# captured by its parent); prints the count, or why there is none.
instructions() {
  local trace=$1
  shift
  local logs=$work/callgrind-${CG_NAME:-logs}
  rm -rf "$logs"
  mkdir -p "$logs"
  ( ulimit -t "$cg_limit"; exec valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      --log-file="$logs/%p.log" --trace-children="$trace" "$@" ) >/dev/null 2>&1
  local status=$?
  local total
  total=$(cat "$logs"/*.log | awk '/Collected :/ { s += $NF; n++ } END { if (n) printf "%.0f", s }')
  if [ $status -ge 128 ]; then echo "timed out (>${cg_limit} s under callgrind)"
  elif [ -z "$total" ]; then echo "failed"
  else echo "$total"; fi
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
  if (NR == 0) exit; print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
maximum() { printf '%s\n' "$@" | sort -g | tail -n 1; }
is_number() { [[ "$1" =~ ^[0-9.]+$ ]]; }
grouped() { printf '%.0f' "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }  # 1234567 → 1,234,567
mega() { if is_number "$1"; then echo "$(grouped "$(echo "$1 / 1000000" | bc -l)") M"; else echo "$1"; fi; }
ms() {
  if ! is_number "$1"; then echo "$1"
  elif [ "$(echo "$1 >= 10000" | bc)" = 1 ]; then printf '%.1f s' "$(echo "$1 / 1000" | bc -l)"
  elif [ "$(echo "$1 >= 1000" | bc)" = 1 ]; then printf '%.2f s' "$(echo "$1 / 1000" | bc -l)"
  else printf '%.0f ms' "$1"; fi
}
mb() { if is_number "$1"; then printf '%.0f MB' "$(echo "$1 / 1024" | bc -l)"; else echo "$1"; fi; }
ratio() { if is_number "$1" && is_number "$2" && [ "$(echo "$2 > 0" | bc)" = 1 ]; then
  printf '%.2f×' "$(echo "$1 / $2" | bc -l)"; else echo "–"; fi; }
# at_most VALUE LIMIT: "met" or "NOT met" (or "–" without a value).
at_most() { if is_number "$1"; then
  if [ "$(echo "$1 <= $2" | bc)" = 1 ]; then echo "met"; else echo "**NOT met**"; fi; else echo "–"; fi; }

table=$work/table.md
row() {  # workload | measure | project | floor | ratio | goal | met
  local line="| $1 | $2 | $3 | $4 | $5 | $6 | $7 |"
  echo "$line" >>"$table"
  echo "$line"
}

# measure: runs the arrays P (project) and F (floor; F2, a second floor, when
# set) $runs times each (at most RUNS_CAP), alternating, after one warm-up of
# each (W, when set, is the project's warm-up: it also writes the layout dump
# that spec_hook, when defined, turns into the floor's spec), then counts the
# instructions of one run each (TRACE=yes: children too). Sets M_* globals.
cg_fits() { is_number "$1" && [ "$(echo "$1 * 60 / 1000 <= $cg_limit" | bc)" = 1 ]; }
count() {  # count MEDIAN_MS FAILURE CMD...: instructions or why not
  local m=$1 fail=$2
  shift 2
  if [ $have_valgrind = 0 ]; then echo "not counted"
  elif [ -n "$fail" ]; then echo "not run ($fail)"
  elif cg_fits "$m"; then instructions "$TRACE" "$@"
  else echo "not run (≈$(echo "$m * 60 / 60000" | bc) min under callgrind > --callgrind-limit $cg_limit s)"; fi
}
measure() {
  local p_ms=() f_ms=() f2_ms=() p_kb=() f_kb=() f2_kb=() p_fail="" f_fail="" f2_fail=""
  local measured_runs=$runs
  [ -n "${RUNS_CAP:-}" ] && [ "$RUNS_CAP" -lt "$measured_runs" ] && measured_runs=$RUNS_CAP
  if [ ${#W[@]} -gt 0 ]; then run_cpu "${W[@]}"; else run_cpu "${P[@]}"; fi
  local fail_kb=""
  [ $R_ok = 1 ] || { p_fail=$R_why; fail_kb=$R_kb; }
  if declare -F spec_hook >/dev/null; then spec_hook "$p_fail"; fi
  run_cpu "${F[@]}"
  [ $R_ok = 1 ] || f_fail=$R_why
  if [ ${#F2[@]} -gt 0 ]; then run_cpu "${F2[@]}"; [ $R_ok = 1 ] || f2_fail=$R_why; fi
  # A project that timed out is not run again.
  for _ in $(seq "$measured_runs"); do
    if [ -z "$p_fail" ]; then
      run_cpu "${P[@]}"
      if [ $R_ok = 1 ]; then p_ms+=("$R_ms"); p_kb+=("$R_kb"); else p_fail=$R_why; fail_kb=$R_kb; fi
    fi
    if [ -z "$f_fail" ]; then
      run_cpu "${F[@]}"
      if [ $R_ok = 1 ]; then f_ms+=("$R_ms"); f_kb+=("$R_kb"); else f_fail=$R_why; fi
    fi
    if [ ${#F2[@]} -gt 0 ] && [ -z "$f2_fail" ]; then
      run_cpu "${F2[@]}"
      if [ $R_ok = 1 ]; then f2_ms+=("$R_ms"); f2_kb+=("$R_kb"); else f2_fail=$R_why; fi
    fi
  done
  M_np=${#p_ms[@]} M_nf=${#f_ms[@]} M_pfail=$p_fail
  M_pm=${p_fail:-$(median "${p_ms[@]}")}
  M_fm=${f_fail:-$(median "${f_ms[@]}")}
  M_pk=$(maximum "${p_kb[@]}")
  [ -n "$M_pk" ] || M_pk=$p_fail
  # A run cut short still reports the memory it had reached.
  M_pk_cut=$fail_kb
  M_fk=${f_fail:-$(maximum "${f_kb[@]}")}
  M_pi=$(CG_NAME=project count "$M_pm" "$p_fail" "${P[@]}")
  M_fi=$(CG_NAME=floor count "$M_fm" "$f_fail" "${F[@]}")
  if [ ${#F2[@]} -gt 0 ]; then
    M_f2m=${f2_fail:-$(median "${f2_ms[@]}")}
    M_f2i=$(count "$M_f2m" "$f2_fail" "${F2[@]}")
  fi
}

# verdict PROJECT FLOOR GOAL BASIS: "met (on BASIS)" / "**NOT met** (on BASIS)" / "–".
# A project that timed out took more than the limit: when the floor took less
# than limit / goal, the goal is not met whatever the project's true time.
verdict() {
  if is_number "$1" && is_number "$2"; then echo "$(at_most "$(echo "$1 / $2" | bc -l)" "$3") (on $4)"
  elif [[ "$M_pfail" == timed* ]] && is_number "$M_fm" &&
       [ "$(echo "$cpu_limit * 1000 / $M_fm > $3" | bc -l)" = 1 ]; then
    echo "**NOT met** (CPU ratio > $(printf '%.1f' "$(echo "$cpu_limit * 1000 / $M_fm" | bc -l)")×: the project $M_pfail)"
  elif [ -n "$M_pfail" ]; then echo "unknown (project $M_pfail)"
  else echo "–"; fi
}
# cpu_ratio: the CPU ratio, or its lower bound when the project timed out.
cpu_ratio() {
  if [[ "$M_pfail" == timed* ]] && is_number "$M_fm"; then
    printf '> %.1f×' "$(echo "$cpu_limit * 1000 / $M_fm" | bc -l)"
  else ratio "$M_pm" "$M_fm"; fi
}

# ratio_rows NAME GOAL [RSS_GOAL_MB]: the rows of a workload with a floor;
# the goal judged on instructions when both were counted, else on CPU time.
ratio_rows() {
  local name=$1 goal=$2 rss_goal_mb=${3:-} v
  if is_number "$M_pi" && is_number "$M_fi"; then v=$(verdict "$M_pi" "$M_fi" "$goal" instructions)
  else v=$(verdict "$M_pm" "$M_fm" "$goal" "CPU time"); fi
  row "$name" "instructions" "$(mega "$M_pi")" "$(mega "$M_fi")" "$(ratio "$M_pi" "$M_fi")" "≤ ${goal}× ${FLOOR_NAME}" "$v"
  row "" "CPU user+sys, median of $M_np / $M_nf alternating runs" "$(ms "$M_pm")" "$(ms "$M_fm")" "$(cpu_ratio)" "" ""
  local rss_goal="" rss_verdict=""
  if [ -n "$rss_goal_mb" ]; then
    rss_goal="≤ ${rss_goal_mb} MB"
    if is_number "$M_pk"; then rss_verdict=$(at_most "$(echo "$M_pk / 1024" | bc -l)" "$rss_goal_mb")
    else rss_verdict="unknown (project $M_pfail)"; fi
  fi
  local pk_text
  pk_text=$(mb "$M_pk")
  if ! is_number "$M_pk" && is_number "$M_pk_cut"; then pk_text="≥ $(mb "$M_pk_cut") when stopped"; fi
  if [ -n "$rss_goal_mb" ] && ! is_number "$M_pk" && is_number "$M_pk_cut"; then
    if [ "$(echo "$M_pk_cut / 1024 > $rss_goal_mb" | bc -l)" = 1 ]; then rss_verdict="**NOT met**"
    else rss_verdict="unknown (project $M_pfail)"; fi
  fi
  row "" "peak RSS" "$pk_text" "$(mb "$M_fk")" "" "$rss_goal" "$rss_verdict"
  if [ ${#F2[@]} -gt 0 ]; then
    row "" "instructions, vs ${FLOOR2_NAME}" "$(mega "$M_pi")" "$(mega "$M_f2i")" "$(ratio "$M_pi" "$M_f2i")" "(for reference)" ""
    row "" "CPU, vs ${FLOOR2_NAME}" "$(ms "$M_pm")" "$(ms "$M_f2m")" "$(ratio "$M_pm" "$M_f2m")" "" ""
  fi
}

dataset() {  # dataset ITEMS: path of the generated dataset (cached)
  local file=$data_cache/generated-$1.toml
  if [ ! -s "$file" ] || [ "$bench/gen_dataset.py" -nt "$file" ]; then
    "$python" "$bench/gen_dataset.py" "$1" 12 "$file.tmp" && mv "$file.tmp" "$file"
  fi
  echo "$file"
}

report_spec() {  # report_spec DATA LAYOUT OUT.spec [DUMP]
  local dump=${4:-}
  [ -n "$dump" ] && [ ! -s "$dump" ] && dump=""
  "$python" "$bench/floor_spec.py" report "$1" "$layouts/$2.toml" "$layouts/report-figure.toml" "$3" $dump
}

# ---- the run -------------------------------------------------------------------------
commit=$(git -C "$repo" rev-parse --short HEAD)
git -C "$repo" diff --quiet HEAD -- renderer CMakeLists.txt 2>/dev/null || commit="$commit (+ uncommitted changes in renderer/)"
{
  echo "Benchmark of issue #12, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit, $build_type build"
  echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
  echo "options: runs=$runs, CPU limit ${cpu_limit} s per run, $([ $have_valgrind = 1 ] && echo "callgrind ($(valgrind --version)), limit ${cg_limit} s" || echo "no callgrind (--quick or no valgrind)")"
  echo
} | tee "$table.head"
: >"$table"
row "Workload" "Measure" "Project" "Floor" "Ratio" "Goal (issue #12)" "Met?"
row "---" "---" "---:" "---:" "---:" "---" "---"

F2=()
TRACE=no
FLOOR2_NAME=""
RUNS_CAP=""

if wants W1; then
  P=("$briefing" report "$fact_sheet" -o "$work/w1.pdf")
  W=("$briefing" report "$fact_sheet" -o "$work/w1.pdf" --layout-dump "$work/w1.json")
  F=("$floor_report" "$fonts" "$work/w1.spec" "$work/w1-floor.pdf")
  spec_hook() { report_spec "$fact_sheet" briefing-a4 "$work/w1.spec" "$work/w1.json"; }
  FLOOR_NAME="floor_report"
  measure
  ratio_rows "W1 report A4, fact sheet ($(pdfinfo "$work/w1.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}') pages)" 1.3
  unset -f spec_hook
fi

if wants W2; then
  sizes=(1025 10250)
  [ $quick -eq 1 ] && sizes=(1025)
  for n in "${sizes[@]}"; do
    d=$(dataset "$n")
    P=("$briefing" report "$d" -o "$work/w2-$n.pdf")
    W=("$briefing" report "$d" -o "$work/w2-$n.pdf" --layout-dump "$work/w2-$n.json")
    F=("$floor_report" "$fonts" "$work/w2-$n.spec" "$work/w2-$n-floor.pdf")
    w2_data=$d w2_base=$work/w2-$n
    spec_hook() { report_spec "$w2_data" briefing-a4 "$w2_base.spec" "$([ -z "$1" ] && echo "$w2_base.json")"; }
    FLOOR_NAME="floor_report"
    RUNS_CAP=$([ "$n" -gt 5000 ] && echo 3)
    rss=""
    [ "$n" = 10250 ] && rss=150
    measure
    ratio_rows "W2 report A4, $(grouped "$n") generated items$([ -s "$work/w2-$n.pdf" ] && pdfinfo "$work/w2-$n.pdf" 2>/dev/null | awk '/^Pages:/ {printf " (%s pages)", $2}')" 2 $rss
    grep -q "figure approximated" "$work/w2-$n.spec" &&
      row "" "(floor's figure approximated: the report gave no layout dump)" "" "" "" "" ""
    RUNS_CAP=""
    unset -f spec_hook
  done
fi

w3_dump=$work/w3.json
slide_dump() {  # the fact sheet's slide dump (W3 and W4 both need it)
  [ -s "$w3_dump" ] || "$briefing" timeline "$fact_sheet" -o "$work/w3-dump.png" --layout-dump "$w3_dump" >/dev/null 2>&1
}
if wants W3; then
  P=("$briefing" timeline "$fact_sheet" -o "$work/w3.png")
  W=("$briefing" timeline "$fact_sheet" -o "$work/w3.png" --layout-dump "$w3_dump")
  # The goal's floor is the issue's: the same drawing written by
  # cairo_surface_write_to_png (libpng's defaults). The second floor encodes
  # as the project does (paint/png_writer.cpp: filter none, zlib level 3), so
  # its ratio is the project's own overhead besides the encoder.
  F=("$floor_slide" "$fonts" "$work/w3.spec" "$work/w3-floor-cairo.png" --cairo-png)
  F2=("$floor_slide" "$fonts" "$work/w3.spec" "$work/w3-floor.png" --png-filter none --zlib-level 3)
  spec_hook() { "$python" "$bench/floor_spec.py" slide "$fact_sheet" "$layouts/slide-16x9.toml" "$w3_dump" "$work/w3.spec"; }
  FLOOR_NAME="floor_slide --cairo-png (cairo + libpng defaults)"
  FLOOR2_NAME="floor_slide, libpng filter none, zlib 3 (the project's encoder)"
  measure
  ratio_rows "W3 slide PNG 1920×1080, fact sheet" 1.0
  sizes_line="PNG bytes: project $(stat -c %s "$work/w3.png"), cairo floor $(stat -c %s "$work/w3-floor-cairo.png"), libpng floor $(stat -c %s "$work/w3-floor.png")"
  row "" "($sizes_line)" "" "" "" "" ""
  F2=()
  unset -f spec_hook
fi

if wants W4; then
  w4=$work/w4
  mkdir -p "$w4"
  cp "$repo/briefing.toml" "$w4/"
  cp -r "$repo/data" "$w4/data"
  # The floors of the six outputs, from the dumps of the same renders.
  slide_dump
  [ -s "$work/w1.json" ] || "$briefing" report "$fact_sheet" -o "$work/w1.pdf" --layout-dump "$work/w1.json" >/dev/null 2>&1
  "$briefing" report "$fact_sheet" --layout briefing-letter -o "$work/w4-letter.pdf" --layout-dump "$work/w4-letter.json" >/dev/null 2>&1
  "$briefing" timeline "$fact_sheet" --highlights -o "$work/w4-highlights.png" --layout-dump "$work/w4-highlights.json" >/dev/null 2>&1
  report_spec "$fact_sheet" briefing-a4 "$work/w4-a4.spec" "$work/w1.json"
  report_spec "$fact_sheet" briefing-letter "$work/w4-letter.spec" "$work/w4-letter.json"
  "$python" "$bench/floor_spec.py" slide "$fact_sheet" "$layouts/slide-16x9.toml" "$w3_dump" "$work/w4-slide.spec"
  "$python" "$bench/floor_spec.py" slide "$fact_sheet" "$layouts/slide-16x9.toml" "$work/w4-highlights.json" "$work/w4-highlights.spec" --highlights
  cat >"$work/floor_build.sh" <<EOF
set -e
"$floor_report" "$fonts" "$work/w4-a4.spec" "$work/w4f-briefing.pdf"
"$floor_report" "$fonts" "$work/w4-letter.spec" "$work/w4f-briefing-letter.pdf"
"$floor_slide" "$fonts" "$work/w4-slide.spec" "$work/w4f-timeline.png" --png-filter none --zlib-level 3
"$floor_slide" "$fonts" "$work/w4-slide.spec" "$work/w4f-timeline.svg"
"$floor_slide" "$fonts" "$work/w4-slide.spec" "$work/w4f-timeline.pdf"
"$floor_slide" "$fonts" "$work/w4-highlights.spec" "$work/w4f-highlights.png" --png-filter none --zlib-level 3
EOF
  P=("$briefing" build "$w4/briefing.toml" --force --quiet)
  W=()
  F=(sh "$work/floor_build.sh")
  TRACE=yes
  FLOOR_NAME="the six floors"
  measure
  row "W4 build --force, default build (6 outputs; parent and children)" "instructions" "$(mega "$M_pi")" "$(mega "$M_fi")" "$(ratio "$M_pi" "$M_fi")" "≤ 4,000 M" \
    "$(if is_number "$M_pi"; then at_most "$M_pi" 4000000000; else echo "– (not counted)"; fi)"
  row "" "CPU user+sys (parent and children), median of $M_np / $M_nf alternating runs" "$(ms "$M_pm")" "$(ms "$M_fm")" "$(ratio "$M_pm" "$M_fm")" "" ""
  row "" "peak RSS (largest process)" "$(mb "$M_pk")" "$(mb "$M_fk")" "" "" ""
  if is_number "$M_pi"; then
    # Where the build's instructions go: the parent, and each output's process.
    breakdown=$(for log in "$work"/callgrind-project/*.log; do
      awk '/== Command:/ { sub(/.*== Command: /, ""); c = $0 } /Collected :/ { n = $NF }
        END { if (n) { split(c, a, " "); out = ""; for (i = 3; i <= length(a); i++) if (a[i - 1] == "-o") { sub(/.*\//, "", a[i]); out = out (out == "" ? "" : "+") a[i] }
          if (a[2] == "build") out = "briefing build itself"; else sub(/.*\//, "", out);
          printf "%s|%.0f\n", out, n / 1e6 } }' "$log"
    done | sort -t'|' -k2 -n -r | awk -F'|' '{ printf "%s%s %s M", (NR > 1 ? ", " : ""), $1, $2 }')
    row "" "(instructions by process: $breakdown)" "" "" "" "" ""
  fi
  TRACE=no
fi

if wants watch; then
  "$bench/watch_latency.sh" "$briefing" "$saves" >"$work/watch.log" 2>&1
  line=$(tail -n 1 "$work/watch.log")
  first=$(sed -n 's/.*first output median \([0-9.]*\) s (max \([0-9.]*\) s).*/\1 \2/p' <<<"$line")
  all=$(sed -n 's/.*all outputs median \([0-9.na/]*\) s (max \([0-9.na/]*\) s).*/\1 \2/p' <<<"$line")
  load=$(sed -n 's/^load average: //p' "$work/watch.log")
  cpu=$(sed -n 's/^watch CPU per save.*: median \([0-9.]*\) ms (max \([0-9.]*\) ms).*/\1 \2/p' "$work/watch.log")
  if [ -n "$first" ]; then
    read -r fmed fmax <<<"$first"
    read -r amed amax <<<"$all"
    secs() { if is_number "$1"; then ms "$(echo "$1 * 1000" | bc -l)"; else echo "$1"; fi; }
    row "W4 watch, save → first changed output" "wall time, median of $saves saves (max)" "$(secs "$fmed") ($(secs "$fmax"))" "" "" "≤ 150 ms" "$(at_most "$fmed" 0.150)"
    row "W4 watch, save → all six outputs" "wall time, median of $saves saves (max); load average $load" "$(secs "$amed") ($(secs "$amax"))" "" "" "≤ 600 ms" "$(at_most "$amed" 0.600)"
    if [ -n "$cpu" ]; then
      read -r cmed cmax <<<"$cpu"
      # Load-independent: what a save costs; over the cores, the least wall time it can take.
      row "" "CPU per save (watch process and its renders), median (max); ÷ $(nproc) cores" "$(ms "$cmed") ($(ms "$cmax")); $(ms "$(echo "$cmed / $(nproc)" | bc -l)")" "" "" "" ""
    fi
  else
    row "W4 watch" "failed: $(tail -n 3 "$work/watch.log" | tr '\n' ' ')" "" "" "" "≤ 150 ms / ≤ 600 ms" "–"
  fi
fi

if wants check; then
  sizes=(1000 10000 100000)
  [ $quick -eq 1 ] && sizes=(1000 10000)
  for n in "${sizes[@]}"; do
    d=$(dataset "$n")
    c_ms=() c_kb=() c_fail=""
    cap=$runs
    [ "$n" -ge 100000 ] && [ "$cap" -gt 3 ] && cap=3
    run_cpu "$briefing" check "$d"  # warm-up
    [ $R_ok = 1 ] || c_fail=$R_why
    for _ in $(seq "$cap"); do
      [ -n "$c_fail" ] && break
      run_cpu "$briefing" check "$d"
      if [ $R_ok = 1 ]; then c_ms+=("$R_ms"); c_kb+=("$R_kb"); else c_fail=$R_why; fi
    done
    cm=${c_fail:-$(median "${c_ms[@]}")}
    ck=${c_fail:-$(maximum "${c_kb[@]}")}
    ci="not counted"
    if [ $have_valgrind = 1 ]; then
      if [ -n "$c_fail" ]; then ci="not run ($c_fail)"
      elif [ "$(echo "$cm * 60 / 1000 <= $cg_limit" | bc)" = 1 ]; then ci=$(instructions no "$briefing" check "$d")
      else ci="not run (≈$(echo "$cm / 1000" | bc) min under callgrind > --callgrind-limit $cg_limit s)"; fi
    fi
    goal="" met=""
    if [ "$n" = 100000 ]; then
      goal="under 2 s"
      if is_number "$cm"; then met="$(at_most "$cm" 2000) (on CPU time)"; else met="**NOT met** ($c_fail)"; fi
    fi
    row "check, $(grouped "$n") generated items" "CPU user+sys, median of ${#c_ms[@]} runs" "$(ms "$cm")" "" "" "$goal" "$met"
    row "" "instructions; peak RSS" "$(mega "$ci"); $(mb "$ck")" "" "" "" ""
  done
fi

{
  cat "$table.head"
  cat "$table"
  echo
  echo "Floors: tests/bench/floor_report.cpp and floor_slide.cpp, specs by tests/bench/floor_spec.py (see README.md, Performance)."
} >"$results"
echo
echo "written to $results (work files in $work)"
