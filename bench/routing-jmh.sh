#!/usr/bin/env bash
# JMH: host selection at 10,000 and 100,000 hosts, k-d index against brute force (p50/p99 per selection).
#   bench/routing-jmh.sh                 all parameters (about 4 minutes)
#   bench/routing-jmh.sh -p hosts=100000 any JMH options pass through
# Results: bench/results/routing-jmh.txt (human) and .json (machine).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl routing-service -am -DskipTests install
mkdir -p target
./mvnw -B -q -pl routing-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/routing-bench.classpath"
mkdir -p bench/results
java -cp "routing-service/target/test-classes:routing-service/target/classes:$(cat target/routing-bench.classpath)" \
  org.openjdk.jmh.Main SelectionBenchmark -rf json -rff bench/results/routing-jmh.json "$@" | tee bench/results/routing-jmh.txt
