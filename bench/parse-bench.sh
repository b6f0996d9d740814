#!/bin/sh
# Times ResultsFileReader on the 2016 California precinct files (790,283 data rows, 34 MB),
# joined under one header as a single upload. Not a test: timings do not belong in the build.
#   bench/parse-bench.sh [data-dir] [max-heap]
# The small default heap shows that memory does not grow with the file.
set -e
cd "$(dirname "$0")/.."
data=${1:-/work/shared/data/openelections-ca/2016/counties}
heap=${2:-16m}
out=bench/out
mkdir -p "$out/classes"
file=$out/ca-2016-precincts.csv
first=$(ls "$data"/*.csv | head -1)
# One echo after each file: Plumas has no final newline, and a blank line is skipped.
{ head -1 "$first"; for f in "$data"/*.csv; do tail -n +2 "$f"; echo; done; } > "$file"
ls -l "$file"
./mvnw -o -q -Dspring-javaformat.skip=true compile
javac -d "$out/classes" -cp target/classes bench/ParseBench.java
echo "cold JVM, first pass each:"
for i in 1 2 3; do java -Xmx"$heap" -cp "target/classes:$out/classes" ParseBench "$file" 0 1 | head -1; done
echo "one JVM, 3 warm-up passes then 5 measured:"
java -Xmx"$heap" -cp "target/classes:$out/classes" ParseBench "$file" 3 5
