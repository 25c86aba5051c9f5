#!/bin/sh
# A stand-in renderer for the build tests: `build-fake-renderer.sh KIND DATA -o OUT [OPTIONS...]`.
# Writes OUT (the arguments and the data's first line) and logs one line per render to
# $FAKE_RENDER_LOG. A dataset whose text contains FAIL makes it fail like a data error;
# one containing WAIT-FOR=NAME makes it wait (up to 10 s) until file NAME exists.
kind=$1 data=$2 out=$4
echo "$out" >> "$FAKE_RENDER_LOG"
if grep -q FAIL "$data"; then
  echo "$data:1:1: error: the fake renderer was told to fail" >&2
  exit 1
fi
wait_for=$(sed -n 's/.*WAIT-FOR=\([^ ]*\).*/\1/p' "$data" | head -n 1)
partner=""
if [ -n "$wait_for" ]; then
  touch "$out.started"
  i=0
  while [ ! -e "$wait_for" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  if [ -e "$wait_for" ]; then partner="partner: running"; else partner="partner: not running"; fi
fi
printf '%s\n' "$kind $*" > "$out"
head -n 1 "$data" >> "$out"
[ -z "$partner" ] || echo "$partner" >> "$out"
