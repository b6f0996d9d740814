package org.tally.ingest.clarity;

import org.tally.ingest.kit.NameKeys;

import java.util.Locale;

import org.tally.results.VoteType;

/**
 * What a Clarity {@code VoteType} name means, whatever a county called it: "Election
 * Day", "Election", "Absentee by Mail", "Mail", "Advanced Voting", "Early Vote", "One
 * Stop", "Provisional", "Total Votes", "Overvotes"...
 */
final class ClarityVoteTypes {

	/** What the votes of one vote type are. */
	enum Meaning {

		/** Votes cast in one way Tally splits by ({@link #type()}). */
		SPLIT,

		/** The total itself, stated by the file. */
		TOTAL,

		/** Over- or under-votes, blank ballots: never votes for a choice. */
		NOT_VOTES,

		/** Votes cast some other way: part of the total, not of any split. */
		OTHER

	}

	record Kind(Meaning meaning, VoteType type) {
	}

	private ClarityVoteTypes() {
	}

	static Kind of(String name) {
		String key = NameKeys.letters(name);
		if (key.contains("overvote") || key.contains("undervote") || key.equals("over") || key.equals("under")
				|| key.contains("blank")) {
			return new Kind(Meaning.NOT_VOTES, null);
		}
		if (key.equals("total") || key.equals("totals") || key.equals("totalvotes") || key.equals("totalvote")
				|| key.equals("allvotes")) {
			return new Kind(Meaning.TOTAL, VoteType.TOTAL);
		}
		if (key.contains("provisional")) {
			return new Kind(Meaning.SPLIT, VoteType.PROVISIONAL);
		}
		if (key.contains("early") || key.contains("advance") || key.contains("onestop")
				|| key.contains("inpersonabsentee") || key.contains("absenteeinperson")) {
			return new Kind(Meaning.SPLIT, VoteType.EARLY);
		}
		if (key.contains("absentee") || key.contains("mail")) {
			return new Kind(Meaning.SPLIT, VoteType.MAIL);
		}
		if (key.contains("electionday") || key.equals("election") || key.equals("polls") || key.contains("pollingplace")
				|| key.equals("dayofelection") || key.equals("electiondayvoting")) {
			return new Kind(Meaning.SPLIT, VoteType.ELECTION_DAY);
		}
		return new Kind(Meaning.OTHER, null);
	}

}
