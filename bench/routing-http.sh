#!/usr/bin/env bash
# HTTP load on host selection: 100,000 hosts seeded straight into routing's table, then wrk drives
# POST /api/v1/routing/selections on routing-service's own port (not through the gateway, whose rate
# limits would measure themselves), 16 connections for 30 s by default.
# Needs: the suite running with a heap that holds the matrix, e.g.
#   HYPERMESH_JAVA_OPTS_ROUTING="-Xms1g -Xmx1g" deploy/run-local.sh
# (embedded PostgreSQL on port 54329), psql and wrk (apt-get install postgresql-client wrk).
# A 20 s warm-up run (JIT) comes first and is not reported.
#   bench/routing-http.sh [hosts] [duration] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
hosts=${1:-100000}
duration=${2:-30s}
connections=${3:-16}
psql_url=${HYPERMESH_BENCH_PSQL:-postgresql://postgres@localhost:54329/hypermesh}
routing=${HYPERMESH_ROUTING_URL:-http://localhost:8083}
gateway=${HYPERMESH_GATEWAY:-http://localhost:8080}

echo "Seeding $hosts hosts into routing.hosts ..."
psql -q -v ON_ERROR_STOP=1 "$psql_url" <<SQL
insert into routing.zones (name, description, min_x, min_y, min_z, max_x, max_y, max_z, created_by, created_at)
values ('bench', 'load test hosts', -10000, -10000, -10000, 10000, 10000, 10000, 'bench', now())
on conflict (name) do nothing;
insert into routing.hosts (id, zone, x, y, z, coordinate_error, runtimes, cpu_cores, memory_mb, storage_mb, gpu_model,
                           gpu_memory_mb, privacy_levels, load_permille, reputation, version, removed, updated_at)
select 'bench-' || i, 'bench',
       (random() + random() + random() - 1.5) * 200, (random() + random() + random() - 1.5) * 200,
       (random() + random() + random() - 1.5) * 200, 1.0,
       case when random() < 0.5 then array['python'] else array['python', 'wasm'] end,
       1 + (random() * 31)::int, 1024 * (1 + (random() * 63)::int), 100000, null, 0,
       (random() * 31)::int | 4, (random() * 1000)::int, (random() * 1000)::int, 1, false, clock_timestamp()
from generate_series(1, $hosts) as i
on conflict (id) do nothing;
SQL

jar=cli/target/cli-0.1.0-SNAPSHOT-exec.jar
[ -f "$jar" ] || ./mvnw -B -q -pl cli -am -DskipTests package
home=$(mktemp -d)
java -jar "$jar" keys create --name bench --home "$home" >/dev/null
TOKEN=$(java -jar "$jar" login --gateway "$gateway" --key bench --home "$home" --print-token)
export TOKEN
rm -rf "$home"

echo "Waiting for the routing index to hold the seeded hosts ..."
for _ in $(seq 1 60); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$routing/api/v1/routing/hosts/bench-$hosts")
  [ "$code" = 200 ] && break
  sleep 1
done

echo "Warm-up: 20 s (not reported)"
wrk -t2 -c"$connections" -d20s -s bench/selection.lua "$routing/api/v1/routing/selections" >/dev/null

echo "wrk: $connections connections, $duration"
mkdir -p bench/results
wrk -t2 -c"$connections" -d"$duration" --latency -s bench/selection.lua "$routing/api/v1/routing/selections" \
  | tee bench/results/routing-http.txt
