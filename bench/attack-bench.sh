#!/usr/bin/env bash
# Slow-body attack bench (issue 21, docs/security.md "Request bodies"). Loopback only, bounded:
# starts Tally (demo data) on :$PORT and nginx (deploy/nginx.conf, upstreams rewritten) on
# :$PROXY_PORT, then for each target (Tally directly, then through nginx) measures the JSON
# feed's and a contest page's latency with no attack (the reference of the same run), then
# while $SLOW connections send slow bodies (bench/attack_bench.py, in turn: a declared
# 1,000,000-byte body to POST / and POST /login with one byte every $DRIP s, a chunked POST /
# with a one-byte chunk every $DRIP s, a declared 2 GB POST /login sending nothing; answered
# or cut off, each connects again after $DRIP s). Goal: p99 <= 1 s for both during the attack.
# The machine is shared: each attack p99 is also printed as a ratio to the idle p99 of the same
# run, with the load average. Prints per target:
#   probe <label> feed p50=<ms> p99=<ms> max=<ms> fail=<n>/<n> page ... attackers open=<n>
#         answers <status>=<n> ... (how the attack's requests were answered)
# Needs: target/tally-*.jar (./mvnw -o package -DskipTests), python3, nginx, PostgreSQL on 5432,
# `ulimit -n` above 2 x $SLOW.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18201}
PROXY_PORT=${PROXY_PORT:-18202}
DB=${BENCH_DB:-tally_i21_edge}
SLOW=${SLOW:-1000}
DRIP=${DRIP:-5}
DURATION=${DURATION:-60}
PROBERS=${PROBERS:-4}
NGINX=${NGINX:-/usr/sbin/nginx}
JAR=$(ls target/tally-*.jar | head -1)
HEAP=-Xmx768m
PASSWORD=bench-admin-password
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/attack-bench.XXXXXX)
ELECTION=2017-06-06-ca-34
FEED=/api/v1/elections/$ELECTION/contests/us-house-34
PAGE=/elections/$ELECTION/contests/us-house-34
. bench/lib.sh

ulimit -n 65536 2>/dev/null || true
echo "== Tally on :$PORT (database $DB, demo data), $JAR"
start_tally 180 -Dtally.demo=true -Dtally.seeds-dir=seeds
NGINX_PID=
trap 'kill $TALLY 2>/dev/null || true; [ -n "$NGINX_PID" ] && kill $NGINX_PID 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do curl -sf "$BASE$FEED" > /dev/null && break; sleep 1; done
# the demo loader imports several files: probe once the revision has stopped moving
last=
for _ in $(seq 1 120); do
	now=$(curl -sf "$BASE/api/v1/elections/$ELECTION/revision" || true)
	[ -n "$now" ] && [ "$now" = "$last" ] && break
	last=$now
	sleep 5
done
echo "   election at $last"

echo "== nginx (deploy/nginx.conf) on :$PROXY_PORT -> :$PORT"
mkdir -p "$WORK/proxy"
# nginx's workers run as another user when started as root: they need the cache folders
chmod 755 "$WORK" && chmod 777 "$WORK/proxy"
sed -e "s#tally-a:8080#127.0.0.1:$PORT#; s#tally-b:8080#127.0.0.1:$PORT#" -e "s#listen 80#listen $PROXY_PORT#g" \
	-e "s#/tmp/tally-nginx#$WORK/proxy/nginx#g" -e "s#worker_processes auto#worker_processes 1#" -e "s#error_log stderr warn#error_log $WORK/proxy/error.log crit#" \
	deploy/nginx.conf > "$WORK/proxy/nginx.conf"
"$NGINX" -t -q -p "$WORK/proxy" -c "$WORK/proxy/nginx.conf"
"$NGINX" -p "$WORK/proxy" -c "$WORK/proxy/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
sleep 1
curl -sf "http://127.0.0.1:$PROXY_PORT$FEED" > /dev/null

# p99 of "feed" or "page" in a probe line
p99() { sed -E "s/.* $1 p50=[0-9]+ p99=([0-9]+) .*/\1/" <<< "$2"; }
summary=
for target in "direct $PORT" "nginx $PROXY_PORT"; do
	set -- $target
	idle=$(python3 bench/attack_bench.py "$1-idle" "$2" 0 "$DRIP" 20 "$PROBERS" "$FEED" "$PAGE")
	echo "$idle"
	attack=$(python3 bench/attack_bench.py "$1-attack" "$2" "$SLOW" "$DRIP" "$DURATION" "$PROBERS" "$FEED" "$PAGE")
	echo "$attack"
	# the attack's p99 against the idle p99 of the same run (1 ms at least: a loopback
	# reader can take under a millisecond)
	for what in feed page; do
		summary+=$(awk -v t="$1" -v w="$what" -v i="$(p99 $what "$idle")" -v a="$(p99 $what "$attack")" \
			'BEGIN { r = a / (i < 1 ? 1 : i); printf "   %-6s %s p99 idle %d ms, attack %d ms: x%.1f%s\n", t, w, i, a, r, (a <= 1000 ? " (<= 1 s)" : " (OVER 1 s)") }')
		summary+=$'\n'
	done
done
echo "== p99 under attack against idle (same run; goal: attack p99 <= 1 s)"
printf '%s' "$summary"
echo "   load: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) on $(nproc) cores"
echo "== Tally's log: request-body refusals and errors"
grep -cE "ERROR|OutOfMemory" "$WORK/tally.log" | sed 's/^/   ERROR lines: /' || true
grep -cE "^\s+at |Exception" "$WORK/tally.log" | sed 's/^/   stack-trace or exception lines: /' || true
