#!/usr/bin/env bash
# Issues 16 and 17's benchmark: the tutor's answers to the labelled wrong programs (POST /api/v1/debug, hint levels
# 1-3) and student questions (POST /api/v1/questions), scored and printed as two tables beside their targets (also
# bench/tutor/results/latest.md and a dated copy).
#
# Uses the mesh on 127.0.0.1:8180 when one is up (its rate limit is waited out: slower); otherwise starts one with
# `./learnflow up --no-demo` (gateway rate limit raised, no LLM), and stops it again with `./learnflow down`.
# On a shared machine nothing else may run a mesh meanwhile.
#   bench/tutor/run.sh                                    # everything (~15-30 min on 2 busy cores)
#   bench/tutor/run.sh -Dbench.only=debug -Dbench.limit=10   # any -Dbench.* setting, see README
#   bench/tutor/run.sh --self-check                          # checks the scoring on made-up answers, no mesh
# MAVEN_REPO=/path/to/repo bench/tutor/run.sh              # a private local Maven repository
set -euo pipefail
cd "$(dirname "$0")/../.."

for f in wrong-programs.json questions.tsv topics.json; do
  [ -f "bench/tutor/data/$f" ] || { echo "bench/tutor/data/$f missing (see bench/tutor/README.md)" >&2; exit 2; }
done

# Numbers mean nothing when the held-out set leaked into what the tutor is tuned on: refuse to run then.
python3 bench/tutor/scripts/holdout_check.py >&2 || {
  echo "benchmark items appear in services/ (listed above): rephrase them there first" >&2; exit 2; }

repo_args=()
[ -n "${MAVEN_REPO:-}" ] && repo_args=("-Dmaven.repo.local=$MAVEN_REPO")
# Compiles this module and copies its dependencies to target/lib (offline), then runs it from those copies.
mvn -B -q -o "${repo_args[@]}" -f bench/tutor/pom.xml package

if [ "${1:-}" = "--self-check" ]; then # the scoring against made-up answers, no mesh
  exec java -cp "bench/tutor/target/classes:bench/tutor/target/lib/*" dev.learnflow.bench.tutor.ScoringSelfCheck
fi

healthy() { curl -fsS -m 5 -o /dev/null http://127.0.0.1:8180/api/v1/health; }

started=0
if healthy; then
  echo "Using the mesh that is up on :8180 (with the default rate limit, 429s are waited out: slower)." >&2
else
  if ss -ltn | grep -q ':8180 '; then
    echo "something listens on :8180 but the mesh is not healthy; stop it first" >&2
    exit 2
  fi
  echo "Starting the mesh (./learnflow up --no-demo, offline tutor) ..." >&2
  mkdir -p bench/tutor/target
  # The offline tutor, whatever this shell has configured; the bench sends ~1 000 requests as two students.
  env -u LEARNFLOW_LLM_API_KEY -u LEARNFLOW_LLM_BASE_URL \
    LEARNFLOW_GATEWAY_RATE_LIMIT_CAPACITY=1000000 LEARNFLOW_GATEWAY_RATE_LIMIT_REFILL_PER_SECOND=1000000 \
    ./learnflow up --no-demo --health-timeout 1500 > bench/tutor/target/mesh.log 2>&1 &
  mesh_pid=$!
  started=1
  trap './learnflow down >/dev/null 2>&1 || true; wait "$mesh_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 1500); do
    healthy && break
    kill -0 "$mesh_pid" 2>/dev/null || { echo "the mesh did not start, see bench/tutor/target/mesh.log" >&2; exit 1; }
    sleep 1
  done
  healthy || { echo "the mesh is not healthy after 25 minutes, see bench/tutor/target/mesh.log" >&2; exit 1; }
fi

status=0
java ${BENCH_JAVA_OPTS:--Xmx256m} "$@" -cp "bench/tutor/target/classes:bench/tutor/target/lib/*" \
  dev.learnflow.bench.tutor.TutorBench || status=$?
[ "$started" = 1 ] && echo "Stopping the mesh ..." >&2
exit $status
