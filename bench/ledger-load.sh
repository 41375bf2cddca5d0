#!/usr/bin/env bash
# Blocks/s and latency of ledger-service's POST /api/v1/ledger/blocks over real HTTP with 16 closed-loop
# submitters (group commit), beside `pgbench -N -c1` on the same PostgreSQL server, in the same run.
# The service runs inside the harness JVM; proofs are signed and mined before the timed phases. PostgreSQL is
# an embedded server of the harness's own with fsync=on and synchronous_commit=on (durable, for both sides),
# or the server at HYPERMESH_TEST_DB_URL (with _USER/_PASSWORD) as it is configured.
# Needs pgbench on the PATH (apt-get install postgresql-contrib or postgresql-client-NN).
#   bench/ledger-load.sh [submitters] [seconds] [warm-up seconds] [proofs to mine] [blocks per request] [pace]
#   (defaults 16, 20, 30, 80000, 1, closed; with more than 1 block per request the submitters use POST /blocks/batch;
#   pace "closed": each submitter sends when its previous request has answered; a number: open loop at that many
#   blocks/s in all; "2.2x": open loop at 2.2 times the pgbench TPS measured just before — latency then counts from
#   each request's scheduled time; an open loop also runs 60 s at its pace, not counted, between pgbench's first half
#   and the measured phase, so that the JIT has compiled the path as the phase uses it)
#   The issue-3 goal's measurement: bench/ledger-load.sh 16 20 60 700000 20 2.0x (docs/benchmarks.md)
# Results: bench/results/ledger-load.txt. Offline: MAVEN_ARGS=-o bench/ledger-load.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."
submitters=${1:-16}
seconds=${2:-20}
warmup=${3:-30}
proofs=${4:-80000}
batch=${5:-1}
pace=${6:-closed}
./mvnw -B -q -pl ledger-service -am -DskipTests install
./mvnw -B -q -pl ledger-service test-compile
mkdir -p target
./mvnw -B -q -pl ledger-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/ledger-bench.classpath"
mkdir -p bench/results
# BENCH_GC: the collector (default -XX:+UseSerialGC, the one the JVM picks in the service's 768 MiB Kubernetes container and
# the manifest pins; G1, which it would pick on this 2-core, 24 GiB machine, gave a p99 of 195-433 ms against 46-47 ms —
# docs/benchmarks.md, 2026-12-07; BENCH_GC="-XX:+UseG1GC -XX:MaxGCPauseMillis=10" for the earlier runs' setting).
# BENCH_JAVA_OPTS adds JVM options (e.g. -Xlog:gc:file=gc.log, -Dlatency.timeline=FILE for each request's send time and
# latency, -Dservice.args="--hypermesh.ledger....=...").
java -Xms2g -Xmx2g ${BENCH_GC:--XX:+UseSerialGC} ${BENCH_JAVA_OPTS:-} -cp "ledger-service/target/test-classes:ledger-service/target/classes:$(cat target/ledger-bench.classpath)" \
  io.hypermesh.ledger.load.LedgerLoadHarness "$submitters" "$seconds" "$warmup" "$proofs" "$batch" "$pace" 2>&1 \
  | grep -v -E '^\s*$|WARN|io\.zonky|\[postgres:pid' | tee bench/results/ledger-load.txt
