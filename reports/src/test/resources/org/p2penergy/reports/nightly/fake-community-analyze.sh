#!/usr/bin/env bash
# A stand-in for `p2penergy analyze --community FILE --skip-broken-homes` in CommunityNightlyIT:
# for every home file of the community that names a home.id, writes DATA/reports/ID/D/summary.json
# like fake-analyze.sh (fridge: day-of-month / 10 kWh at $0.10 per kWh); a home file without one
# (broken) is left out, as analyze does. Exits 1 when DATA/fail-analyze exists.
set -euo pipefail
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --community) community=$2; shift 2 ;;
    --skip-broken-homes) shift ;;
    --date) from=$2; to=$2; shift 2 ;;
    --from) from=$2; shift 2 ;;
    --to) to=$2; shift 2 ;;
    *) echo "fake analyze: unknown option $1" >&2; exit 2 ;;
  esac
done
echo "fake community analyze $from..$to"
if [ -e "$data/fail-analyze" ]; then
  echo "fake analyze: failing as asked" >&2
  exit 1
fi
base=$(dirname "$community")
files=$(sed -n 's/^homes: *\[\(.*\)\]/\1/p' "$community" | tr ',' ' ')
for f in $files; do
  id=$(sed -n 's/.*id: *\([a-z0-9-]*\).*/\1/p' "$base/$f" | head -1)
  [ -n "$id" ] || continue
  d=$from
  while :; do
    day=$((10#${d:8:2}))
    kwh="$((day / 10)).$((day % 10))"
    cost=$(printf '0.%02d' "$day")
    next=$(date -d "$d + 1 day" +%F)
    mkdir -p "$data/reports/$id/$d"
    cat > "$data/reports/$id/$d/summary.json" <<JSON
{"schema_version": 1, "date": "$d", "generated_at": "${next}T07:00:00Z",
 "home": {"id": "$id", "name": "Home $id", "timezone": "America/New_York", "currency": "USD"},
 "day": {"start": "${d}T00:00:00-05:00", "end": "${next}T00:00:00-05:00", "hours": 24},
 "totals": {"kwh": $kwh, "cost": $cost, "standby_kwh": 0, "standby_cost": 0, "coverage": 1},
 "appliances": [{"device_id": "34003d000547363332363639", "appliance": "Fridge", "kind": "fridge",
   "kwh": $kwh, "cost": $cost, "peak_w": 160, "mean_w": 50, "standby_w": 20, "standby_kwh": 0,
   "standby_cost": 0, "on_seconds": 3600, "readings": 21600, "coverage": 1, "gaps": 0,
   "cycles": 10}],
 "hourly": [], "power_curve": [], "states": [], "state_timeline": [], "anomalies": [],
 "history": [],
 "data_quality": {"coverage": 1, "outages": [], "quarantined": 0, "quarantine_reasons": {},
   "duplicates": 0, "unreadable_files": []}}
JSON
    [ "$d" = "$to" ] && break
    d=$next
  done
done
