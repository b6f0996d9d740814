package org.tally.ingest.nist;

import java.util.BitSet;

/** One NIST {@code Contest}, as the first pass finds it and the resolution names it. */
final class NistContest {

	final long line;

	final String at;

	String type;

	String name;

	String districtId;

	Integer seats;

	boolean measure;

	boolean skipped;

	/** Whether some of the contest's counts carry no {@code Round}. */
	boolean unrounded;

	/** The highest {@code Round} of the contest's counts, 0 when none has one. */
	int finalRound;

	int writeIns;

	String id;

	String office;

	String district;

	final BitSet units = new BitSet();

	BitSet counted = new BitSet();

	NistContest(long line, String at) {
		this.line = line;
		this.at = at;
	}

	/** The contest as the reconciliation names it: its name and {@code @id}. */
	String named() {
		String named = this.district.isEmpty() ? this.office : this.office + ", " + this.district;
		return (this.id != null) ? named + " [" + this.id + "]" : named;
	}

}
