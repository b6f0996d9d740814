package org.tally.ingest.kit;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a row that names a statistic instead of a choice counts: an office with no
 * candidate ("Ballots Cast", "Ballots - blank", "Registered Voters", "Overvotes", "Total
 * Votes"), or such a name in the candidate column. Recognised by pattern, not by a list,
 * so the next county's spelling reads the same (docs/import.md, Statistic rows). Never
 * votes for a choice.
 */
public enum Statistic {

	/** Voters registered: the contest's {@code registered_voters} progress. */
	REGISTERED_VOTERS,

	/** Ballots cast: the contest's {@code ballots_cast} progress. */
	BALLOTS_CAST,

	/** Blank ballots: no vote in the contest. */
	BLANK,

	/** Over votes. */
	OVER_VOTES,

	/** Under votes. */
	UNDER_VOTES,

	/** Over and under votes together. */
	OVER_UNDER_VOTES,

	/** The sum of the contest's choices. */
	TOTAL_VOTES;

	/** Longer names are not statistics: "Ballots Cast" has at most a few words. */
	private static final int MAX_LETTERS = 40;

	private static final Pattern REGISTERED = Pattern
		.compile("(total)?(registered(voters?)?|registration|voters?registered)(total)?");

	private static final Pattern CAST = Pattern
		.compile("(total)?(ballots?(cast|counted)?|voterscast|timescounted)(total)?");

	private static final Pattern TOTAL = Pattern.compile("(contest)?totals?(votes?(cast)?)?|votescast(total)?");

	/**
	 * The statistic a name counts, or {@code null} when it is none Tally knows (then a
	 * row with no candidate is still not a choice: see {@link #isUnknown(String)}).
	 */
	public static Statistic of(String name) {
		String letters = NameKeys.letters(name);
		if (letters.isEmpty() || letters.length() > MAX_LETTERS) {
			return null;
		}
		boolean over = letters.contains("overvot");
		boolean under = letters.contains("undervot");
		if (over || under) {
			return (over && under) ? OVER_UNDER_VOTES : (over ? OVER_VOTES : UNDER_VOTES);
		}
		if (letters.contains("blank")) {
			return BLANK;
		}
		if (REGISTERED.matcher(letters).matches()) {
			return REGISTERED_VOTERS;
		}
		if (CAST.matcher(letters).matches()) {
			return BALLOTS_CAST;
		}
		if (TOTAL.matcher(letters).matches()) {
			return TOTAL_VOTES;
		}
		return null;
	}

	/** Whether the statistic is a turnout figure Tally keeps (as progress). */
	public boolean isTurnout() {
		return this == REGISTERED_VOTERS || this == BALLOTS_CAST;
	}

	/** Whether it counts ballots or marks that are no vote for any choice. */
	public boolean isNoVote() {
		return this == BLANK || this == OVER_VOTES || this == UNDER_VOTES || this == OVER_UNDER_VOTES;
	}

	/** The name shown in warnings and reconciliation ("ballots-cast"). */
	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
