#!/bin/sh
# A stand-in renderer for the build tests: `build-fake-renderer.sh KIND DATA -o OUT [-o OUT2...] [OPTIONS...]`.
# Writes each OUT (the arguments and the data's first line) and logs one line per output to
# $FAKE_RENDER_LOG. A dataset whose text contains FAIL makes it fail like a data error;
# one containing WAIT-FOR=NAME makes it wait (up to 10 s) until file NAME exists, and
# SLEEP=S makes it take S seconds.
kind=$1 data=$2
outs=""
previous=""
for arg in "$@"; do
  [ "$previous" = "-o" ] && outs="$outs $arg"
  previous=$arg
done
for out in $outs; do echo "$out" >> "$FAKE_RENDER_LOG"; done
if grep -q FAIL "$data"; then
  echo "$data:1:1: error: the fake renderer was told to fail" >&2
  exit 1
fi
sleep_for=$(sed -n 's/.*SLEEP=\([0-9.]*\).*/\1/p' "$data" | head -n 1)
[ -z "$sleep_for" ] || sleep "$sleep_for"
wait_for=$(sed -n 's/.*WAIT-FOR=\([^ ]*\).*/\1/p' "$data" | head -n 1)
partner=""
if [ -n "$wait_for" ]; then
  for out in $outs; do touch "$out.started"; done
  i=0
  while [ ! -e "$wait_for" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  if [ -e "$wait_for" ]; then partner="partner: running"; else partner="partner: not running"; fi
fi
for out in $outs; do
  printf '%s\n' "$kind $*" > "$out"
  head -n 1 "$data" >> "$out"
  [ -z "$partner" ] || echo "$partner" >> "$out"
done
