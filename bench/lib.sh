# Shared by the import benchmarks (source it): start Tally from the jar against a fresh
# database and get an API token. Expects JAR, PORT, DB, HEAP, PASSWORD, WORK and BASE set.

# tally_jar: prints the built jar (JAR when set), packaging it first when there is none.
tally_jar() {
	local jar=${JAR:-}
	[ -n "$jar" ] || jar=$(ls target/tally-*.jar 2>/dev/null | grep -v plain | head -1 || true)
	if [ -z "$jar" ]; then
		./mvnw -o -q -B package -DskipTests >&2
		jar=$(ls target/tally-*.jar | grep -v plain | head -1)
	fi
	echo "$jar"
}

# ca_counties: prints the directory of California's 2016 county files (DATA when set).
ca_counties() {
	local data=${DATA:-../shared/data/openelections-ca/2016/counties}
	[ -d "$data" ] || data=/work/shared/data/openelections-ca/2016/counties
	echo "$data"
}

# start_tally [seconds to wait, 120] [extra JVM options...]: drops and creates $DB, starts
# the jar (serial GC unless GC says otherwise, its log in $WORK/gc.log), stops it (and removes $WORK) on exit.
start_tally() {
	local wait=${1:-120}
	shift || true
	psql -q -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
	java $HEAP ${GC:--XX:+UseSerialGC} -Xlog:gc:file="$WORK/gc.log" "$@" -jar "$JAR" --server.port="$PORT" \
		--spring.datasource.url="jdbc:postgresql://localhost:5432/$DB" --tally.admin-password="$PASSWORD" \
		> "$WORK/tally.log" 2>&1 &
	TALLY=$!
	trap 'kill $TALLY 2>/dev/null || true; wait $TALLY 2>/dev/null || true; rm -rf "$WORK"' EXIT
	for _ in $(seq 1 "$wait"); do
		curl -sf "$BASE/actuator/health" > /dev/null && break
		sleep 1
	done
	curl -sf "$BASE/actuator/health" > /dev/null || { echo "Tally did not start:"; tail -40 "$WORK/tally.log"; exit 1; }
}

# api_token NAME: prints a new API token for admin. Uploads authenticate as a desk's
# uploader would: with a token (SHA-256, checked in microseconds), not Basic (bcrypt on
# every request, ~0.1 s of each import).
api_token() {
	local token
	token=$(curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$BASE/api/v1/tokens" \
		-d "{\"name\":\"$1\",\"username\":\"admin\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
	[ -n "$token" ] || { echo "could not create an API token" >&2; exit 1; }
	echo "$token"
}
