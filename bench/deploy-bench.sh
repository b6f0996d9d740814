#!/usr/bin/env bash
# Deployment benchmark (issue 16): the topology of `docker compose --profile scale up proxy` on one
# machine, with Debian's nginx and two jars: nginx (deploy/nginx.conf) caching in front of Tally A
# and Tally B on one PostgreSQL database, demo data.
#   1. contest JSON and the election page through the proxy vs nginx serving the same bytes as
#      static files with the proxy's worker_processes (wrk -t2 -c64 --latency), ROUNDS rounds
#      interleaved (proxy, static, proxy, static: builds sharing the cores hit both alike), with
#      each side's nginx workers' CPU time a request;
#   2. origin requests per URL per max-age while the proxy is under load (Tally's own
#      http.server.requests counts, both instances, from /actuator/prometheus);
#   3. an import while 1,000 event-stream readers are connected through the proxy: latency from
#      each import's answer to each reader's event (p50/p99) and events missed.
# Exits non-zero when any event is missed. Last line:
#   deploy-bench: proxy <r>x nginx static, origin <n> req/URL/max-age, events p99 <ms> ms, missed <n>
# Needs: target/tally-*.jar (./mvnw -o package -DskipTests), wrk, nginx, PostgreSQL on 5432.
# Environment: PROXY_PORT (18160), TALLY_PORT_A (18161), TALLY_PORT_B (18162), STATIC_PORT (18163),
#              BENCH_DB (tally_deploy_bench), DURATION (10s), READERS (1000), IMPORTS (5),
#              ROUNDS (1), STATIC_WORKERS (deploy/nginx.conf's worker_processes; 1: the old reference).
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
ROUNDS=${ROUNDS:-1}
STATIC_WORKERS=${STATIC_WORKERS:-$(awk '$1 == "worker_processes" { sub(";", "", $2); print $2 }' deploy/nginx.conf)}
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
PROXY_MASTER=$!
wait_for "http://127.0.0.1:$PROXY_PORT$CONTEST_PATH"

echo "== static nginx on :$STATIC_PORT serving the same bytes, $STATIC_WORKERS worker(s)"
curl -sf "http://127.0.0.1:$TALLY_PORT_A$CONTEST_PATH" >"$WORK/static/www/contests/us-house-34.json"
curl -sf "http://127.0.0.1:$TALLY_PORT_A$PAGE_PATH" >"$WORK/static/www/elections/page.html"
# Like with like: the reference runs the proxy's worker_processes and, like the proxy's
# listening socket (its default server's), reuseport.
sed -e "s/NGINX_PORT/$STATIC_PORT/" -e 's#application/json json;#application/json json; text/html html;#' \
	-e "s/^worker_processes .*/worker_processes $STATIC_WORKERS;/" -e 's/^\( *listen [^;]*\);/\1 reuseport;/' \
	bench/nginx.conf >"$WORK/static/nginx.conf"
chmod -R a+rX "$WORK/static"
nginx -p "$WORK/static" -c "$WORK/static/nginx.conf" &
PIDS+=($!)
STATIC_MASTER=$!
wait_for "http://127.0.0.1:$STATIC_PORT/contests/us-house-34.json"
echo "   contest JSON $(wc -c <"$WORK/static/www/contests/us-house-34.json") bytes, page $(wc -c <"$WORK/static/www/elections/page.html") bytes"
echo "   proxy headers for the page:"
curl -sI "http://127.0.0.1:$PROXY_PORT$PAGE_PATH" | grep -iE '^(cache-control|etag|x-cache-status):' | sed 's/^/     /'

# CPU time (clock ticks) of an nginx master's workers so far.
worker_ticks() { # master-pid
	local total=0 worker
	for worker in $(pgrep -P "$1"); do
		total=$((total + $(awk '{ print $14 + $15 }' "/proc/$worker/stat")))
	done
	echo "$total"
}

