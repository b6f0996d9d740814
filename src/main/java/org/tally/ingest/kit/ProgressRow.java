package org.tally.ingest.kit;

/**
 * How far the count of one contest has got in one reporting unit, as a file states it.
 * Any figure the file leaves blank is {@code null}.
 *
 * @param row line in the file (header = 1) of the first row that stated it
 * @param county as in {@link CountRow#county()}
 * @param precinct as in {@link CountRow#precinct()}
 * @param office as in {@link CountRow#office()}
 * @param district as in {@link CountRow#district()}
 * @param precinctsReporting precincts counted so far
 * @param precinctsTotal precincts in the unit
 * @param ballotsCast ballots cast
 * @param registeredVoters registered voters
 * @param ballotsOutstanding staff's estimate of ballots still to count
 * @param expectedVotes the source's or staff's estimate of the contest's final vote in
 * the unit
 * @param location as in {@link CountRow#location()}
 */
public record ProgressRow(long row, String county, String precinct, String office, String district,
		Integer precinctsReporting, Integer precinctsTotal, Long ballotsCast, Long registeredVoters,
		Long ballotsOutstanding, Long expectedVotes, String location) {

	/** The same progress under names as Tally keeps them. */
	public ProgressRow named(String county, String precinct, String office, String district) {
		return new ProgressRow(this.row, county, precinct, office, district, this.precinctsReporting,
				this.precinctsTotal, this.ballotsCast, this.registeredVoters, this.ballotsOutstanding,
				this.expectedVotes, this.location);
	}

	/** Progress in a CSV file, where the row says where. */
	public ProgressRow(long row, String county, String precinct, String office, String district,
			Integer precinctsReporting, Integer precinctsTotal, Long ballotsCast, Long registeredVoters,
			Long ballotsOutstanding, Long expectedVotes) {
		this(row, county, precinct, office, district, precinctsReporting, precinctsTotal, ballotsCast, registeredVoters,
				ballotsOutstanding, expectedVotes, null);
	}

	/** Progress without an estimate of the final vote. */
	public ProgressRow(long row, String county, String precinct, String office, String district,
			Integer precinctsReporting, Integer precinctsTotal, Long ballotsCast, Long registeredVoters,
			Long ballotsOutstanding) {
		this(row, county, precinct, office, district, precinctsReporting, precinctsTotal, ballotsCast, registeredVoters,
				ballotsOutstanding, null, null);
	}

}
