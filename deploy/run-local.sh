#!/usr/bin/env bash
# The one command that runs HyperMesh Compute on this machine:
#   deploy/run-local.sh          build what is missing, start PostgreSQL, the five services and the gateway,
#                                print the gateway and Swagger UI addresses; Ctrl-C stops everything
#   deploy/run-local.sh stop     stop a suite started from another terminal
# PostgreSQL: the server named by HYPERMESH_DB_URL (+ HYPERMESH_DB_USER, HYPERMESH_DB_PASSWORD; a user that may
# create roles and schemas), otherwise an embedded one whose data stays in .hypermesh/pgdata.
# HYPERMESH_REBUILD=1 forces a rebuild; HYPERMESH_OPERATORS=hm1... names operator identities.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "stop" ]; then
  if [ -f .hypermesh/suite.pid ] && kill -0 "$(cat .hypermesh/suite.pid)" 2>/dev/null; then
    kill -TERM "$(cat .hypermesh/suite.pid)"
    echo "Asked the suite (pid $(cat .hypermesh/suite.pid)) to stop."
  else
    echo "No running suite found."
  fi
  exit 0
fi

if [ -f .hypermesh/suite.pid ] && kill -0 "$(cat .hypermesh/suite.pid)" 2>/dev/null; then
  echo "A suite is already running here (pid $(cat .hypermesh/suite.pid)); stop it with deploy/run-local.sh stop" >&2
  exit 1
fi

version=0.1.0-SNAPSHOT
needed=(registry-service execution-service routing-service payment-service ledger-service gateway)
build=${HYPERMESH_REBUILD:-0}
for module in "${needed[@]}"; do
  [ -f "$module/target/$module-$version.jar" ] || build=1
done
[ -f "deploy/target/deploy-$version-exec.jar" ] || build=1
if [ "$build" = 1 ]; then
  echo "Building the suite (tests skipped; run them with ./mvnw verify) ..."
  ./mvnw -B -q -DskipTests package
fi

exec java -Xmx128m -jar "deploy/target/deploy-$version-exec.jar" "$PWD"
