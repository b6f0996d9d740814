#!/usr/bin/env bash
# Times Tally's HTTP import of a large generated precinct-level Clarity detail.xml
# (default 40 contests x 5 choices x 2,600 precincts x 2 vote types: 520,000 precinct
# counts, 1,560,000 count rows with the totals) beside the same counts as one
# OpenElections CSV, in fresh elections, with the heap capped: memory must stay flat.
#
#   bench/detail-bench.sh            # builds the jar when missing
#
# It reports each import's wall time and the largest heap left after a GC during it, and
# the detail.xml's figures as ratios to the CSV's, measured in the same run (the machine
# may be shared: the load average is printed beside them).
#
# Settings (environment): PORT (18241), DB (tally_i11csv_bench), PGHOST (localhost),
# PGUSER (postgres), HEAP (-Xmx256m), CONTESTS (40), CHOICES (5), PRECINCTS (2600),
# JAR (target/tally-*.jar).
set -euo pipefail

cd "$(dirname "$0")/.."
. bench/lib.sh
PORT=${PORT:-18241}
DB=${DB:-tally_i11csv_bench}
export PGHOST=${PGHOST:-localhost} PGUSER=${PGUSER:-postgres}
HEAP=${HEAP:--Xmx256m}
CONTESTS=${CONTESTS:-40}
CHOICES=${CHOICES:-5}
PRECINCTS=${PRECINCTS:-2600}
PASSWORD=bench-$RANDOM$RANDOM
WORK=$(mktemp -d)
BASE="http://localhost:$PORT"

JAR=$(tally_jar)

now() { date +%s.%N; }
seconds() { echo "$2 - $1" | bc; }

# The detail.xml of a county site (VoterTurnout/Precincts layout) and the same counts as CSV.
python3 - "$WORK" "$CONTESTS" "$CHOICES" "$PRECINCTS" <<'PY'
import sys
work, contests, choices, precincts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
names = [f"Precinct {p:05d}" for p in range(precincts)]
with open(f"{work}/detail.xml", "w") as x, open(f"{work}/detail.csv", "w") as c:
    x.write('<?xml version="1.0"?>\n<ElectionResult>\n<Timestamp>11/8/2022 11:45:00 PM EST</Timestamp>\n')
    x.write(f'<VoterTurnout totalVoters="{precincts * 1000}" ballotsCast="{precincts * 600}" voterTurnout="60.00">\n<Precincts>\n')
    for n in names:
        x.write(f'<Precinct name="{n}" totalVoters="1000" ballotsCast="600" voterTurnout="60.00" percentReporting="4" />\n')
    x.write('</Precincts>\n</VoterTurnout>\n')
    c.write("county,precinct,office,district,party,candidate,votes,election_day,mail\n")
    for k in range(contests):
        x.write(f'<Contest key="{k}" text="Contest {k} (Vote For 1)" voteFor="1" isQuestion="false" precinctsReporting="{precincts}" precinctsReported="{precincts}">\n')
        for ch in range(choices):
            x.write(f'<Choice key="{ch}" text="- Candidate {k}-{ch} (DEM)" totalVotes="0">\n')
            for t, name in enumerate(("Election Day", "Absentee by Mail")):
                x.write(f'<VoteType name="{name}" votes="0">\n')
                for p, n in enumerate(names):
                    x.write(f'<Precinct name="{n}" votes="{(p * 7 + k * 3 + ch + t) % 250}" />\n')
                x.write('</VoteType>\n')
            x.write('</Choice>\n')
            for p, n in enumerate(names):
                eday, mail = (p * 7 + k * 3 + ch) % 250, (p * 7 + k * 3 + ch + 1) % 250
                c.write(f"Bench,{n},Contest {k},,DEM,Candidate {k}-{ch},{eday + mail},{eday},{mail}\n")
        x.write('</Contest>\n')
    x.write('</ElectionResult>\n')
PY
COUNTS=$((CONTESTS * CHOICES * PRECINCTS * 2))
echo "detail.xml: $(du -h "$WORK/detail.xml" | cut -f1), $COUNTS precinct counts by vote type; detail.csv: $(du -h "$WORK/detail.csv" | cut -f1)"

start_tally 180
TOKEN=$(api_token "detail bench")

election() {
	curl -sf -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$BASE/api/v1/elections" \
		-d "{\"slug\":\"$1\",\"name\":\"Bench ($1)\",\"date\":\"2022-11-08\",\"kind\":\"general\",\"jurisdiction\":\"Bench\",\"test\":true}" > /dev/null
}

import() { # election file content-type -> prints the HTTP status
	curl -s -o "$WORK/answer.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H "Content-Type: $3" \
		--data-binary "@$2" "$BASE/api/v1/elections/$1/imports?mode=setup&county=Bench&fileName=$(basename "$2")"
}

# The largest heap after a GC in the log's lines after line $1 (0: the whole log).
gc_max() { tail -n +"$(($1 + 1))" "$WORK/gc.log" | grep -oE '[0-9]+M->[0-9]+M' | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1; }

# Warm-up on a small cut of each format.
head -c 200000 "$WORK/detail.csv" | sed '$d' > "$WORK/warm.csv"
election warm-up
import warm-up "$WORK/warm.csv" text/csv > /dev/null

declare -A TOOK HEAP_MB
for run in xml csv; do
	election "bench-$run"
	if [ "$run" = xml ]; then file="$WORK/detail.xml"; type=application/xml; else file="$WORK/detail.csv"; type=text/csv; fi
	mark=$(wc -l < "$WORK/gc.log")
	echo "load before $run: $(uptime | sed -E 's/.*load average: //')"
	start=$(now)
	status=$(import "bench-$run" "$file" "$type")
	took=$(seconds "$start" "$(now)")
	heap=$(gc_max "$mark")
	TOOK[$run]=$took
	HEAP_MB[$run]=${heap:-0}
	echo "$run: HTTP $status in ${took}s, largest heap after a GC during the import: ${heap:-?}M: $(head -c 200 "$WORK/answer.json")"
	[ "$status" = 201 ] || exit 1
done
echo "detail.xml / CSV: time $(echo "scale=2; ${TOOK[xml]} / ${TOOK[csv]}" | bc)x, heap $(echo "scale=2; ${HEAP_MB[xml]} / ${HEAP_MB[csv]}" | bc)x (same run, load average $(uptime | sed -E 's/.*load average: //'))"

echo "counts equal in both elections: $(psql -tA -d "$DB" -c "
	select count(*) = 0 from (
	  (select c.slug, ch.name, u.code, v.vote_type, v.votes from vote_count v join contest c on c.id = v.contest_id
	     join choice ch on ch.id = v.choice_id join reporting_unit u on u.id = v.unit_id
	     join election e on e.id = c.election_id where e.slug = 'bench-xml'
	   except
	   select c.slug, ch.name, u.code, v.vote_type, v.votes from vote_count v join contest c on c.id = v.contest_id
	     join choice ch on ch.id = v.choice_id join reporting_unit u on u.id = v.unit_id
	     join election e on e.id = c.election_id where e.slug = 'bench-csv')) d")"
echo "heap cap: $HEAP; largest heap after a GC over the whole run (start-up included): $(gc_max 0)M"
