#!/usr/bin/env bash
# A stand-in for `p2penergy analyze` in NightlyCommandIT: takes the same options and writes
# DATA/reports/D/summary.json for each day like SummaryFixtures (fridge: day-of-month / 10 kWh at
# $0.10 per kWh). Exits 1 when DATA/fail-analyze exists, to test the failure path.
set -euo pipefail
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --config) shift 2 ;;
    --date) from=$2; to=$2; shift 2 ;;
    --from) from=$2; shift 2 ;;
    --to) to=$2; shift 2 ;;
    *) echo "fake analyze: unknown option $1" >&2; exit 2 ;;
  esac
done
echo "fake analyze $from..$to"
if [ -e "$data/fail-analyze" ]; then
  echo "fake analyze: failing as asked" >&2
  exit 1
fi
d=$from
while :; do
  day=$((10#${d:8:2}))
  kwh="$((day / 10)).$((day % 10))"
  cost=$(printf '0.%02d' "$day")
  mkdir -p "$data/reports/$d"
  cat > "$data/reports/$d/summary.json" <<JSON
{"schema_version": 1, "date": "$d",
 "home": {"name": "Demo home", "timezone": "America/New_York", "currency": "USD"},
 "totals": {"kwh": $kwh, "cost": $cost, "standby_kwh": 0, "standby_cost": 0, "coverage": 1},
 "appliances": [{"device_id": "34003d000547363332363639", "appliance": "Fridge", "kind": "fridge",
   "kwh": $kwh, "cost": $cost, "peak_w": 160, "mean_w": 50, "standby_w": 20, "coverage": 1}]}
JSON
  [ "$d" = "$to" ] && break
  d=$(date -d "$d + 1 day" +%F)
done
