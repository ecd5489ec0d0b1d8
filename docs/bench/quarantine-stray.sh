#!/bin/bash
# Quarantine throughput (docs/BENCHMARKS.md, "Quarantine of a stray home"): a whole stray home
# (home-006 left out of the community file), DURATION (default 10m) of simulated time of 6 homes
# as fast as the collector reads them.
#   usage: docs/bench/quarantine-stray.sh FSYNC_INTERVAL [DURATION]      e.g. 1s 1h
set -e
L="$(cd "$(dirname "$0")/../.." && pwd)/bin/p2penergy"
D=$(mktemp -d /tmp/stray.XXXX)
export PARTICLE_ACCESS_TOKEN=stray-token
$L simulate --homes 6 --seed 5 --write-community $D --start 2026-11-27T12:00:00Z --duration ${2:-10m} --speed 100000 --hold-clock --token stray-token --keep-alive 200ms > $D/sim.out 2> $D/sim.err &
SIM=$!
for i in $(seq 300); do grep -q "listening on" $D/sim.out 2>/dev/null && break; sleep 0.2; done
URL=$(sed -n 's/^listening on //p' $D/sim.out)/v1/products/20115/events
sed -i '/home-006.yaml/d' $D/community.yaml
start=$(date +%s.%N)
$L collect --community $D/community.yaml --data $D/data --stream $URL --status-interval 1s --fsync-interval $1 > $D/col.out 2>&1 &
COL=$!
last=-1; same=0
while true; do
  sleep 1
  n=$(grep "status:" $D/col.out | tail -1 | sed -E 's/.* ([0-9]+) readings, ([0-9]+) quarantined.*/\1 \2/' | awk '{print $1+$2}')
  n=${n:-0}
  if [ "$n" = "$last" ] && [ "$n" != 0 ]; then same=$((same+1)); else same=0; fi
  [ $same -ge 3 ] && break
  last=$n; now=$(date +%s.%N)
done
kill $COL; wait $COL || true
kill $SIM 2>/dev/null; wait $SIM 2>/dev/null || true
q=$(cat $D/data/quarantine/unassigned/*.jsonl | wc -l)
echo "fsync $1: $n events (quarantined $q) read in $(echo "$now - $start" | bc) s"
rm -rf $D
