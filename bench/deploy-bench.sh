#!/usr/bin/env bash
# Deployment benchmark (issue 16): the topology of `docker compose --profile scale up proxy` on one
# machine, with Debian's nginx and two jars: nginx (deploy/nginx.conf) caching in front of Tally A
# and Tally B on one PostgreSQL database, demo data.
#   1. contest JSON and the election page through the proxy vs nginx serving the same bytes as
#      static files (wrk -t2 -c64 --latency);
#   2. origin requests per URL per max-age while the proxy is under load (Tally's own
#      http.server.requests counts, both instances, from /actuator/prometheus);
#   3. an import while 1,000 event-stream readers are connected through the proxy: latency from
#      each import's answer to each reader's event (p50/p99) and events missed.
# Exits non-zero when any event is missed. Last line:
#   deploy-bench: proxy <r>x nginx static, origin <n> req/URL/max-age, events p99 <ms> ms, missed <n>
# Needs: target/tally-*.jar (./mvnw -o package -DskipTests), wrk, nginx, PostgreSQL on 5432.
# Environment: PROXY_PORT (18160), TALLY_PORT_A (18161), TALLY_PORT_B (18162), STATIC_PORT (18163),
#              BENCH_DB (tally_deploy_bench), DURATION (10s), READERS (1000), IMPORTS (5).
set -euo pipefail
cd "$(dirname "$0")/.."

PROXY_PORT=${PROXY_PORT:-18160}
TALLY_PORT_A=${TALLY_PORT_A:-18161}
TALLY_PORT_B=${TALLY_PORT_B:-18162}
STATIC_PORT=${STATIC_PORT:-18163}
BENCH_DB=${BENCH_DB:-tally_deploy_bench}
DURATION=${DURATION:-10s}
READERS=${READERS:-1000}
IMPORTS=${IMPORTS:-5}
PASSWORD=bench-admin-password
ELECTION=2017-06-06-ca-34
CONTEST_PATH=/api/v1/elections/$ELECTION/contests/us-house-34
PAGE_PATH=/elections/$ELECTION
FEED_MAX_AGE=5
JAR=$(ls target/tally-*.jar | head -1)
WORK=$(mktemp -d /tmp/deploy-bench.XXXXXX)
PIDS=()
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $BENCH_DB with (force)" \
	-c "create database $BENCH_DB" >/dev/null

start_tally() { # port log
	java -Xmx768m -jar "$JAR" --server.port="$1" --tally.demo=true --tally.seeds-dir=seeds \
		--spring.datasource.url="jdbc:postgresql://localhost:5432/$BENCH_DB" \
		--server.forward-headers-strategy=native --server.tomcat.remoteip.internal-proxies='127\.0\.0\.1' \
		--tally.admin-password="$PASSWORD" --logging.level.root=WARN >"$2" 2>&1 &
	PIDS+=($!)
}

wait_for() { # url
	for _ in $(seq 1 1200); do
		curl -sf -o /dev/null "$1" && return 0
		sleep 0.5
	done
	echo "timed out waiting for $1" >&2
	return 1
}

# GETs of a URI pattern counted by both instances (200s and the 304s of the proxy's revalidations).
origin_count() { # uri-pattern
	local total=0 port n
	for port in "$TALLY_PORT_A" "$TALLY_PORT_B"; do
		n=$(curl -sf -u "admin:$PASSWORD" "http://127.0.0.1:$port/actuator/prometheus" \
			| awk -v uri="uri=\"$1\"" 'index($0, "http_server_requests_seconds_count{") == 1 && index($0, uri) \
				&& index($0, "method=\"GET\"") && (index($0, "status=\"200\"") || index($0, "status=\"304\"")) { s += $NF } \
				END { printf "%d", s }')
		total=$((total + n))
	done
	echo "$total"
}

echo "== starting Tally A on :$TALLY_PORT_A (demo data, database $BENCH_DB)"
start_tally "$TALLY_PORT_A" "$WORK/tally-a.log"
wait_for "http://127.0.0.1:$TALLY_PORT_A$CONTEST_PATH" || { tail -50 "$WORK/tally-a.log"; exit 1; }
echo "== starting Tally B on :$TALLY_PORT_B (same database)"
start_tally "$TALLY_PORT_B" "$WORK/tally-b.log"
wait_for "http://127.0.0.1:$TALLY_PORT_B$CONTEST_PATH" || { tail -50 "$WORK/tally-b.log"; exit 1; }

echo "== proxy: deploy/nginx.conf on :$PROXY_PORT -> :$TALLY_PORT_A, :$TALLY_PORT_B"
mkdir -p "$WORK/proxy" "$WORK/static/www/contests" "$WORK/static/www/elections" "$WORK/static/tmp"
sed -e "s#tally-a:8080#127.0.0.1:$TALLY_PORT_A#; s#tally-b:8080#127.0.0.1:$TALLY_PORT_B#" \
	-e "s#listen 80#listen 127.0.0.1:$PROXY_PORT#" \
	-e "s#/tmp/tally-nginx#$WORK/proxy/nginx#g" deploy/nginx.conf >"$WORK/proxy/nginx.conf"
