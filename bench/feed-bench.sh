#!/usr/bin/env bash
# Feed benchmark (issue 4). Starts two Tally instances on one database (demo data) and
# nginx serving the same contest JSON as a static file, then in one run:
#   1. wrk -t2 -c64 -d10s --latency against Tally's contest JSON and against nginx;
#   2. event latency from an import through instance A to a reader of instance B.
# Needs: target/tally-*.jar (./mvnw -o package -DskipTests), wrk, nginx, PostgreSQL.
# Environment: TALLY_PORT (18084), TALLY_PORT_B (18094), NGINX_PORT (18085), BENCH_DB (tally_feed),
#              DURATION (10s), START_WAIT (120 s for each instance to answer).
set -euo pipefail
cd "$(dirname "$0")/.."

TALLY_PORT=${TALLY_PORT:-18084}
TALLY_PORT_B=${TALLY_PORT_B:-18094}
NGINX_PORT=${NGINX_PORT:-18085}
BENCH_DB=${BENCH_DB:-tally_feed}
DURATION=${DURATION:-10s}
PASSWORD=bench-admin-password
ELECTION=2017-06-06-ca-34
CONTEST_PATH=/api/v1/elections/$ELECTION/contests/us-house-34
JAR=$(ls target/tally-*.jar | head -1)
WORK=$(mktemp -d /tmp/feed-bench.XXXXXX)
PIDS=()

cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

start_tally() { # port log
	java -Xmx512m -jar "$JAR" --server.port="$1" --tally.demo=true --tally.seeds-dir=seeds \
		--spring.datasource.url="jdbc:postgresql://localhost:5432/$BENCH_DB" \
		--tally.admin-password="$PASSWORD" --logging.level.root=WARN >"$2" 2>&1 &
	PIDS+=($!)
}

wait_for() { # url
	for _ in $(seq 1 $((2 * ${START_WAIT:-120}))); do
		curl -sf -o /dev/null "$1" && return 0
		sleep 0.5
	done
	echo "timed out waiting for $1" >&2
	return 1
}

echo "== starting Tally A on :$TALLY_PORT (demo data, database $BENCH_DB)"
start_tally "$TALLY_PORT" "$WORK/tally-a.log"
wait_for "http://localhost:$TALLY_PORT$CONTEST_PATH" || { tail -50 "$WORK/tally-a.log"; exit 1; }
echo "== starting Tally B on :$TALLY_PORT_B (same database)"
start_tally "$TALLY_PORT_B" "$WORK/tally-b.log"
wait_for "http://localhost:$TALLY_PORT_B$CONTEST_PATH" || { tail -50 "$WORK/tally-b.log"; exit 1; }

mkdir -p "$WORK/nginx/www/contests" "$WORK/nginx/tmp"
curl -sf "http://localhost:$TALLY_PORT$CONTEST_PATH" >"$WORK/nginx/www/contests/us-house-34.json"
sed "s/NGINX_PORT/$NGINX_PORT/" bench/nginx.conf >"$WORK/nginx/nginx.conf"
chmod 755 "$WORK" && chmod -R a+rX "$WORK/nginx" # nginx workers run as an unprivileged user
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
PIDS+=($!)
wait_for "http://127.0.0.1:$NGINX_PORT/contests/us-house-34.json"
cmp <(curl -sf "http://127.0.0.1:$NGINX_PORT/contests/us-house-34.json") \
	<(curl -sf "http://localhost:$TALLY_PORT$CONTEST_PATH") && echo "== same $(wc -c <"$WORK/nginx/www/contests/us-house-34.json") bytes from both"

echo "== warm-up (JIT), 5 s each"
wrk -t2 -c64 -d5s "http://localhost:$TALLY_PORT$CONTEST_PATH" >/dev/null
wrk -t2 -c64 -d5s "http://127.0.0.1:$NGINX_PORT/contests/us-house-34.json" >/dev/null

echo "== Tally: wrk -t2 -c64 -d$DURATION --latency http://localhost:$TALLY_PORT$CONTEST_PATH"
wrk -t2 -c64 -d"$DURATION" --latency "http://localhost:$TALLY_PORT$CONTEST_PATH" | tee "$WORK/tally.txt"
echo "== nginx: wrk -t2 -c64 -d$DURATION --latency http://127.0.0.1:$NGINX_PORT/contests/us-house-34.json"
wrk -t2 -c64 -d"$DURATION" --latency "http://127.0.0.1:$NGINX_PORT/contests/us-house-34.json" | tee "$WORK/nginx.txt"

tally_rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/tally.txt")
nginx_rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/nginx.txt")
tally_p99=$(awk '$1 == "99%" {print $2}' "$WORK/tally.txt")
echo "== summary: Tally $tally_rps req/s, nginx $nginx_rps req/s, ratio $(awk -v t="$tally_rps" -v n="$nginx_rps" 'BEGIN {printf "%.0f%%", 100 * t / n}'), Tally p99 $tally_p99 (goals: >= 50%, <= 20ms)"

echo "== event latency: imports through A (:$TALLY_PORT), reader on B (:$TALLY_PORT_B)"
java bench/FeedEventLatency.java "http://localhost:$TALLY_PORT" "http://localhost:$TALLY_PORT_B" admin "$PASSWORD" 30
