#!/usr/bin/env bash
# Times Tally's HTTP import of the 2016 California general (57 county precinct files,
# 790,283 rows, one header) against psql \copy of the same rows into a plain table, then
# the election-night pattern: the 57 files one after another into a fresh election.
#
#   bench/import-bench.sh            # builds the jar when missing
#
# Settings (environment): PORT (18083), DB (tally_ingest), START_WAIT (120 s), PGHOST (localhost), PGUSER
# (postgres), HEAP (-Xmx256m: memory must not grow with the file), DATA (the counties dir),
# JAR (target/tally-*.jar), SETTLE (20 s before the final full GC), KEEP_GC_LOG (a path to copy the GC log to).
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh
PORT=${PORT:-18083}
DB=${DB:-tally_ingest}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres}
HEAP=${HEAP:--Xmx256m}
DATA=$(ca_counties)
PASSWORD=bench-$RANDOM$RANDOM
WORK=$(mktemp -d)
BASE="http://localhost:$PORT"

JAR=$(tally_jar)

now() { date +%s.%N; }
seconds() { echo "$2 - $1" | bc; }

# One file of all rows: the first header only; CRLF and missing final newlines normalised.
ALL=$WORK/20161108__ca__general__all_counties.csv
awk 'FNR == 1 && NR != 1 { next } { sub(/\r$/, ""); print }' "$DATA"/*.csv > "$ALL"
ROWS=$(($(wc -l < "$ALL") - 1))
echo "file: $ALL, $ROWS rows, $(du -h "$ALL" | cut -f1)"

start_tally "${START_WAIT:-120}"
TOKEN=$(api_token "import bench")

election() {
	curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$BASE/api/v1/elections" \
		-d "{\"slug\":\"$1\",\"name\":\"California general 2016 ($1)\",\"date\":\"2016-11-08\",\"kind\":\"general\",\"jurisdiction\":\"California\",\"test\":true}" > /dev/null
}

import() { # election file -> prints the HTTP status and the outcome
	curl -s -o "$WORK/answer.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
		--data-binary "@$2" "$BASE/api/v1/elections/$1/imports?mode=setup&fileName=$(basename "$2")"
}

# Warm-up: the JIT and the connection pool, on a small county into a throwaway election.
election warm-up
import warm-up "$DATA/20161108__ca__general__alpine__precinct.csv" > /dev/null

echo
echo "== one file, $ROWS rows =="
election ca-2016-all
start=$(now)
status=$(import ca-2016-all "$ALL")
import_s=$(seconds "$start" "$(now)")
echo "import: HTTP $status in ${import_s}s: $(head -c 300 "$WORK/answer.json")"
[ "$status" = 201 ] || exit 1

psql -q -d "$DB" -c "drop table if exists bench_copy" \
	-c "create table bench_copy (county text, precinct text, office text, district text, party text, candidate text, votes bigint)"
start=$(now)
psql -q -d "$DB" -c "\\copy bench_copy from '$ALL' with (format csv, header true)"
copy_s=$(seconds "$start" "$(now)")
echo "psql \\copy: ${copy_s}s ($(psql -tA -d "$DB" -c 'select count(*) from bench_copy') rows)"
echo "ratio import / \\copy: $(echo "scale=2; $import_s / $copy_s" | bc)"

echo
echo "== election night: the 57 files one after another (setup mode, fresh election) =="
election ca-2016-night
start=$(now)
for f in "$DATA"/*.csv; do
	status=$(import ca-2016-night "$f")
	[ "$status" = 201 ] || { echo "$(basename "$f"): HTTP $status $(head -c 500 "$WORK/answer.json")"; exit 1; }
done
night_s=$(seconds "$start" "$(now)")
echo "57 imports: ${night_s}s ($(echo "scale=3; $night_s / 57" | bc)s each on average)"
echo "ratio 57 imports / \\copy of all rows: $(echo "scale=2; $night_s / $copy_s" | bc)"
echo "revision after the sequence: $(psql -tA -d "$DB" -c "select revision from election where slug = 'ca-2016-night'")"
echo "counts equal to the one-file import: $(psql -tA -d "$DB" -c "
	select count(*) = 0 from (
	  (select c.slug, ch.name, u.code, v.votes from vote_count v join contest c on c.id = v.contest_id
	     join choice ch on ch.id = v.choice_id join reporting_unit u on u.id = v.unit_id
	     join election e on e.id = c.election_id where e.slug = 'ca-2016-all'
	   except
	   select c.slug, ch.name, u.code, v.votes from vote_count v join contest c on c.id = v.contest_id
	     join choice ch on ch.id = v.choice_id join reporting_unit u on u.id = v.unit_id
	     join election e on e.id = c.election_id where e.slug = 'ca-2016-night')) d")"

# what the heap holds once the read model has taken both elections in (a full GC asked
# for after a pause, docs/import.md "Benchmark": the read model is filled in the background)
sleep "${SETTLE:-20}"
jcmd "$TALLY" GC.run > /dev/null 2>&1 || true
sleep 1
after() { grep -E "$1" "$WORK/gc.log" | grep -oE '[0-9]+M->[0-9]+M' | sed -E 's/.*->([0-9]+)M/\1/'; }

echo
echo "heap: $HEAP; largest heap after GC: $(after 'Pause' | sort -n | tail -1)M (after a full GC: $(after 'Pause Full' | sort -n | tail -1)M); held at the end (full GC): $(after 'Pause Full' | tail -1)M"
[ -z "${KEEP_GC_LOG:-}" ] || cp "$WORK/gc.log" "$KEEP_GC_LOG"
rm -rf "$WORK"