chmod 755 "$WORK" && chmod -R a+rwX "$WORK/proxy"
nginx -t -q -p "$WORK/proxy" -c "$WORK/proxy/nginx.conf"
nginx -p "$WORK/proxy" -c "$WORK/proxy/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
wait_for "http://127.0.0.1:$PROXY_PORT$CONTEST_PATH"

echo "== static nginx on :$STATIC_PORT serving the same bytes"
curl -sf "http://127.0.0.1:$TALLY_PORT_A$CONTEST_PATH" >"$WORK/static/www/contests/us-house-34.json"
curl -sf "http://127.0.0.1:$TALLY_PORT_A$PAGE_PATH" >"$WORK/static/www/elections/page.html"
sed -e "s/NGINX_PORT/$STATIC_PORT/" -e 's#application/json json;#application/json json; text/html html;#' \
	bench/nginx.conf >"$WORK/static/nginx.conf"
chmod -R a+rX "$WORK/static"
nginx -p "$WORK/static" -c "$WORK/static/nginx.conf" &
PIDS+=($!)
wait_for "http://127.0.0.1:$STATIC_PORT/contests/us-house-34.json"
echo "   contest JSON $(wc -c <"$WORK/static/www/contests/us-house-34.json") bytes, page $(wc -c <"$WORK/static/www/elections/page.html") bytes"
echo "   proxy headers for the page:"
curl -sI "http://127.0.0.1:$PROXY_PORT$PAGE_PATH" | grep -iE '^(cache-control|etag|x-cache-status):' | sed 's/^/     /'

bench() { # name url
	wrk -t2 -c64 -d"$DURATION" --latency "$2" >"$WORK/$1.txt"
	awk '/Requests\/sec/ {print $2}' "$WORK/$1.txt"
}

echo "== warm-up, 5 s each"
wrk -t2 -c64 -d5s "http://127.0.0.1:$PROXY_PORT$CONTEST_PATH" >/dev/null
wrk -t2 -c64 -d5s "http://127.0.0.1:$PROXY_PORT$PAGE_PATH" >/dev/null
wrk -t2 -c64 -d5s "http://127.0.0.1:$STATIC_PORT/contests/us-house-34.json" >/dev/null

contest_before=$(origin_count "/api/v1/elections/{election}/contests/{contest}")
start=$(date +%s.%N)
proxy_json=$(bench proxy-json "http://127.0.0.1:$PROXY_PORT$CONTEST_PATH")
elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
contest_origin=$(( $(origin_count "/api/v1/elections/{election}/contests/{contest}") - contest_before ))
static_json=$(bench static-json "http://127.0.0.1:$STATIC_PORT/contests/us-house-34.json")
page_before=$(origin_count "/elections/{election}")
page_start=$(date +%s.%N)
proxy_page=$(bench proxy-page "http://127.0.0.1:$PROXY_PORT$PAGE_PATH")
page_elapsed=$(awk -v s="$page_start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
page_origin=$(( $(origin_count "/elections/{election}") - page_before ))
static_page=$(bench static-page "http://127.0.0.1:$STATIC_PORT/elections/page.html")

for run in proxy-json static-json proxy-page static-page; do
	printf '   %-12s %10s req/s  p50 %8s  p99 %8s\n' "$run" "$(awk '/Requests\/sec/ {print $2}' "$WORK/$run.txt")" \
		"$(awk '$1 == "50%" {print $2}' "$WORK/$run.txt")" "$(awk '$1 == "99%" {print $2}' "$WORK/$run.txt")"
done
json_ratio=$(awk -v p="$proxy_json" -v s="$static_json" 'BEGIN { printf "%.2f", p / s }')
page_ratio=$(awk -v p="$proxy_page" -v s="$static_page" 'BEGIN { printf "%.2f", p / s }')
per_max_age=$(awk -v n="$contest_origin" -v t="$elapsed" -v m="$FEED_MAX_AGE" 'BEGIN { printf "%.2f", n / (t / m) }')
page_per_max_age=$(awk -v n="$page_origin" -v t="$page_elapsed" -v m="$FEED_MAX_AGE" 'BEGIN { printf "%.2f", n / (t / m) }')
echo "== contest JSON: proxy/static ${json_ratio}x; origin saw $contest_origin requests in ${elapsed%.*} s = $per_max_age per ${FEED_MAX_AGE} s max-age"
echo "== election page: proxy/static ${page_ratio}x; origin saw $page_origin requests in ${page_elapsed%.*} s = $page_per_max_age per ${FEED_MAX_AGE} s"

echo "== events: $READERS readers through the proxy, $IMPORTS imports through the proxy"
java bench/DeployEventFanout.java "http://127.0.0.1:$PROXY_PORT" admin "$PASSWORD" "$READERS" "$IMPORTS" \
	| tee "$WORK/events.txt"
p99=$(sed -n 's/.* p99=\([0-9]*\).*/\1/p' "$WORK/events.txt")
missed=$(sed -n 's/.* missed=\([0-9]*\).*/\1/p' "$WORK/events.txt")
p99=${p99:-0}
missed=${missed:-$((READERS * IMPORTS))}

ratio=$(awk -v a="$json_ratio" -v b="$page_ratio" 'BEGIN { printf "%.2f", (a < b) ? a : b }')
echo "deploy-bench: proxy ${ratio}x nginx static, origin $per_max_age req/URL/max-age, events p99 $p99 ms, missed $missed"
[ "$missed" -eq 0 ]
