#!/bin/sh
# Times the JSON readers (nist-cdf, ap-json) on large generated files and shows the heap
# they need. Not a test: timings do not belong in the build.
#   bench/json-parse-bench.sh [precincts] [contests] [max-heap]
# NIST: a state of 50 counties and <precincts> precincts (composed by their counties), each
# of <contests> contests with 5 candidates counted at the state, every county and every
# precinct, precincts split into 4 vote types besides the total. AP: 120 counties x 200 races.
# The small default heap shows that memory does not grow with the file.
set -e
cd "$(dirname "$0")/.."
precincts=${1:-1000}
contests=${2:-20}
heap=${3:-32m}
out=bench/out
mkdir -p "$out/classes"
python3 - "$out" "$precincts" "$contests" <<'PY'
import sys, json
out, precincts, contests = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
counties = 50
with open(f"{out}/nist-large.json", "w") as f:
    w = f.write
    w('{"@type":"ElectionResults.ElectionReport","Format":"precinct-level","GeneratedDate":"2024-11-06T08:00:00Z",'
      '"Issuer":"bench","IssuerAbbreviation":"B","SequenceStart":1,"SequenceEnd":1,"Status":"unofficial-partial",'
      '"VendorApplicationId":"bench","IsTest":false,"Election":[{"@type":"ElectionResults.Election","ElectionScopeId":"st",'
      '"Name":"Bench","StartDate":"2024-11-05","EndDate":"2024-11-05","Type":"general","Candidate":[')
    w(",".join(json.dumps({"@type":"ElectionResults.Candidate","@id":f"c{k}-{j}","BallotName":f"Candidate {k}-{j}"}) for k in range(contests) for j in range(5)))
    w('],"Contest":[')
    for k in range(contests):
        if k: w(",")
        w(json.dumps({"@type":"ElectionResults.CandidateContest","@id":f"k{k}","Name":f"Contest {k}","ElectionDistrictId":"st","VotesAllowed":1})[:-1])
        w(',"ContestSelection":[')
        for j in range(5):
            if j: w(",")
            w(f'{{"@type":"ElectionResults.CandidateSelection","@id":"s{k}-{j}","CandidateIds":["c{k}-{j}"],"VoteCounts":[')
            parts = []
            for p in range(precincts):
                base = (p * 7 + j * 13 + k) % 97
                for t, c in (("election-day", base), ("absentee-mail", base + 1), ("early", base + 2), ("provisional", 1)):
                    parts.append(f'{{"@type":"ElectionResults.VoteCounts","GpUnitId":"p{p}","Type":"{t}","Count":{c}}}')
                parts.append(f'{{"@type":"ElectionResults.VoteCounts","GpUnitId":"p{p}","Type":"total","Count":{4 * base + 4}}}')
            for c in range(counties):
                parts.append(f'{{"@type":"ElectionResults.VoteCounts","GpUnitId":"co{c}","Type":"total","Count":0}}')
            parts.append('{"@type":"ElectionResults.VoteCounts","GpUnitId":"st","Type":"total","Count":0}')
            w(",".join(parts))
            w("]}")
        w("]}")
    w(']}],"GpUnit":[')
    units = [{"@type":"ElectionResults.ReportingUnit","@id":"st","Type":"state","Name":"Bench State","ComposingGpUnitIds":[f"co{c}" for c in range(counties)]}]
    for c in range(counties):
        units.append({"@type":"ElectionResults.ReportingUnit","@id":f"co{c}","Type":"county","Name":f"County {c}",
                      "ComposingGpUnitIds":[f"p{p}" for p in range(precincts) if p % counties == c]})
    for p in range(precincts):
        units.append({"@type":"ElectionResults.ReportingUnit","@id":f"p{p}","Type":"precinct","Name":f"P{p:05d}"})
    w(",".join(json.dumps(u) for u in units))
    w("]}")
with open(f"{out}/ap-large.json", "w") as f:
    w = f.write
    w('{"electionDate":"2024-11-05","timestamp":"2024-11-06T08:00:00Z","races":[')
    for r in range(200):
        if r: w(",")
        w(f'{{"test":false,"raceID":"{r}","raceType":"General","officeID":"Z","officeName":"State Senate","seatName":"District {r}","seatNum":"{r}","reportingUnits":[')
        units = ['{"statePostal":"KY","level":"state","precinctsReporting":10,"precinctsTotal":10,"candidates":[' + ",".join(f'{{"first":"A","last":"C{r}-{j}","party":"Dem","voteCount":0}}' for j in range(4)) + "]}"]
        for c in range(120):
            units.append(f'{{"statePostal":"KY","reportingunitName":"County {c}","level":"subunit","lastUpdated":"2024-11-06T07:00:00Z","precinctsReporting":3,"precinctsTotal":4,"candidates":[' + ",".join(f'{{"first":"A","last":"C{r}-{j}","party":"Dem","voteCount":{(c * 31 + j) % 1000}}}' for j in range(4)) + "]}")
        w(",".join(units))
        w("]}")
    w("]}")
PY
ls -l "$out/nist-large.json" "$out/ap-large.json"
./mvnw -o -q -Dspring-javaformat.skip=true compile
cp=target/classes:$(ls ~/.m2/repository/tools/jackson/core/jackson-core/*/jackson-core-*.jar | grep -v sources | tail -1)
cp=$cp:$(ls ~/.m2/repository/tools/jackson/core/jackson-databind/*/jackson-databind-*.jar | grep -v sources | tail -1)
cp=$cp:$(ls ~/.m2/repository/com/fasterxml/jackson/core/jackson-annotations/*/jackson-annotations-*.jar | grep -v sources | tail -1)
javac -d "$out/classes" -cp "$cp" bench/JsonParseBench.java
for file in "$out/nist-large.json" "$out/ap-large.json"; do
	echo "$file, -Xmx$heap, one JVM, 1 warm-up pass then 3 measured:"
	java -Xmx"$heap" -cp "$cp:$out/classes" JsonParseBench "$file" 1 3
done
