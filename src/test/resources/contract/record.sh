#!/usr/bin/env bash
# Records the real responses in this directory from a running Tally: the CA-34 demo, an
# election with nothing imported, and the CA-34 election-night file imported into a fresh,
# uncalled election. Run from the repository's root after `./mvnw -B package -DskipTests`:
#   src/test/resources/contract/record.sh
# It starts the jar on PORT (18190) with a database DB (tally_record, dropped and created),
# then stops it. The new token is replaced by a dummy of the same shape.
set -euo pipefail
PORT=${PORT:-18190}
DB=${DB:-tally_record}
PASSWORD=${PASSWORD:-record-password-1}
OUT=src/test/resources/contract
BASE="http://localhost:$PORT"
JAR=$(ls target/tally-*.jar | grep -v original | head -n 1)
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB" postgres
java -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
	--spring.datasource.url="jdbc:postgresql://localhost:5432/$DB" --tally.admin-password="$PASSWORD" \
	> "/tmp/tally-record-$PORT.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
	curl -sf "$BASE/api/v1/elections/2017-06-06-ca-34/revision" > /dev/null 2>&1 && break
	sleep 1
done
admin=(-u "admin:$PASSWORD")
json=(-H 'Content-Type: application/json')
curl -sf "${admin[@]}" "${json[@]}" "$BASE/api/v1/elections" -d '{"slug":"2026-11-03-empty","name":"Nothing imported yet",
	"date":"2026-11-03","kind":"general","jurisdiction":"California"}' > /dev/null
curl -sf "${admin[@]}" "${json[@]}" "$BASE/api/v1/elections" -d '{"slug":"2017-06-06-uncalled",
	"name":"CA-34 election night, uncalled","date":"2017-06-06","kind":"special-general","jurisdiction":"California"}' > /dev/null
curl -sf "${admin[@]}" -H 'Content-Type: text/csv' --data-binary @seeds/20170606__ca__special__general__election_night.csv \
	"$BASE/api/v1/elections/2017-06-06-uncalled/imports?mode=setup" > /dev/null
curl -sf "${admin[@]}" -H 'Content-Type: text/csv' --data-binary @seeds/20170606__ca__special__general__election_night.csv \
	"$BASE/api/v1/elections/2017-06-06-uncalled/imports?mode=setup&dryRun=true" > "$OUT/import-preview.json"
curl -sf "${admin[@]}" "${json[@]}" "$BASE/api/v1/tokens" -d '{"name":"recorded","username":"admin"}' \
	| sed -E 's/"token":"tally_[^"]*"/"token":"tally_RecordedTokenRecordedTokenRecordedToken0000"/' > "$OUT/token-created.json"
get() { curl -sf "$@"; }
get "$BASE/api/v1/elections" > "$OUT/elections.json"
get "$BASE/api/v1/elections/2017-06-06-ca-34" > "$OUT/election-ca34.json"
get "$BASE/api/v1/elections/2026-11-03-empty" > "$OUT/election-empty.json"
get "$BASE/api/v1/elections/2017-06-06-ca-34/contests/us-house-34" > "$OUT/contest-ca34.json"
get "$BASE/api/v1/elections/2017-06-06-ca-34/contests/us-house-34?level=precinct" > "$OUT/contest-ca34-precincts.json"
get "$BASE/api/v1/elections/2017-06-06-uncalled/contests/us-house-34" > "$OUT/contest-uncalled.json"
get "$BASE/api/v1/elections/2017-06-06-ca-34/contests/us-house-34/history" > "$OUT/history-ca34.json"
get "$BASE/api/v1/elections/2017-06-06-ca-34/revision" > "$OUT/revision-ca34.json"
get "${admin[@]}" "$BASE/api/v1/users" > "$OUT/users.json"
get "${admin[@]}" "$BASE/api/v1/tokens" > "$OUT/tokens.json"
get "$BASE/api/v1/elections/2017-06-06-uncalled/imports" > "$OUT/imports.json"
curl -s "$BASE/api/v1/elections/2017-06-06-ca-34/contests/nope" > "$OUT/problem-not-found.json"
echo "recorded $(ls "$OUT"/*.json | wc -l) files from $JAR"
