package org.tally.ingest.kit;

import org.jspecify.annotations.Nullable;
import org.tally.results.VoteType;

/**
 * One total a file states about itself, beside what Tally computes from the same file's
 * rows: Clarity's {@code Choice@totalVotes} against its units, a CSV "Total Votes" row
 * against its unit's choices, a county row against that county's precincts, AP's state
 * row against its reporting units, a NIST count at one GpUnit level against the units it
 * is made of. A reader sends each one to {@link RowSink#stated(StatedTotal)}; the import
 * counts them and lists those that disagree ({@code Reconciliation}). A stated total is
 * never published in place of the computed one (docs/import.md, Reconciliation).
 *
 * @param contest the contest as the file names it, with its key when it has one ("Member
 * of Council Sharpsburg (2 Year Term) [key 0382]")
 * @param choice the choice, or {@code null} for a figure of the whole contest (ballots
 * cast)
 * @param unit the unit the total is stated for ("Allegheny", "Adams County")
 * @param voteType the vote type ({@link VoteType#code()}), or the statistic's name
 * ("ballots-cast")
 * @param stated what the file says
 * @param computed what Tally computes from the file's other rows
 * @param location where the stated figure is: the element path or JSON pointer, or "row
 * 12" in a CSV file
 */
public record StatedTotal(@Nullable String contest, @Nullable String choice, @Nullable String unit,
		@Nullable String voteType, long stated, long computed, @Nullable String location) {

	public boolean agrees() {
		return this.stated == this.computed;
	}

}
