#!/usr/bin/env bash
# One county's file into a statewide election against the same file into an election that
# holds nothing else (issue 27, item 1: an import's database work follows the file, not the
# election). Both elections and psql \copy of the file are measured in the same run, so the
# ratios hold on a busy machine.
#
#   ./mvnw -o package -DskipTests && bench/county-bench.sh
#
# The statewide election first takes the other 56 county files of the 2016 California
# general (790,283 rows in all); then, in each election: the county's file (its first file
# of the night: its own contests are fresh, the statewide ones are merged), then REPEAT
# updates of it (every count +1, +2, ...: every count changes, a new revision each). The
# server logs each import's phases (ImportService, DEBUG) and each seal (RevisionChain);
# the bench prints them beside the HTTP times.
#
# Settings (environment): COUNTY (yolo), REPEAT (3), PORT (18083), DB (tally_county_bench),
# HEAP (-Xmx512m), DATA (the counties dir), JAR (target/tally-*.jar).
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh
COUNTY=${COUNTY:-yolo}
REPEAT=${REPEAT:-3}
PORT=${PORT:-18083}
DB=${DB:-tally_county_bench}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres}
HEAP=${HEAP:--Xmx512m}
DATA=$(ca_counties)
PASSWORD=bench-$RANDOM$RANDOM
WORK=$(mktemp -d)
BASE="http://localhost:$PORT"
JAR=$(tally_jar)
FILE="$DATA/20161108__ca__general__${COUNTY}__precinct.csv"
[ -f "$FILE" ] || { echo "no file $FILE"; exit 1; }

now() { date +%s.%N; }
ms() { echo "($2 - $1) * 1000 / 1" | bc; }

# the county's file with every count raised by $1 (CRLF normalised)
variant() {
	awk -v add="$1" 'NR == 1 { sub(/\r$/, ""); print; next }
		{ sub(/\r$/, ""); if (match($0, /[0-9]+$/)) { $0 = substr($0, 1, RSTART - 1) (substr($0, RSTART) + add) } print }' \
		"$FILE" > "$WORK/$COUNTY-$1.csv"
}
for k in $(seq 0 "$REPEAT"); do variant "$k"; done
ROWS=$(($(wc -l < "$WORK/$COUNTY-0.csv") - 1))

start_tally 400 -Dlogging.level.org.tally.ingest.ImportService=debug -Dlogging.level.org.tally.results.RevisionChain=debug
TOKEN=$(api_token "county bench")
election() {
	curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$BASE/api/v1/elections" -o /dev/null \
		-d "{\"slug\":\"$1\",\"name\":\"California general 2016 ($1)\",\"date\":\"2016-11-08\",\"kind\":\"general\",\"jurisdiction\":\"California\",\"test\":true}"
}
import() { # election file -> HTTP status
	curl -s -o "$WORK/answer.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
		--data-binary "@$2" "$BASE/api/v1/elections/$1/imports?mode=setup&fileName=$(basename "$2")"
}
timed() { # label election file: prints "label ms" and the server's phases of that import
	local start status
	start=$(now)
	status=$(import "$2" "$3")
	[ "$status" = 201 ] || { echo "$1: HTTP $status $(head -c 500 "$WORK/answer.json")"; exit 1; }
	echo "$1 $(ms "$start" "$(now)") ms (load $(cut -d' ' -f1 /proc/loadavg))"
	sleep 0.2
	grep "Import into $2 " "$WORK/tally.log" | tail -1 | sed -E 's/.*\): /    server: /'
	grep "Sealed revision" "$WORK/tally.log" | grep " of $2 in" | tail -1 | sed -E 's/.*Sealed/    sealed/'
}

election warm-up
for f in alpine sierra modoc; do import warm-up "$DATA/20161108__ca__general__${f}__precinct.csv" > /dev/null; done

election statewide
start=$(now)
for f in "$DATA"/*.csv; do
	[ "$f" = "$FILE" ] && continue
	status=$(import statewide "$f")
	[ "$status" = 201 ] || { echo "$(basename "$f"): HTTP $status $(head -c 500 "$WORK/answer.json")"; exit 1; }
done
echo "statewide election: the other 56 county files in $(ms "$start" "$(now)") ms;" \
	"$(psql -tA -d "$DB" -c "select count(*) from vote_count") counts, $(psql -tA -d "$DB" -c "select count(*) from reporting_unit") units in the database"
election alone

echo
echo "== $COUNTY: $ROWS rows, first file and $REPEAT updates (every count changes) =="
timed "alone     first " alone "$WORK/$COUNTY-0.csv"
timed "statewide first " statewide "$WORK/$COUNTY-0.csv"
for k in $(seq 1 "$REPEAT"); do
	timed "alone     update$k" alone "$WORK/$COUNTY-$k.csv"
	timed "statewide update$k" statewide "$WORK/$COUNTY-$k.csv"
done | tee "$WORK/updates.txt"

psql -q -d "$DB" -c "create table bench_copy (county text, precinct text, office text, district text, party text, candidate text, votes bigint)"
start=$(now)
psql -q -d "$DB" -c "\\copy bench_copy from '$WORK/$COUNTY-0.csv' with (format csv, header true)"
copy_ms=$(ms "$start" "$(now)")
echo "psql \\copy of the same $ROWS rows into a plain table: $copy_ms ms"
awk -v copy="$copy_ms" '/ update[0-9]+ / { if ($1 == "alone") a[++n] = $3; else s[++m] = $3 }
	END { asort(a); asort(s); ma = a[int((n + 1) / 2)]; msw = s[int((m + 1) / 2)];
	      printf "county-bench: update median, statewide %d ms / alone %d ms = %.2fx; statewide / \\copy = %.1fx\n", msw, ma, msw / ma, msw / (copy > 0 ? copy : 1) }' \
	"$WORK/updates.txt"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
