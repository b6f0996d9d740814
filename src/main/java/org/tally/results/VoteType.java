package org.tally.results;

import java.util.List;
import java.util.Optional;

/**
 * How the votes of a count were cast (docs/contract.md §2): the values of
 * {@code vote_count.vote_type} and {@code count_sum.vote_type} (V1, V15) and the keys of
 * the API's {@code voteTypes}, each by its {@link #code()}. {@link #TOTAL} is every way
 * together, never the sum a reader worked out: files state it themselves. The other
 * types, the {@link #SPLIT}, are in the order every surface shows them (declaration
 * order).
 */
public enum VoteType {

	/** Every vote of the count: the CSV's {@code votes}, NIST's {@code total}. */
	TOTAL("total", "votes", "total"),

	/** Cast in person on election day. */
	ELECTION_DAY("election-day", "election_day", "election-day"),

	/**
	 * Cast by mail; NIST's absentee types other than in person (and UOCAVA) read as mail
	 * too.
	 */
	MAIL("mail", "absentee", "absentee-mail", "absentee", "absentee-fwab", "uocava"),

	/** Cast early; NIST's in-person absentee reads as early. */
	EARLY("early", "early_voting", "early", "absentee-in-person"),

	/** Provisional ballots. */
	PROVISIONAL("provisional", "provisional", "provisional");

	/** The types of a split, in the order every surface shows them. */
	public static final List<VoteType> SPLIT = List.of(ELECTION_DAY, MAIL, EARLY, PROVISIONAL);

	private final String code;

	private final String csvColumn;

	private final String nistName;

	private final List<String> nistAlsoRead;

	VoteType(String code, String csvColumn, String nistName, String... nistAlsoRead) {
		this.code = code;
		this.csvColumn = csvColumn;
		this.nistName = nistName;
		this.nistAlsoRead = List.of(nistAlsoRead);
	}

	/** The type as the database and the API spell it: {@code "election-day"}. */
	public String code() {
		return this.code;
	}

	/**
	 * The type's column in the OpenElections CSV layout that the results export writes
	 * ({@code election_day}, {@code absentee}; the total is {@code votes}).
	 */
	public String csvColumn() {
		return this.csvColumn;
	}

	/** The type's NIST 1500-100 {@code CountItemType}, as the CDF export writes it. */
	public String nistName() {
		return this.nistName;
	}

	/**
	 * The column a query's sums by type name the type's votes ({@code election_day}; the
	 * total is {@code votes}).
	 */
	public String sqlColumn() {
		return switch (this) {
			case TOTAL -> "votes";
			case ELECTION_DAY, MAIL, EARLY, PROVISIONAL -> this.code.replace('-', '_');
		};
	}

	/** The key of the type's name in {@code messages.properties}: {@code types.mail}. */
	public String labelKey() {
		return "types." + this.code;
	}

	/** The position of the type in {@link #SPLIT}, or -1 for {@link #TOTAL}. */
	public int splitIndex() {
		return SPLIT.indexOf(this);
	}

	/** The type {@code code} names, or empty for none. */
	public static Optional<VoteType> find(String code) {
		for (VoteType type : values()) {
			if (type.code.equals(code)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

	/**
	 * The type a NIST {@code CountItemType} is read as, or empty for one that is none of
	 * these ({@code other}, {@code write-in}, ...).
	 */
	public static Optional<VoteType> ofNist(String countItemType) {
		for (VoteType type : values()) {
			if (type.nistName.equals(countItemType) || type.nistAlsoRead.contains(countItemType)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
