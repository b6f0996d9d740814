#!/usr/bin/env bash
# Saves an election's record from a running Tally's public endpoints, for a replay
# (docs/verify.md, "Replay"):
#   deploy/export-record.sh https://results.example.org 2017-06-06-ca-34 /tmp/ca-34
#   java -jar target/tally-*.jar replay --from /tmp/ca-34
set -euo pipefail
if [ $# -ne 3 ]; then
	echo "usage: $0 <base-url> <election> <dir>" >&2
	exit 2
fi
jar=$(ls "$(dirname "$0")"/../target/tally-*.jar 2>/dev/null | grep -v original | head -1)
if [ -z "$jar" ]; then
	echo "build the jar first: ./mvnw -B package -DskipTests" >&2
	exit 2
fi
exec java -jar "$jar" export --url "$1" --election "$2" --to "$3"
