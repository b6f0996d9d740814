package org.tally.ingest.kit;

/**
 * A source's own call of a contest (AP's {@code winner} flag). It becomes a call only
 * when staff ask for the source's calls, and never over a staff call.
 *
 * @param row line in the file
 * @param office as in {@link CountRow#office()}
 * @param district as in {@link CountRow#district()}
 * @param candidate the choice the source declared
 * @param runoff {@code true} when the source says the choice advances to a runoff rather
 * than wins
 * @param location where in the file (JSON pointer)
 */
public record WinnerRow(long row, String office, String district, String candidate, boolean runoff, String location) {
}
