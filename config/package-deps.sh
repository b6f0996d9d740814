#!/bin/sh
# The dependencies between Tally's modules (the packages directly under org.tally, and
# their subpackages as they are), from the compiled classes: "from -> to", one a line.
# Usage: ./mvnw -o compile && config/package-deps.sh [target/classes]
# Subpackages folded into their module: pass DEPTH=1 (default: 2, e.g. ingest.kit).
set -eu
classes=${1:-target/classes}
depth=${DEPTH:-2}
jdeps -verbose:package -filter:none -e 'org\.tally\..*' "$classes" |
	awk -v depth="$depth" '
	function module(p,   n, parts, i, m) {
		n = split(p, parts, ".")
		m = parts[3]
		for (i = 4; i <= n && i <= depth + 2; i++) m = m "." parts[i]
		return m
	}
	$1 ~ /^org\.tally\./ && $2 == "->" && $3 ~ /^org\.tally\./ {
		from = module($1); to = module($3)
		if (from != to) print from " -> " to
	}' | sort -u
