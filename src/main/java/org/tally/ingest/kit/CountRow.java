package org.tally.ingest.kit;

import org.tally.results.VoteType;

/**
 * One count read from a file: the cumulative votes for one choice in one reporting unit
 * and contest, for one vote type.
 *
 * @param row line in the file (header = 1)
 * @param county county name as written; {@code null} in a Clarity summary, where the
 * importer knows the county
 * @param precinct precinct code as text (leading zeros kept), or {@code null} for a
 * county-level row: no precinct column, a blank precinct, or a county-total row such as
 * "ALAMEDA CA"
 * @param office the contest's office ("U.S. House"); for Clarity, the contest name
 * @param district "34", or "" when the office has none
 * @param party as written, {@code null} when blank or "None"; a write-in marker ("IND
 * (W/I)") is taken off and shows in {@code writeIn} instead
 * @param candidate the choice's name, quotes unescaped ({@code Bernard "Bernie" Sanders})
 * @param voteType which votes these are
 * @param votes zero or more, at most 10^12
 * @param incumbent from an {@code incumbent} column; {@code null} when there is none or
 * the cell is blank
 * @param writeIn from a {@code write_in} column, or {@code true} when the party or name
 * marks a write-in; otherwise {@code null} when there is no such column or the cell is
 * blank
 * @param writtenName the choice's name as the file wrote it ("- PHILIP MURPHY", "Tom
 * Cotton (REP)"), kept with the choice for audit; {@code candidate} is the name after
 * {@link org.tally.ingest.kit.ChoiceNameNormaliser}
 * @param location where the count is in an XML or JSON file (the element path or JSON
 * pointer, as in {@link Problem#location()}), for the problems the import finds later (an
 * unknown name); {@code null} for CSV, where {@code row} says where
 */
public record CountRow(long row, String county, String precinct, String office, String district, String party,
		String candidate, VoteType voteType, long votes, Boolean incumbent, Boolean writeIn, String writtenName,
		String location) {

	/** A count in a CSV file, where the row says where. */
	public CountRow(long row, String county, String precinct, String office, String district, String party,
			String candidate, VoteType voteType, long votes, Boolean incumbent, Boolean writeIn, String writtenName) {
		this(row, county, precinct, office, district, party, candidate, voteType, votes, incumbent, writeIn,
				writtenName, null);
	}

	/** A count whose name the file wrote as it is. */
	public CountRow(long row, String county, String precinct, String office, String district, String party,
			String candidate, VoteType voteType, long votes, Boolean incumbent, Boolean writeIn) {
		this(row, county, precinct, office, district, party, candidate, voteType, votes, incumbent, writeIn, candidate,
				null);
	}

	/** The same count under another choice name (the file's written name kept). */
	public CountRow named(String choice) {
		return new CountRow(this.row, this.county, this.precinct, this.office, this.district, this.party, choice,
				this.voteType, this.votes, this.incumbent, this.writeIn, this.writtenName, this.location);
	}

}
