#!/usr/bin/env bash
# Issue 21's class views on a big class (heatmap and summary of 200 students × 32 topics), measured at the
# progress service with a local sidecar and the gateway stand-in, on a database of its own (learnflow_bench_views).
#   bench/progress/heatmap.sh              # 200 students, 200 sequential requests per route
#   bench/progress/heatmap.sh 500 100      # students, requests
set -euo pipefail
source "$(dirname "$0")/../service-jar.sh"
jar=$(service_jar progress)
mkdir -p bench/progress/target
export LEARNFLOW_TEST_DB_NAME="${LEARNFLOW_TEST_DB_NAME:-learnflow_bench_views}"
mvn -B -q ${LEARNFLOW_BENCH_MAVEN_OPTS:-} -f bench/progress/pom.xml compile exec:java -Dbench.main=dev.learnflow.bench.HeatmapBench \
  -Dexec.args="$jar ${*:-200 200}"
