package org.tally.results;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An election's row as it was read at one moment: the one record every reader of the row
 * uses (feed, pages, staff pages; staff's settings are {@code staff.ElectionSettings}).
 * {@code digest} is the current revision's (docs/verify.md), null before the first
 * revision. {@code publishAfter}, when set, embargoes the counts until then
 * (docs/contract.md §7): the one rule every public surface asks through
 * {@link #embargoed(Instant)}. {@code projections} is the election's setting of who may
 * see the estimate ({@code off}, {@code staff}, {@code public}; docs/projection.md), held
 * here so a page asks no query for it.
 */
public record ElectionState(long id, String slug, String name, LocalDate date, String kind, String jurisdiction,
		String status, boolean test, String timeZone, long revision, Instant lastUpdated, String language,
		String digest, Instant publishAfter, String projections) {

	/**
	 * Whether the counts are withheld from the public at {@code now}: a
	 * {@code publishAfter} still ahead. Results open at that instant whether or not the
	 * opening revision is recorded yet ({@link EmbargoOpener}).
	 */
	public boolean embargoed(Instant now) {
		return this.publishAfter != null && now.isBefore(this.publishAfter);
	}

}
