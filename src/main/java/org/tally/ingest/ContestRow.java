package org.tally.ingest;

/**
 * What a file says about a contest itself, beyond its counts: how many seats it fills
 * ("(Vote For 2)", Clarity's {@code voteFor}). Stated before the contest's counts.
 *
 * @param row line in the file where it is stated
 * @param office as in {@link CountRow#office()}
 * @param district as in {@link CountRow#district()}
 * @param seats vote for N, at least 1
 */
public record ContestRow(long row, String office, String district, int seats) {
}
