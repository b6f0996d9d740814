package org.tally.ingest.kit;

import java.util.Map;

/**
 * What a file says about a contest beyond its name: whether it is a ballot measure, how
 * many seats it fills, how it is decided and what its figures are. Setup mode uses kind,
 * seats and rule when it creates the contest (an existing contest keeps its own
 * settings); what the figures are ({@code countsAre}) and the source's own total against
 * its units ({@code unitsDifferBy}) are noted on the contest by every import that says
 * them (docs/import.md, "What the figures are").
 *
 * @param row line in the file
 * @param office as in {@link CountRow#office()}
 * @param district as in {@link CountRow#district()}
 * @param measure whether the contest is a ballot measure (its choices are Yes and No)
 * @param seats how many choices win, or {@code null} when the file does not say
 * @param rule the rule's code ("ranked-choice", "top-two", "plurality"), or {@code null}
 * when the file does not say (the election's default then applies)
 * @param countsAre {@code null} for votes, else what the figures are
 * ("state-delegate-equivalents")
 * @param unitsDifferBy per choice, the file's contest-wide figure minus the sum of its
 * units' rows, where they differ; {@code null} when the file states no such total
 */
public record ContestRow(long row, String office, String district, boolean measure, Integer seats, String rule,
		String countsAre, Map<String, Long> unitsDifferBy) {

	/** A contest whose file says only its kind and seats. */
	public ContestRow(long row, String office, String district, boolean measure, Integer seats) {
		this(row, office, district, measure, seats, null, null, null);
	}

	/**
	 * A contest's name as Tally shows it and as reconciliation names it: its office, and
	 * its district after ", District " when it has one.
	 */
	public static String shown(String office, String district) {
		return district.isEmpty() ? office : office + ", District " + district;
	}

	/** Whether the row notes something on the contest beyond its setup. */
	public boolean notes() {
		return this.countsAre != null || this.unitsDifferBy != null;
	}

}
