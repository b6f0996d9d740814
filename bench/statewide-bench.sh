#!/usr/bin/env bash
# A statewide election on election night (issue 15): the 57 county files of the 2016
# California general imported one after another (setup mode) into a fresh election, with a
# reader after each file; then what readers get at the end.
#
#   ./mvnw package -DskipTests && bench/statewide-bench.sh
#
# Per file it prints the import's time, the first election page and contests JSON after it
# (the reads that rebuild the results of the new revision) and the live heap after a full GC.
# Then the president contest page (HTML bytes), a county's precinct page, the feed's
# precinct JSON (plain and gzip) and bench/render-bench.sh on the statewide election.
#
# Settings (environment): PORT (18210), DB (tally_i15_statewide), HEAP (-Xmx512m), DATA (the
# counties dir), JAR (target/tally-*.jar), RENDER=0 skips the render benchmark.
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh
PORT=${PORT:-18210}
DB=${DB:-tally_i15_statewide}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres}
HEAP=${HEAP:--Xmx512m}
DATA=$(ca_counties)
PASSWORD=bench-$RANDOM$RANDOM
WORK=$(mktemp -d)
BASE="http://localhost:$PORT"
SLUG=ca-2016-general
JAR=$(tally_jar)

now() { date +%s.%N; }
ms() { echo "($2 - $1) * 1000 / 1" | bc; }

start_tally 400
TOKEN=$(api_token "statewide bench")
curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$BASE/api/v1/elections" -o /dev/null \
	-d "{\"slug\":\"$SLUG\",\"name\":\"California general 2016\",\"date\":\"2016-11-08\",\"kind\":\"general\",\"jurisdiction\":\"California\",\"test\":true}"

# live heap in MB after a full collection (serial GC: survivor, eden and old generation in use)
heap() {
	jcmd "$TALLY" GC.run > /dev/null
	jstat -gc "$TALLY" | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }'
}

cpu() { awk '{ print $14 + $15 }' "/proc/$TALLY/stat"; }
HZ=$(getconf CLK_TCK)
echo "file,import_ms,page_ms,json_ms,server_cpu_ms,heap_mb"
total=0
for f in "$DATA"/*.csv; do
	cpu_before=$(cpu)
	start=$(now)
	status=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
		--data-binary "@$f" "$BASE/api/v1/elections/$SLUG/imports?mode=setup&fileName=$(basename "$f")")
	imported=$(now)
	[ "$status" = 201 ] || { echo "$(basename "$f"): HTTP $status $(head -c 500 "$WORK/answer.json")"; exit 1; }
	curl -sf -o /dev/null "$BASE/elections/$SLUG"
	paged=$(now)
	curl -sf -o /dev/null "$BASE/api/v1/elections/$SLUG/contests"
	read=$(now)
	cpu_ms=$(( ($(cpu) - cpu_before) * 1000 / HZ ))
	county=$(basename "$f" | sed -E 's/20161108__ca__general__(.*)__precinct.csv/\1/')
	echo "$county,$(ms "$start" "$imported"),$(ms "$imported" "$paged"),$(ms "$paged" "$read"),$cpu_ms,$(heap)"
done | tee "$WORK/night.csv"
awk -F, 'NR > 1 { n++; i += $2; p += $3; j += $4; c += $5; if ($6 > h) h = $6 } END {
	printf "57 files: import %.0f ms a file on average (%.1f s in all), first page after it %.0f ms, first JSON %.0f ms, server CPU %.0f ms a file; largest live heap %d MB\n", i / n, i / 1000, p / n, j / n, c / n, h }' \
	"$WORK/night.csv"
awk -F, 'NR > 1 && NR <= 11 { a += $2; n++ } NR > 48 { b += $2; m++ } END {
	printf "import time, first 10 files %.0f ms each, last 9 files %.0f ms each\n", a / n, b / m }' "$WORK/night.csv"

PRESIDENT=$(curl -sf "$BASE/api/v1/elections/$SLUG/contests" | grep -oE '"slug":"president[^"]*"' | head -1 | cut -d'"' -f4)
echo
echo "president contest ($PRESIDENT):"
echo "  page HTML bytes: $(curl -sf "$BASE/elections/$SLUG/contests/$PRESIDENT" | wc -c)," \
	"gzip on the wire: $(curl -sf --compressed -o /dev/null -w '%{size_download}' "$BASE/elections/$SLUG/contests/$PRESIDENT")"
echo "  Los Angeles precincts page bytes: $(curl -s "$BASE/elections/$SLUG/contests/$PRESIDENT/counties/los-angeles" | wc -c)," \
	"Alpine: $(curl -s "$BASE/elections/$SLUG/contests/$PRESIDENT/counties/alpine" | wc -c)"
echo "  feed ?level=precinct bytes: $(curl -sf "$BASE/api/v1/elections/$SLUG/contests/$PRESIDENT?level=precinct" | wc -c)," \
	"gzip on the wire: $(curl -sf --compressed -o /dev/null -w '%{size_download}' "$BASE/api/v1/elections/$SLUG/contests/$PRESIDENT?level=precinct")"
echo "  contests JSON gzip on the wire: $(curl -sf --compressed -o /dev/null -w '%{size_download}' "$BASE/api/v1/elections/$SLUG/contests")" \
	"Content-Encoding: $(curl -sf -D - -o /dev/null -H 'Accept-Encoding: gzip' "$BASE/api/v1/elections/$SLUG/contests" | grep -i '^content-encoding' | tr -d '\r' || true)"
for _ in 1 2 3 4 5; do curl -sf -o /dev/null "$BASE/elections/$SLUG/contests/$PRESIDENT"; done
for _ in $(seq 50); do curl -sf -o /dev/null -w '%{time_total}\n' "$BASE/elections/$SLUG/contests/$PRESIDENT"; done | sort -n |
	awk '{ t[NR] = $1 } END { printf "  president page x 50: p50 %.1f ms, p90 %.1f ms\n", t[int(NR / 2)] * 1000, t[int(NR * 0.9)] * 1000 }'

if [ "${RENDER:-1}" != 0 ]; then
	echo
	ELECTION=$SLUG TALLY_URL=$BASE TALLY_ADMIN_PASSWORD=$PASSWORD TALLY_PID=$TALLY bench/render-bench.sh
fi
