#!/usr/bin/env bash
# Issue 11's benchmark over the whole local mesh: starts it (ten services, ten local sidecars, embedded Kafka, a fresh
# database `learnflow_bench` on the machine's PostgreSQL or an embedded one), measures gateway overhead, event
# delivery to sockets, code execution, offline agent answers, indexed queries and a read-heavy load with 1, 100 and
# 500 users, prints a Markdown table (also bench/mesh/results/latest.md and a dated copy) and stops the mesh.
#
# Needs the services packaged (`mvn -B -q -DskipTests package` at the root) and the fixed mesh ports free; on a
# shared machine run it under the mesh lock:   flock /tmp/mesh.lock bench/mesh/run.sh
#   bench/mesh/run.sh                                   # defaults (about 10 minutes after the mesh is up)
#   bench/mesh/run.sh -Dbench.load.seconds=10 -Dbench.load.levels=1,50   # any -Dbench.* setting, see README
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
for s in gateway triage concepts code-review debug exercise progress code-execution websocket notification; do
  [ -f "services/$s/target/quarkus-app/quarkus-run.jar" ] || missing+=("$s")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "not packaged: ${missing[*]} — run 'mvn -B -q -DskipTests package' at the repository root first" >&2
  exit 2
fi

# The offline tutor: no LLM, whatever this shell has configured.
unset LEARNFLOW_LLM_API_KEY LEARNFLOW_LLM_BASE_URL

# The bench uses the launcher (and contracts) as installed in the local Maven repository.
if [ ! -d "${MAVEN_REPO:-$HOME/.m2/repository}/dev/learnflow/learnflow-local-launcher" ]; then
  echo "learnflow-local-launcher is not installed: run 'mvn -B -q -DskipTests install' at the repository root" >&2
  exit 2
fi
# Compiles this module and copies its dependencies to target/lib (offline: all of it is in the local repository by
# now), then runs it from those copies. Arguments are -Dbench.* settings (see README).
# MAVEN_REPO: a Maven repository of one's own (a shared machine's helpers each build into their own).
mvn -B -q -o ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO} -f bench/mesh/pom.xml package
# The mesh runs as `./learnflow up` runs it: the launcher (Kafka, the ten sidecars) in a JVM of its own with the
# launcher's JVM options, taken from the `learnflow` script (LEARNFLOW_LAUNCHER_JAVA_OPTS replaces them there and
# here), and the services its children. The bench JVM hosts only the clients (up to 500 virtual users); C1 only and
# SerialGC as the launcher: with the default C2, compiler threads were ~30 % of a bench JVM's CPU in a run of minutes.
eval "$(grep -m1 '^LAUNCHER_JAVA_OPTS=' learnflow)"
export MESH_LAUNCHER_JAVA_OPTS="${LAUNCHER_JAVA_OPTS:?no LAUNCHER_JAVA_OPTS= line in ./learnflow}"
# Native memory as `./learnflow` runs it: at most two malloc arenas per JVM (inherited by launcher and services).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec java ${BENCH_JAVA_OPTS:--Xmx1g -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MetaspaceSize=96m} "$@" \
  -cp "bench/mesh/target/classes:bench/mesh/target/lib/*" \
  dev.learnflow.bench.mesh.MeshBench
