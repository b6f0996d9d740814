#!/usr/bin/env bash
# Event-stream readers on one instance (issue 27): starts Tally (-Xmx1g) with its cap set to
# READERS, opens READERS event streams and EXTRA more (which must be refused: 503 +
# Retry-After), then while the streams are full times an import, a page and the health
# check, and finally posts IMPORTS imports and reports, from sending each import to every
# reader's event, p50/p99/max and the events missed, and Tally's RSS (idle, full, after).
# The reference: the same import, page and health check timed before any reader connects.
#
#   bench/events-bench.sh            # READERS=10000 IMPORTS=10 EXTRA=100
#
# Settings (environment): PORT (18801), DB (tally_events), HEAP (-Xmx1g), READERS, EXTRA,
# IMPORTS, JAR, HISTO (N: print the top N of the heap's histogram with the streams full). Loopback only; every reader is closed when the script ends.
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh
PORT=${PORT:-18801}
DB=${DB:-tally_events}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres}
HEAP=${HEAP:--Xmx1g}
READERS=${READERS:-10000}
EXTRA=${EXTRA:-100}
IMPORTS=${IMPORTS:-10}
PASSWORD=bench-$RANDOM$RANDOM
WORK=$(mktemp -d)
BASE="http://127.0.0.1:$PORT"
ELECTION=events-bench
JAR=$(tally_jar)

# Each stream is a socket on both ends: Tally and the readers each need READERS+EXTRA files.
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((READERS + EXTRA + 500)) ] || { echo "ulimit -n $(ulimit -n) is too low for $READERS readers"; exit 1; }

start_tally 180 -Dtally.feed.max-readers="$READERS" -Dlogging.level.root=WARN
TOKEN=$(api_token "events bench")
curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$BASE/api/v1/elections" \
	-d "{\"slug\":\"$ELECTION\",\"name\":\"Event readers bench\",\"date\":\"2017-06-06\",\"kind\":\"special-general\",\"jurisdiction\":\"California\",\"test\":true}" > /dev/null
round=0
import() { # prints the seconds the import took
	round=$((round + 1))
	printf 'county,office,district,party,candidate,votes\nLos Angeles,U.S. House,34,DEM,Jimmy Gomez,%d\nLos Angeles,U.S. House,34,DEM,Robert Lee Ahn,%d\n' \
		$((500 + round)) $((400 + round)) > "$WORK/round.csv"
	curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
		--data-binary "@$WORK/round.csv" "$BASE/api/v1/elections/$ELECTION/imports?fileName=round-$round.csv$([ $round = 1 ] && echo '&mode=setup')"
}
timed() { curl -s -o /dev/null -w '%{http_code} %{time_total}' "$@"; }
rss() { echo "$(($(ps -o rss= -p "$TALLY") / 1024)) MB"; }
probe() { # label
	echo "$1: import $(import)s; page $(timed "$BASE/elections/$ELECTION")s; health $(timed "$BASE/actuator/health")s"
}

import > /dev/null
for _ in 1 2 3; do probe "warm-up" > /dev/null; done
echo "== reference, no readers: $(probe "idle") ; RSS $(rss)"

[ -z "${HISTO:-}" ] || jmap -histo:live "$TALLY" > "$WORK/idle.histo"
mkfifo "$WORK/go"
java -Xmx512m bench/EventReaders.java "$BASE" "$ELECTION" "$TOKEN" "$READERS" "$IMPORTS" "$EXTRA" < "$WORK/go" > "$WORK/readers.log" 2>&1 &
READER_PID=$!
exec 3> "$WORK/go"
trap 'exec 3>&-; kill $READER_PID 2>/dev/null || true; kill $TALLY 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 600); do
	grep -q READY "$WORK/readers.log" && break
	kill -0 $READER_PID 2>/dev/null || break
	sleep 1
done
cat "$WORK/readers.log"
grep -q READY "$WORK/readers.log" || exit 1
echo "== $READERS streams open: RSS $(rss)"
if [ -n "${HISTO:-}" ]; then # what the streams added to the heap, by class
	jmap -histo:live "$TALLY" > "$WORK/full.histo"
	awk 'NR == FNR { if ($1 ~ /:$/) idle[$4] = $3; next } $1 ~ /:$/ { printf "%12d %9d %s\n", $3 - idle[$4], $2, $4 }' \
		"$WORK/idle.histo" "$WORK/full.histo" | sort -rn | head -"$HISTO" || true
fi
for i in 1 2 3; do echo "   streams full: $(probe "probe $i")"; done
echo "   one more reader: $(curl -s -D - -o "$WORK/refused.json" -w '%{http_code}' --max-time 5 "$BASE/api/v1/elections/$ELECTION/events" | tr -d '\r' | grep -i '^retry-after' || true) $(cat "$WORK/refused.json")"

echo "== $IMPORTS imports to $READERS readers"
echo go >&3
wait $READER_PID || true
sed -n '/READY/,$p' "$WORK/readers.log" | tail -n +2
echo "== after: RSS $(rss); GC: $(grep -c 'Pause' "$WORK/gc.log") pauses, longest $(grep -o '[0-9.]*ms' "$WORK/gc.log" | sort -n | tail -1)"
