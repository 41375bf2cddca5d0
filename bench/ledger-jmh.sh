#!/usr/bin/env bash
# JMH: consensus-proof verification as an append does it before taking the append lock (whole proof,
# Ed25519 signature, work hash, canonical payload digest) and a client's inclusion-proof check; p50/p99 per call.
#   bench/ledger-jmh.sh                                  all benchmarks (about 1.5 minutes)
#   bench/ledger-jmh.sh -wi 1 -i 1 -w 1s -r 1s           a quick look; any JMH options pass through
#   bench/ledger-jmh.sh 'ProofVerificationBenchmark.verifySignature'   one benchmark (a regex)
# Results: bench/results/ledger-jmh.txt (human) and .json (machine).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl ledger-service -am -DskipTests install
mkdir -p target
./mvnw -B -q -pl ledger-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/ledger-bench.classpath"
mkdir -p bench/results
pattern=ProofVerificationBenchmark
if [[ $# -gt 0 && "$1" != -* ]]; then pattern=$1; shift; fi
java -cp "ledger-service/target/test-classes:ledger-service/target/classes:$(cat target/ledger-bench.classpath)" \
  org.openjdk.jmh.Main "$pattern" -rf json -rff bench/results/ledger-jmh.json "$@" | tee bench/results/ledger-jmh.txt
