#!/usr/bin/env bash
# Loads realistic compute assets into the registry schema of a running suite (deploy/run-local.sh, whose
# embedded PostgreSQL listens on 54329): generate_series SQL in batches of 50,000, then ANALYZE.
#   bench/registry-seed.sh [rows]                           default 1,000,000; running it again adds nothing
# Another server: HYPERMESH_SEED_DB_URL=jdbc:postgresql://host:5432/hypermesh HYPERMESH_SEED_DB_USER=...
#   HYPERMESH_SEED_DB_PASSWORD=... bench/registry-seed.sh     (schema: HYPERMESH_SEED_SCHEMA, default registry)
# Offline: MAVEN_ARGS=-o bench/registry-seed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
./mvnw -B -q -pl registry-service -am -DskipTests install
./mvnw -B -q -pl registry-service test-compile
mkdir -p target
./mvnw -B -q -pl registry-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/target/registry-bench.classpath"
java -cp "registry-service/target/test-classes:registry-service/target/classes:$(cat target/registry-bench.classpath)" \
  io.hypermesh.registry.asset.RegistrySeedTool "$rows"
