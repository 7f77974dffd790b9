#!/usr/bin/env bash
# Benchmarks the progress service: how fast progress events are recorded through the StudentActors.
# Starts a local sidecar (in-memory components by default, "real" = embedded Kafka + PostgreSQL actor store) and
# the service from its built jar on a database of its own (learnflow_bench), then prints a Markdown table.
#   bench/progress/run.sh                      # 300 sequential events, then 15 s per level, in-memory actor store
#   bench/progress/run.sh real 300 15 8 32     # PostgreSQL actor store; sequential events, seconds, levels
set -euo pipefail
source "$(dirname "$0")/../service-jar.sh"
jar=$(service_jar progress)
mkdir -p bench/progress/target
export LEARNFLOW_TEST_DB_NAME="${LEARNFLOW_TEST_DB_NAME:-learnflow_bench}"
mvn -B -q -f bench/progress/pom.xml compile exec:java -Dexec.args="$jar ${*:-memory 300 15 8 32}"
