#!/usr/bin/env bash
# Search latency at 1,000,000 assets over real HTTP: starts an embedded PostgreSQL (or uses
# HYPERMESH_TEST_DB_URL) and registry-service in one JVM, seeds the assets (about 3-6 minutes), then asks
# each supported filter combination (registry-service/README.md, "Search") one request at a time and
# prints p50/p95/p99 per combination against the goal (p95 <= 50 ms).
#   bench/registry-search.sh [rows] [requests per combination] [warm-up requests]   (defaults 1000000, 200, 30)
#   bench/registry-search.sh 100000 50 10                                            a quick look
# Results: bench/results/registry-search.txt. Offline: MAVEN_ARGS=-o bench/registry-search.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
requests=${2:-200}
warmup=${3:-30}
./mvnw -B -q -pl registry-service -am -DskipTests install
./mvnw -B -q -pl registry-service test-compile
mkdir -p target bench/results
./mvnw -B -q -pl registry-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/registry-bench.classpath"
java -Xmx512m -cp "registry-service/target/test-classes:registry-service/target/classes:$(cat target/registry-bench.classpath)" \
  io.hypermesh.registry.asset.RegistrySearchHarness "$rows" "$requests" "$warmup" 2>&1 \
  | grep -v -E '^\s*$|WARN|io\.zonky|\[postgres:pid' | tee bench/results/registry-search.txt
