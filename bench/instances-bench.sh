#!/usr/bin/env bash
# Many instances on one default PostgreSQL (issue 27, docs/operations.md "Connections"):
# starts INSTANCES Tally jars (small heaps) on one database, waits until every one answers
# its health check, then counts the database's connections (pg_stat_activity), posts an
# import through the first instance and checks that every instance serves the new revision
# and its election page. The reference: max_connections of the server.
#
#   bench/instances-bench.sh         # INSTANCES=8 HEAP=-Xmx192m
#
# Settings (environment): PORT (18801: instances on PORT..PORT+INSTANCES-1), DB
# (tally_instances), INSTANCES, HEAP, JAR. Loopback only; every instance is stopped at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${PORT:-18801}
DB=${DB:-tally_instances}
INSTANCES=${INSTANCES:-8}
HEAP=${HEAP:--Xmx192m}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres}
PASSWORD=bench-$RANDOM$RANDOM
WORK=$(mktemp -d)
JAR=${JAR:-$(ls target/tally-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
[ -n "$JAR" ] || { ./mvnw -o -q -B package -DskipTests; JAR=$(ls target/tally-*.jar | grep -v plain | head -1); }
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

psql -q -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
connections() { psql -tA -d postgres -c "select count(*) from pg_stat_activity where datname = '$DB'"; }
echo "PostgreSQL max_connections $(psql -tA -d postgres -c 'show max_connections'), in use on the server now: $(psql -tA -d postgres -c 'select count(*) from pg_stat_activity where backend_type = '"'"'client backend'"'")"

start() { # index
	java $HEAP -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$JAR" --server.port=$((PORT + $1)) \
		--spring.datasource.url="jdbc:postgresql://localhost:5432/$DB" --tally.admin-password="$PASSWORD" \
		--logging.level.root=WARN > "$WORK/tally-$1.log" 2>&1 &
	PIDS+=($!)
}
# The first alone (it runs the migrations), then the others together.
start 0
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break; sleep 1; done
for i in $(seq 1 $((INSTANCES - 1))); do start "$i"; done
started=$(date +%s)
for i in $(seq 0 $((INSTANCES - 1))); do
	until curl -sf "http://127.0.0.1:$((PORT + i))/actuator/health" > /dev/null; do
		kill -0 "${PIDS[$i]}" 2>/dev/null || { echo "instance $i died:"; grep -m3 -i 'error\|too many' "$WORK/tally-$i.log"; exit 1; }
		[ $(($(date +%s) - started)) -lt 900 ] || { echo "instance $i did not start in 15 min"; exit 1; }
		sleep 2
	done
done
echo "== $INSTANCES instances up; connections to $DB: $(connections) (each instance: 2 idle + the LISTEN one)"

BASE="http://127.0.0.1:$PORT"
curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$BASE/api/v1/elections" \
	-d '{"slug":"instances","name":"Instances bench","date":"2017-06-06","kind":"special-general","jurisdiction":"California","test":true}' > /dev/null
printf 'county,office,district,party,candidate,votes\nLos Angeles,U.S. House,34,DEM,Jimmy Gomez,4120\nLos Angeles,U.S. House,34,DEM,Robert Lee Ahn,2905\n' > "$WORK/a.csv"
curl -sf -u "admin:$PASSWORD" -H 'Content-Type: text/csv' --data-binary "@$WORK/a.csv" \
	"$BASE/api/v1/elections/instances/imports?mode=setup" > /dev/null
sleep 2
ok=0
for i in $(seq 0 $((INSTANCES - 1))); do
	base="http://127.0.0.1:$((PORT + i))"
	revision=$(curl -sf "$base/api/v1/elections/instances/revision" | sed -E 's/.*"revision":([0-9]+).*/\1/')
	page=$(curl -s -o /dev/null -w '%{http_code}' "$base/elections/instances")
	echo "instance $i (:$((PORT + i))): revision $revision, page $page, RSS $(($(ps -o rss= -p "${PIDS[$i]}") / 1024)) MB"
	[ "$revision" = 1 ] && [ "$page" = 200 ] && ok=$((ok + 1))
done
echo "== $ok of $INSTANCES instances serve the import; connections to $DB now: $(connections), at most $((INSTANCES * 8)) (8 a pool)"
