#!/usr/bin/env bash
# The replay of a statewide election (issue 25, docs/verify.md "Replay"): the 57 county files
# of the 2016 California general imported into a fresh election (setup mode, one revision
# each), a call, a status change; the record exported from the public endpoints
# (deploy/export-record.sh); then `java -jar tally.jar replay --from <dir>` rebuilds it in a
# fresh database and checks every revision's digest and the final results.csv and cdf.json
# byte for byte. Prints the times of each step and the replay's verdict (exit status 0: all
# equal).
#
#   ./mvnw package -DskipTests && bench/statewide-replay.sh
#
# Settings (environment): PORT (18220), DB (tally_statewide_replay), HEAP (-Xmx1g), DATA (the
# counties dir), JAR (target/tally-*.jar).
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh
PORT=${PORT:-18220}
DB=${DB:-tally_statewide_replay}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres}
HEAP=${HEAP:--Xmx1g}
DATA=$(ca_counties)
PASSWORD=bench-$RANDOM$RANDOM
WORK=$(mktemp -d)
BASE="http://localhost:$PORT"
SLUG=ca-2016-general
JAR=$(tally_jar)
now() { date +%s; }

start_tally 600
TOKEN=$(api_token "statewide replay")
curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$BASE/api/v1/elections" -o /dev/null \
	-d "{\"slug\":\"$SLUG\",\"name\":\"California general 2016\",\"date\":\"2016-11-08\",\"kind\":\"general\",\"jurisdiction\":\"California\"}"
start=$(now)
files=0
for f in "$DATA"/*.csv; do
	status=$(curl -s -o "$WORK/answer.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
		--data-binary "@$f" "$BASE/api/v1/elections/$SLUG/imports?mode=setup&fileName=$(basename "$f")")
	[ "$status" = 201 ] || { echo "$(basename "$f"): HTTP $status $(head -c 500 "$WORK/answer.json")"; exit 1; }
	files=$((files + 1))
done
PRESIDENT=$(curl -sf "$BASE/api/v1/elections/$SLUG/contests" | grep -oE '"slug":"president[^"]*"' | head -1 | cut -d'"' -f4)
curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' -o /dev/null \
	"$BASE/api/v1/elections/$SLUG/contests/$PRESIDENT/call" \
	-d '{"status":"called","winners":["Hillary Clinton"],"note":"statewide replay bench"}' || echo "(call refused: replaying imports only)"
curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' -o /dev/null -X PUT \
	"$BASE/api/v1/elections/$SLUG/status" -d '{"status":"certified"}' || echo "(status change refused)"
imported=$(now)
revisions=$(curl -sf "$BASE/api/v1/elections/$SLUG/revision" | sed -E 's/.*"revision":([0-9]+).*/\1/')
echo "$files files imported, $revisions revisions, in $((imported - start)) s"
java -jar "$JAR" export --url "$BASE" --election "$SLUG" --to "$WORK/record" > "$WORK/export.log" 2>&1 \
	|| { cat "$WORK/export.log"; exit 1; }
exported=$(now)
echo "record exported in $((exported - imported)) s: $(du -sh "$WORK/record" | cut -f1), $(ls "$WORK/record/sources" | wc -l) source files"
set +e
java $HEAP -jar "$JAR" replay --from "$WORK/record" \
	--database-url "jdbc:postgresql://localhost:5432/postgres" > "$WORK/replay.log" 2>&1
verdict=$?
set -e
replayed=$(now)
grep -vE '^\s|^$| (INFO|WARN|DEBUG) ' "$WORK/replay.log" | tail -15
echo "replay exit status $verdict in $((replayed - exported)) s"
exit $verdict
