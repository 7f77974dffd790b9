#!/usr/bin/env bash
# Delivery latency of the websocket service: an answer published on learning.responses through a sidecar
# (onto an embedded Kafka) until the student's socket receives it, with 100 and 1,000 connected clients.
# Starts everything itself: embedded Kafka, two local sidecars (a publisher and the websocket service's), the
# websocket service from its built jar, and the clients.
#   bench/websocket/run.sh                       # 2000 events at 200/s for 100 and 1000 clients
#   bench/websocket/run.sh 4000 400 100 1000     # events, events per second, client counts
set -euo pipefail
source "$(dirname "$0")/../service-jar.sh"
jar=$(service_jar websocket)
mvn -B -q -f bench/websocket/pom.xml compile exec:java -Dexec.args="$jar ${*:-2000 200 100 1000}"