# One wrk run, appended to $WORK/<name>.runs: req/s, p50, p99, the workers' CPU µs a request
# (steadier than req/s while other processes share the cores), 1-minute load average.
bench() { # name url master-pid
	local before after
	before=$(worker_ticks "$3")
	wrk -t2 -c64 -d"$DURATION" --latency "$2" >"$WORK/$1.txt"
	after=$(worker_ticks "$3")
	awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" -v la="$(cut -d' ' -f1 /proc/loadavg)" '
		/requests in/ { n = $1 } /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
		END { printf "%s %s %s %.1f %s\n", rps, p50, p99, ticks / hz * 1e6 / n, la }' "$WORK/$1.txt" >>"$WORK/$1.runs"
}
# Runs a command, adding its duration to <what>.seconds and the origin's GETs of the URI
# pattern meanwhile to <what>.origin (only while the proxy is under load).
timed() { # what uri-pattern command...
	local start before
	before=$(origin_count "$2")
	start=$(date +%s.%N)
	"${@:3}"
	awk -v s="$start" -v e="$(date +%s.%N)" '{ print $1 + e - s }' "$WORK/$1.seconds" >"$WORK/$1.new"
	mv "$WORK/$1.new" "$WORK/$1.seconds"
	echo $(( $(cat "$WORK/$1.origin") + $(origin_count "$2") - before )) >"$WORK/$1.origin"
}
last() { tail -1 "$WORK/$1.runs" | cut -d' ' -f1; }

echo "== warm-up, 5 s each"
wrk -t2 -c64 -d5s "http://127.0.0.1:$PROXY_PORT$CONTEST_PATH" >/dev/null
wrk -t2 -c64 -d5s "http://127.0.0.1:$PROXY_PORT$PAGE_PATH" >/dev/null
wrk -t2 -c64 -d5s "http://127.0.0.1:$STATIC_PORT/contests/us-house-34.json" >/dev/null

echo "== $ROUNDS round(s), interleaved: proxy, static, proxy, static (wrk -t2 -c64 -d$DURATION each)"
for what in json page; do
	echo 0 >"$WORK/$what.seconds"
	echo 0 >"$WORK/$what.origin"
done
for round in $(seq 1 "$ROUNDS"); do
	timed json "/api/v1/elections/{election}/contests/{contest}" bench proxy-json "http://127.0.0.1:$PROXY_PORT$CONTEST_PATH" "$PROXY_MASTER"
	bench static-json "http://127.0.0.1:$STATIC_PORT/contests/us-house-34.json" "$STATIC_MASTER"
	timed page "/elections/{election}" bench proxy-page "http://127.0.0.1:$PROXY_PORT$PAGE_PATH" "$PROXY_MASTER"
	bench static-page "http://127.0.0.1:$STATIC_PORT/elections/page.html" "$STATIC_MASTER"
	awk -v r="$round" -v pj="$(last proxy-json)" -v sj="$(last static-json)" -v pp="$(last proxy-page)" \
		-v sp="$(last static-page)" -v la="$(cut -d' ' -f1-3 /proc/loadavg)" \
		'BEGIN { printf "   round %d: JSON %.2fx, page %.2fx (load %s)\n", r, pj / sj, pp / sp, la }'
done
elapsed=$(cat "$WORK/json.seconds")
page_elapsed=$(cat "$WORK/page.seconds")
contest_origin=$(cat "$WORK/json.origin")
page_origin=$(cat "$WORK/page.origin")

printf '   %-12s %10s  %8s  %8s  %11s  %s\n' run req/s p50 p99 "cpu µs/req" load
for run in proxy-json static-json proxy-page static-page; do
	awk -v run="$run" '{ printf "   %-12s %10s  %8s  %8s  %11s  %s\n", run, $1, $2, $3, $4, $5 }' "$WORK/$run.runs"
done
# the mean req/s of all rounds, proxy over static
mean() { awk '{ s += $1 } END { print s / NR }' "$WORK/$1.runs"; }
json_ratio=$(awk -v p="$(mean proxy-json)" -v s="$(mean static-json)" 'BEGIN { printf "%.2f", p / s }')
page_ratio=$(awk -v p="$(mean proxy-page)" -v s="$(mean static-page)" 'BEGIN { printf "%.2f", p / s }')
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
