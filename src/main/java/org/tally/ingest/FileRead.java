package org.tally.ingest;

import java.util.List;
import java.util.Map;

import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.WinnerRow;

/**
 * What reading a file left for the steps after it: the names it used, the counts staged
 * (or written straight), the sums of fresh contests, and what the source declared.
 *
 * @param format the file's format, as named or detected
 * @param names the election's names and the ones the file added or missed
 * @param sums the totals of fresh contests, taken while reading
 * @param staged how many rows went where
 * @param winners the source's calls, kept when staff asked for them
 * @param rounds the ranked-choice rounds read
 * @param notes what the file notes on its contests, by contest id
 * @param otherCounts the over-votes, under-votes and blanks the file states
 */
record FileRead(ImportFormat format, ElectionNames names, CountSums sums, StagingWriter.Staged staged,
		List<WinnerRow> winners, List<RoundsWriter.Pending> rounds, Map<Long, StagingSink.Note> notes,
		List<StagingSink.OtherCount> otherCounts) {
}
