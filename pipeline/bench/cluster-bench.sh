#!/usr/bin/env bash
# Measure a clustered build (docs/scale-out.md): for each runner count, a fresh database on the PostgreSQL at
# PGHOST:PGPORT (user postgres), N runners started and ready, then `build --cluster` of SOURCES timed; prints runners,
# seconds, articles/s, articles/s per runner, cluster messages, and PostgreSQL transactions (xact_commit delta: each
# autocommit statement is one, i.e. the SQL round trips) per message; then the messages by entity (article units, block
# units: ResolveBlock, with their payload size) and the coordinator's timings (--timings: "resolve" includes the
# blocks' round trips). The build workflow's own messages are forgotten when it ends: counted from the coordinator's log.
# Usage: PGHOST=127.0.0.1 PGPORT=5432 pipeline/bench/cluster-bench.sh SOURCES "1 2 3"
set -euo pipefail
cd "$(dirname "$0")/../.."
SOURCES=$1
COUNTS=${2:-"1 2 3"}
q() { psql -U postgres -d "$1" -tAc "$2"; }
for n in $COUNTS; do
  db=car_bench_$n
  q postgres "DROP DATABASE IF EXISTS $db" >/dev/null
  q postgres "CREATE DATABASE $db" >/dev/null
  url="postgres://postgres@$PGHOST:$PGPORT/$db"
  pids=()
  for i in $(seq 1 "$n"); do
    node --import tsx pipeline/bin.ts runner --cluster "$url" >"/tmp/car-bench-runner-$n-$i.log" 2>&1 &
    pids+=($!)
  done
  for i in $(seq 1 "$n"); do
    until grep -q "Listening on" "/tmp/car-bench-runner-$n-$i.log"; do sleep 1; done
  done
  out=$(mktemp -d)
  x0=$(q postgres "SELECT xact_commit FROM pg_stat_database WHERE datname = '$db'")
  t0=$(date +%s.%N)
  node --import tsx pipeline/bin.ts build --sources "$SOURCES" --out "$out" --no-cache --no-progress --cluster "$url" \
    --timings "/tmp/car-bench-timings-$n.json" 2>"/tmp/car-bench-coordinator-$n.log"
  t1=$(date +%s.%N)
  sleep 1 # statistics are flushed to pg_stat_database within a second
  x1=$(q postgres "SELECT xact_commit FROM pg_stat_database WHERE datname = '$db'")
  msgs=$(q "$db" "SELECT count(*) FROM cluster_messages")
  byEntity=$(q "$db" "SELECT string_agg(entity_type || ' ' || n || ' (' || kb || ' KB)', ', ') FROM (SELECT entity_type,
    count(*) AS n, sum(length(payload)) / 1024 AS kb FROM cluster_messages GROUP BY entity_type ORDER BY 1) AS t")
  for p in "${pids[@]}"; do kill "$p"; done
  wait "${pids[@]}" 2>/dev/null || true
  rm -rf "$out"
  awk -v n="$n" -v t0="$t0" -v t1="$t1" -v m="$msgs" -v x="$((x1 - x0))" 'BEGIN {
    s = t1 - t0; printf "runners %d  seconds %.1f  articles/s %.2f  per runner %.2f  messages %d  transactions %d (%.1f per message)\n", n, s, m / s, m / s / n, m, x, x / m }'
  echo "  messages: $byEntity; workflow steps run: $(grep -c ': \(plan\|extract\|resolve\|publish\)$' "/tmp/car-bench-coordinator-$n.log")"
  echo "  coordinator timings: /tmp/car-bench-timings-$n.json"
done
