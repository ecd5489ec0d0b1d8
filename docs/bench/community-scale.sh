#!/bin/bash
# The community job at scale (docs/BENCHMARKS.md, "The community job"): for each N, N homes x 3
# appliances x 1 day of 1 Hz readings written by 'simulate --generate', then in fresh JVMs, one
# after another on the same files: N single-home 'analyze' runs (N <= 10), the community job
# without and with the peer comparison, DuckDB's per-home daily kWh, and the check of the three
# against each other.
#   usage: docs/bench/community-scale.sh WORK_DIR N...     e.g. /tmp/scale 1 10 100 1000
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$1
shift
date=2026-11-23
mvn -q -B -DskipTests -Dspotless.check.skip=true package
mvn -q -B -pl analytics test-compile
touch target/launcher-build.stamp
export P2PENERGY_NO_BUILD=1
cp="analytics/target/test-classes:analytics/target/classes:$(cat analytics/target/test-classpath.txt)"
timed() { /usr/bin/time -f "  process: %e s wall, %U s user + %S s sys CPU, %M KB max RSS" "$@"; }
bench() { timed java -Xmx4g -Djava.awt.headless=true -cp "$cp" org.p2penergy.analytics.bench.CommunityBenchmark "$@" 2>&1 | grep -E "RESULT|process:|ready after"; }
for n in "$@"; do
  dir=$work/c$n
  echo "== $n homes x 3 appliances x 1 day ($(( n * 3 * 86400 )) readings); load $(cut -d' ' -f1 /proc/loadavg)"
  if [ ! -d "$dir/data/readings" ]; then
    timed bin/p2penergy simulate --homes "$n" --appliances 3 --generate "$dir" --start $date --days 1 2>&1 | grep -E "generated|process:"
  fi
  if [ "$n" -le 10 ]; then
    start=$(date +%s.%N)
    for home in "$dir"/homes/*.yaml; do
      timed bin/p2penergy analyze --config "$home" --data "$dir/data" --date $date 2>&1 >/dev/null | grep -E "process:"
    done
    echo "RESULT $n single-home runs: $(echo "$(date +%s.%N) - $start" | bc) s wall in all"
  fi
  bench job "$dir" $date no-peers
  bench job "$dir" $date
  bench duckdb "$dir" $date
  bench check "$dir"
done
