#!/usr/bin/env bash
# The report benchmark alone (W1 of tests/bench/run.sh): `briefing report` of
# the fact sheet against floor_report, the bare Cairo+Pango typesetting of the
# same text, fonts and figure; instructions (callgrind) and CPU time ratios
# from one run.
#   tests/bench/report_bench.sh [BUILD_DIR] [RUNS]
exec "$(dirname "$0")/run.sh" "${1:-build}" --runs "${2:-10}" --only W1
