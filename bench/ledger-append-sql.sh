#!/usr/bin/env bash
# What one group commit costs PostgreSQL alone, without the service: groups of [blocks] chained blocks appended
# through append_blocks (ledger-service's migrations, applied to a scratch database), one call per group, one
# client, against the same groups only made and not appended. Shows what a schema change does to the writer's
# database time (docs/benchmarks.md, 2026-12-06). Needs psql and pgbench; the server comes from the usual libpq
# variables (default 127.0.0.1:5432, user postgres); the database ledger_append_bench is dropped and made anew.
#   bench/ledger-append-sql.sh [blocks per group] [groups measured]      (defaults 100, 1000; 200 groups first, not measured)
set -euo pipefail
cd "$(dirname "$0")/.."
blocks=${1:-100}
groups=${2:-1000}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
db=ledger_append_bench
PGOPTIONS="-c client_min_messages=warning" psql -q -v ON_ERROR_STOP=1 -d postgres -c "drop database if exists $db" -c "create database $db"
for migration in ledger-service/src/main/resources/db/migration/V*.sql; do
  psql -q -v ON_ERROR_STOP=1 -d "$db" -f "$migration" >/dev/null
done
psql -q -v ON_ERROR_STOP=1 -d "$db" -f bench/ledger-append-sql.sql >/dev/null
script=$(mktemp)
trap 'rm -f "$script"' EXIT
echo "select ledger_bench_group($blocks, true);" >"$script"
pgbench -n -f "$script" -t 200 "$db" >/dev/null
appended=$(pgbench -n -f "$script" -t "$groups" "$db" | sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p')
echo "select ledger_bench_group($blocks, false);" >"$script"
made=$(pgbench -n -f "$script" -t "$groups" "$db" | sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p')
total=$(psql -tA -d "$db" -c "select count(*) from blocks")
echo "server $(psql -tA -d "$db" -c 'show server_version'), fsync=$(psql -tA -d "$db" -c 'show fsync'), $total blocks at the end"
awk -v a="$appended" -v m="$made" -v n="$blocks" 'BEGIN {
  printf "group of %d blocks: %.2f ms made and appended, %.2f ms only made: %.3f ms per block for append_blocks\n", n, a, m, (a - m) / n }'
psql -q -d postgres -c "drop database $db"
