#!/bin/sh
# Times one estimate of a 20,000-unit contest (bench/ProjectionBench.java) beside a
# reference pass over the same units, in one JVM: two warm-up runs, then measured runs.
#   bench/projection-bench.sh [runs]
set -e
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out/classes"
./mvnw -o -q -Dspring-javaformat.skip=true compile
javac -d "$out/classes" -cp target/classes bench/ProjectionBacktest.java bench/ProjectionBench.java
java -cp "target/classes:$out/classes" ProjectionBench bench/backtest-data "${1:-5}"
