package org.tally.ingest;

/**
 * What a file says about a contest beyond its name: whether it is a ballot measure and
 * how many seats it fills. Setup mode uses it when it creates the contest; an existing
 * contest keeps its own settings.
 *
 * @param row line in the file
 * @param office as in {@link CountRow#office()}
 * @param district as in {@link CountRow#district()}
 * @param measure whether the contest is a ballot measure (its choices are Yes and No)
 * @param seats how many choices win, or {@code null} when the file does not say
 */
public record ContestRow(long row, String office, String district, boolean measure, Integer seats) {
}
