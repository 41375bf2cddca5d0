#!/usr/bin/env bash
# Transfers/s and latency of payment-service's POST /api/v1/payments/transfers over real HTTP — 1,000
# accounts chosen uniformly, then 10 hot accounts — beside pgbench's TPC-B-like script at the same
# client count, on the same (embedded, fsync off) PostgreSQL server, in the same run.
# The service runs inside the harness JVM; clients are closed-loop threads, one transfer at a time each.
# Needs pgbench on the PATH (apt-get install postgresql-contrib or postgresql-client-NN).
#   bench/payment-load.sh [clients] [seconds per phase] [warm-up seconds]     (defaults 8, 15, 5)
# Results: bench/results/payment-load.txt. Offline: MAVEN_ARGS=-o bench/payment-load.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-8}
seconds=${2:-15}
warmup=${3:-5}
./mvnw -B -q -pl payment-service -am -DskipTests install
./mvnw -B -q -pl payment-service test-compile
mkdir -p target
./mvnw -B -q -pl payment-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/payment-bench.classpath"
mkdir -p bench/results
java -Xmx768m -cp "payment-service/target/test-classes:payment-service/target/classes:$(cat target/payment-bench.classpath)" \
  io.hypermesh.payment.load.PaymentLoadHarness "$clients" "$seconds" "$warmup" 2>&1 \
  | grep -v -E '^\s*$|WARN|io\.zonky|\[postgres:pid' | tee bench/results/payment-load.txt
