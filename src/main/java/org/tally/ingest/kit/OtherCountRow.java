package org.tally.ingest.kit;

import org.jspecify.annotations.Nullable;

/**
 * A count a file states for a contest in a unit that is not a choice's votes: its
 * over-votes, under-votes or blank ballots (NIST's {@code OtherCounts}, RCTab's overvotes
 * and undervotes, Clarity's contest-level "Undervotes"/"Overvotes" vote types). Kept as
 * the contest's other counts ({@code other_count}, V18), never as votes (docs/import.md,
 * Other counts).
 *
 * @param row line in the file
 * @param county as in {@link CountRow#county()}
 * @param precinct as in {@link CountRow#precinct()}
 * @param office as in {@link CountRow#office()}
 * @param district as in {@link CountRow#district()}
 * @param kind what is counted
 * @param count zero or more, at most 10^12
 * @param location the element path or JSON pointer, or {@code null}
 */
public record OtherCountRow(long row, @Nullable String county, @Nullable String precinct, String office,
		String district, Kind kind, long count, @Nullable String location) {

	/** What an other count counts, as {@code other_count.kind} spells it. */
	public enum Kind {

		OVERVOTES("overvotes"), UNDERVOTES("undervotes"), BLANK("blank");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

		/**
		 * The kind a statistic's name counts ("Over Votes", "Undervotes", "Times Blank
		 * Voted", "Ballots Cast Blank"), or {@code null} when it names none or both
		 * ("Over/Under Votes"): see {@link Statistic}.
		 */
		public static @Nullable Kind of(String name) {
			Statistic statistic = Statistic.of(name);
			if (statistic == null) {
				return null;
			}
			return switch (statistic) {
				case OVER_VOTES -> OVERVOTES;
				case UNDER_VOTES -> UNDERVOTES;
				case BLANK -> BLANK;
				default -> null;
			};
		}

	}

}
