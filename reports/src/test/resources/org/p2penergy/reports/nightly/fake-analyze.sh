#!/usr/bin/env bash
# A stand-in for `p2penergy analyze` in the nightly ITs: takes the same options and writes
# DATA/reports/H/D/summary.json for each day like SummaryFixtures (fridge: day-of-month / 10 kWh at
# $0.10 per kWh): for the home "home" with --config, for every home file of the community that
# names a home.id with --community (a file without one is left out, as --skip-broken-homes does).
# Exits 1 when DATA/fail-analyze exists, to test the failure path. An s3://BUCKET/PREFIX data is
# written straight into the S3 server's backend folder, named in the file s3-root beside this script.
set -euo pipefail
community=""
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --config) shift 2 ;;
    --community) community=$2; shift 2 ;;
    --skip-broken-homes) shift ;;
    --date) from=$2; to=$2; shift 2 ;;
    --from) from=$2; shift 2 ;;
    --to) to=$2; shift 2 ;;
    *) echo "fake analyze: unknown option $1" >&2; exit 2 ;;
  esac
done
echo "fake ${community:+community }analyze $from..$to${data:+ of $data}"
if [[ $data == s3://* ]]; then
  data="$(cat "$(dirname "$0")/s3-root")/${data#s3://}"
fi
if [ -e "$data/fail-analyze" ]; then
  echo "fake analyze: failing as asked" >&2
  exit 1
fi
homes=home
if [ -n "$community" ]; then
  homes=""
  base=$(dirname "$community")
  for f in $(sed -n 's/^homes: *\[\(.*\)\]/\1/p' "$community" | tr ',' ' '); do
    id=$(sed -n 's/.*id: *\([a-z0-9-]*\).*/\1/p' "$base/$f" | head -1)
    homes="$homes ${id}"
  done
fi
for id in $homes; do
  d=$from
  while :; do
    day=$((10#${d:8:2}))
    kwh="$((day / 10)).$((day % 10))"
    cost=$(printf '0.%02d' "$day")
    next=$(date -d "$d + 1 day" +%F)
    mkdir -p "$data/reports/$id/$d"
    cat > "$data/reports/$id/$d/summary.json" <<JSON
{"schema_version": 1, "date": "$d", "generated_at": "${next}T07:00:00Z",
 "home": {"id": "$id", "name": "Demo home", "timezone": "America/New_York", "currency": "USD"},
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
