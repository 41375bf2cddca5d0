#!/usr/bin/env bash
# Executions end to end on this machine: the whole suite (six JVMs, embedded or given PostgreSQL) and real test-host
# processes running python3, clients through the gateway (its rate limit off).
#   bench/execution-bench.sh latency [N]                          N executions one after another, k=1, one host
#                                                                 (default 200), beside the same program run bare
#   bench/execution-bench.sh throughput [K] [HOSTS] [CLIENTS] [SECONDS]   closed-loop clients, k=K on HOSTS hosts
#                                                                 (defaults 1 4 8 60); completed/s and the money
# Builds the jars first (tests skipped). Results: bench/results/execution-<mode>.txt. Offline: MAVEN_ARGS=-o.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-latency}
shift || true
if [ "$mode" = latency ]; then args=("${1:-200}"); else args=("${1:-1}" "${2:-4}" "${3:-8}" "${4:-60}"); fi
mkdir -p bench/results
./mvnw -B -q ${MAVEN_ARGS:-} -DskipTests install
./mvnw -B -q ${MAVEN_ARGS:-} -pl deploy test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/deploy/target/bench.classpath"
cd deploy
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.hypermesh.deploy.ExecutionBench "$mode" "${args[@]}" 2>&1 | grep -v -E '^\s*$|SLF4J|INFO' | tee "../bench/results/execution-$mode.txt"
