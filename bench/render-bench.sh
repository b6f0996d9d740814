#!/usr/bin/env bash
# Render time of an election page with 300 contests (issue 5: goal p50 < 50 ms).
#
# Needs a running Tally and an admin account, e.g.
#   java -jar target/tally-*.jar --server.port=18086 \
#        --spring.datasource.url=jdbc:postgresql://localhost:5432/tally_web --tally.admin-password=bench
#   TALLY_URL=http://localhost:18086 TALLY_ADMIN_PASSWORD=bench bench/render-bench.sh
#
# It creates an election with 300 contests (a generated CSV imported over HTTP in setup mode),
# warms up, then times REQUESTS sequential GETs of /elections/{e} with curl's time_total, and
# the same for the same contests' JSON (/api/v1/elections/{e}/contests). ELECTION=<slug> times
# an election that already exists instead (bench/statewide-bench.sh: the CA 2016 general).
# On a shared machine wall time follows the load; with TALLY_PID (the server's process id, same
# machine) it also reports the server's CPU time per request, which does not.
set -euo pipefail

URL="${TALLY_URL:-http://localhost:18086}"
AUTH="admin:${TALLY_ADMIN_PASSWORD:?set TALLY_ADMIN_PASSWORD}"
CONTESTS="${CONTESTS:-300}"
REQUESTS="${REQUESTS:-200}"
WARMUP="${WARMUP:-50}"
SLUG="${ELECTION:-bench-${CONTESTS}-$(date +%s)}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if [ -z "${ELECTION:-}" ]; then

curl -sf -u "$AUTH" -H 'Content-Type: application/json' -o /dev/null "$URL/api/v1/elections" -d @- <<JSON
{"slug":"$SLUG","name":"Render bench: $CONTESTS contests","date":"2026-11-03","kind":"general","jurisdiction":"California","test":true}
JSON

# 300 contests over a few offices, 2 to 6 candidates each, counted in 3 counties.
awk -v contests="$CONTESTS" 'BEGIN {
	srand(34);
	print "county,office,district,party,candidate,votes,precincts_reporting,precincts_total";
	split("State Assembly,State Senate,County Supervisor,City Council,School Board,Water District", offices, ",");
	split("DEM,REP,GRN,LIB,NPP,PF", parties, ",");
	split("Alameda,Los Angeles,Fresno", counties, ",");
	for (c = 1; c <= contests; c++) {
		office = offices[(c % 6) + 1];
		district = int(c / 6) + 1;
		n = 2 + (c % 5);
		for (k = 1; k <= 3; k++) {
			total = 50 + int(rand() * 400);
			reporting = int(rand() * total);
			for (i = 1; i <= n; i++) {
				printf "%s,%s,%d,%s,Candidate %d-%d,%d,%d,%d\n", counties[k], office, district, parties[i], c, i,
					int(rand() * 40000), reporting, total;
			}
		}
	}
}' > "$WORK/contests.csv"

curl -sf -u "$AUTH" -H 'Content-Type: text/csv' --data-binary @"$WORK/contests.csv" -o "$WORK/import.json" \
	"$URL/api/v1/elections/$SLUG/imports?mode=setup"
echo "imported $(wc -l < "$WORK/contests.csv") rows into $SLUG"
fi

PAGE="$URL/elections/$SLUG"
JSON="$URL/api/v1/elections/$SLUG/contests"
curl -sf -o "$WORK/page.html" "$PAGE"
echo "cards on page: $(grep -c '<article' "$WORK/page.html"), HTML bytes: $(wc -c < "$WORK/page.html")," \
	"gzip on the wire: $(curl -sf --compressed -o /dev/null -w '%{size_download}' "$PAGE")"

echo "contests JSON bytes: $(curl -sf "$JSON" | wc -c), gzip on the wire: $(curl -sf --compressed -o /dev/null -w '%{size_download}' "$JSON")"

for _ in $(seq "$WARMUP"); do curl -sf -o /dev/null "$PAGE"; curl -sf -o /dev/null "$JSON"; done
cpu() { if [ -n "${TALLY_PID:-}" ]; then awk '{ print $14 + $15 }' "/proc/$TALLY_PID/stat"; else echo 0; fi; }
before=$(cpu)
for _ in $(seq "$REQUESTS"); do curl -sf -o /dev/null -w '%{time_total}\n' "$PAGE"; done | sort -n > "$WORK/times"
after=$(cpu)

pick() { awk -v q="$1" '{ t[NR] = $1 } END { i = int(NR * q); if (i < 1) i = 1; printf "%.1f", t[i] * 1000 }' "$WORK/times"; }
echo "GET /elections/$SLUG x $REQUESTS: p50 $(pick 0.50) ms, p90 $(pick 0.90) ms, p99 $(pick 0.99) ms, max $(pick 1.0) ms"
if [ -n "${TALLY_PID:-}" ]; then
	echo "server CPU per request: $(awk -v t="$((after - before))" -v n="$REQUESTS" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t * 1000 / hz / n }') ms"
fi
for _ in $(seq "$REQUESTS"); do curl -sf -o /dev/null -w '%{time_total}\n' "$JSON"; done | sort -n > "$WORK/times"
echo "GET /api/v1/elections/$SLUG/contests x $REQUESTS: p50 $(pick 0.50) ms, p90 $(pick 0.90) ms, p99 $(pick 0.99) ms, max $(pick 1.0) ms"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
