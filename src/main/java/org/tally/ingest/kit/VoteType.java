package org.tally.ingest.kit;

/**
 * How the votes of a count were cast. {@link #TOTAL} is every way together, never the sum
 * the reader worked out: files state it themselves.
 */
public enum VoteType {

	TOTAL("total"), ELECTION_DAY("election-day"), MAIL("mail"), EARLY("early"), PROVISIONAL("provisional");

	private final String code;

	VoteType(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
