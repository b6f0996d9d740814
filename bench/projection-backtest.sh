#!/bin/sh
# Replays real elections (bench/backtest-data, see its PROVENANCE.md) in random unit
# orders and prints the estimator's calibration table (docs/projection.md): coverage of
# the 90% range, its width, and the median absolute error of the final margin beside
# uniform swing and the count so far, all computed in the same run. Runs offline.
#   bench/projection-backtest.sh [orders]
set -e
cd "$(dirname "$0")/.."
orders=${1:-200}
out=bench/out
mkdir -p "$out/classes"
./mvnw -o -q -Dspring-javaformat.skip=true compile
javac -d "$out/classes" -cp target/classes bench/ProjectionBacktest.java
java -cp "target/classes:$out/classes" ProjectionBacktest bench/backtest-data "$orders"
