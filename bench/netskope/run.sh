#!/usr/bin/env bash
# Pull throughput of the Netskope plugin against the simulator. See docs/performance.md.
# Usage: bench/netskope/run.sh [pages] [requests-per-second]   (run from the repository root after
#        mvn -q install -DskipTests)
set -euo pipefail
PAGES=${1:-60}
RPS=${2:-4}
PORT=${PORT:-18801}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VERSION=0.1.0-SNAPSHOT
SIM_JAR="$ROOT/netskope-simulator/target/netskope-simulator-$VERSION-exec.jar"
CP="$ROOT/plugin-api/target/plugin-api-$VERSION.jar:$ROOT/plugins/netskope/target/netskope-$VERSION.jar"

# A backlog of 20,000 events/s over 10 minutes = 12 million page events, 10,000 per page.
java -Xmx512m -jar "$SIM_JAR" --port "$PORT" --rate 20000 --history 10m --page-size 10000 --idle-wait 0 \
  --requests-per-second "$RPS" > /tmp/netskope-sim-bench.log 2>&1 &
SIM=$!
trap 'kill $SIM 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q listening /tmp/netskope-sim-bench.log 2>/dev/null && break; sleep 0.2; done
sim_ticks() { awk '{print $14 + $15}' "/proc/$SIM/stat"; }
TICKS_BEFORE=$(sim_ticks)
START=$(date +%s.%N)
java -Xmx1g -cp "$CP" "$ROOT/bench/netskope/NetskopePullBenchmark.java" "http://127.0.0.1:$PORT" sim-v2-token "$PAGES"
END=$(date +%s.%N)
TICKS_AFTER=$(sim_ticks)
awk -v t=$((TICKS_AFTER - TICKS_BEFORE)) -v hz="$(getconf CLK_TCK)" -v s="$START" -v e="$END" \
  'BEGIN { printf "simulator CPU (generating, gzip): %.1f s over %.1f s wall (includes client JVM start)\n", t / hz, e - s }'
