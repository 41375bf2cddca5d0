#!/usr/bin/env bash
# Transfers/s and latency of payment-service's POST /api/v1/payments/transfers over real HTTP — 1,000
# accounts chosen uniformly, then 10 hot accounts — beside pgbench's TPC-B-like script at the same
# client count, on the same embedded PostgreSQL server (same settings for both), in the same run.
# The service runs inside the harness JVM; clients are closed-loop threads on keep-alive connections,
# one transfer at a time each (fresh Idempotency-Key, real token issued once per account).
# It also prints the CPU each side spent per transfer (this JVM; the PostgreSQL processes).
# Needs pgbench on the PATH (apt-get install postgresql-client or postgresql-contrib).
#   bench/payment-load.sh [clients] [seconds per phase] [warm-up seconds]     (defaults 8, 15, 60; the warm-up goes on
#   past that until the JIT has settled)
# The upstream modules (protocol, dev-support) must be installed in ~/.m2 (./mvnw install once).
# Results: bench/results/payment-load.txt. Offline: MAVEN_ARGS=-o bench/payment-load.sh ...
# BENCH_JAVA_OPTS adds JVM options, e.g. -Dpool=N (database connections; default 2 x cores) or -Xlog:gc:file=gc.log.
# BENCH_GC: the collector (default -XX:+UseSerialGC, the one the JVM picks in the service's 768 MiB Kubernetes container
# and the manifest pins; on this 2-core, 24 GiB machine it would pick G1 — payment-service/README.md, "Warm-up and collector").
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-8}
seconds=${2:-15}
warmup=${3:-60}
mkdir -p payment-service/target bench/results
./mvnw -B -q ${MAVEN_ARGS:-} -pl payment-service test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/payment-service/target/payment-bench.classpath"
java -Xmx768m ${BENCH_GC:--XX:+UseSerialGC} ${BENCH_JAVA_OPTS:-} -cp "payment-service/target/test-classes:payment-service/target/classes:$(cat payment-service/target/payment-bench.classpath)" \
  io.hypermesh.payment.load.PaymentLoadHarness "$clients" "$seconds" "$warmup" 2>&1 \
  | grep -v -E '^\s*$|WARN|io\.zonky|\[postgres:pid' | tee bench/results/payment-load.txt
