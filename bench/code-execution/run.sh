#!/usr/bin/env bash
# Benchmarks the code-execution service: hello-world latency (p50/p99) and throughput with 10/50/100
# concurrent clients. Starts the service from its built jar unless BASE_URL points at a running one.
#   bench/code-execution/run.sh                 # build if needed, start the service on :8107, bench, stop it
#   BASE_URL=http://host:8107 bench/code-execution/run.sh
#   bench/code-execution/run.sh 200 20 10 50 100   # sequential runs, seconds per level, levels
# The service answers /internal/** only with its app API token (what its sidecar sends): the bench starts it with
# APP_API_TOKEN and sends the same as dapr-api-token (with BASE_URL, export the running service's APP_API_TOKEN).
set -euo pipefail
source "$(dirname "$0")/../service-jar.sh"

base="${BASE_URL:-}"
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

if [ -z "$base" ]; then
  export APP_API_TOKEN="${APP_API_TOKEN:-bench-$RANDOM$RANDOM}"
  jar=$(service_jar code-execution)
  base="http://localhost:8107"
  mkdir -p bench/code-execution/target
  java -jar "$jar" > bench/code-execution/target/service.log 2>&1 &
  pid=$!
  for _ in $(seq 1 60); do
    if curl -fsS "$base/q/health/ready" >/dev/null 2>&1; then break; fi
    sleep 1
  done
  curl -fsS "$base/q/health/ready" >/dev/null || { echo "service did not become ready:"; cat bench/code-execution/target/service.log; exit 1; }
fi

mvn -B -q ${MAVEN_REPO_LOCAL:+-o -Dmaven.repo.local=$MAVEN_REPO_LOCAL} -f bench/code-execution/pom.xml compile exec:java -Dexec.args="$base ${*:-200 20 10 50 100}"
