package org.tally.ingest.nist;

import java.util.List;

/** One NIST {@code ContestSelection}: what the first pass finds, then its choice. */
final class NistSelection {

	final NistContest contest;

	final long line;

	final String at;

	String type;

	String id;

	List<String> candidateIds = List.of();

	List<String> partyIds = List.of();

	String text;

	boolean writeIn;

	String name;

	/** The name as the file wrote it, kept with the choice for audit. */
	String written;

	String party;

	Boolean incumbent;

	NistSelection(NistContest contest, long line, String at) {
		this.contest = contest;
		this.line = line;
		this.at = at;
	}

	/** The name as the file wrote it, else the choice's name. */
	String writtenName() {
		return (this.written != null) ? this.written : this.name;
	}

}
