package org.tally.ingest.csv;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.Problem;
import org.tally.results.VoteType;

/**
 * A file's header matched to what Tally reads: which column holds the county, the votes,
 * and so on. Names are matched case-insensitively, with spaces, hyphens and underscores
 * alike, so "Election Day" and "election_day" are one column.
 */
public final class Columns {

	enum Field {

		COUNTY, PRECINCT, OFFICE, DISTRICT, PARTY, CANDIDATE, VOTES, ELECTION_DAY, EARLY, MAIL, PROVISIONAL,
		PRECINCTS_REPORTING, PRECINCTS_TOTAL, BALLOTS_CAST, REGISTERED_VOTERS, BALLOTS_OUTSTANDING, EXPECTED_VOTES,
		INCUMBENT, WRITE_IN,

		/**
		 * The contest's total in the unit, restated on each candidate's row (Wisconsin's
		 * {@code totalvotes}): checked against the sum of the choices, never a count.
		 */
		CONTEST_TOTAL,

		/** A column the format is known to have and Tally does not need. */
		KNOWN

	}

	/** The column of a vote type's votes. */
	static Field field(VoteType type) {
		return switch (type) {
			case TOTAL -> Field.VOTES;
			case ELECTION_DAY -> Field.ELECTION_DAY;
			case MAIL -> Field.MAIL;
			case EARLY -> Field.EARLY;
			case PROVISIONAL -> Field.PROVISIONAL;
		};
	}

	private static final Map<String, Field> OPENELECTIONS = new LinkedHashMap<>();

	private static final Map<String, Field> CLARITY_SUMMARY = new LinkedHashMap<>();

	/**
	 * Clarity's state-level summaries count counties ("num County") or areas reporting,
	 * not precincts: Colorado's 2024 summary has 64 "areas", its 64 counties.
	 */
	private static final Set<String> CLARITY_NOT_PRECINCTS = Set.of("num_area_total", "num_area_rptg",
			"num_county_total", "num_county_rptg");

	/**
	 * Columns that name precincts when there is no {@code precinct}, in order of
	 * preference.
	 */
	private static final List<String> PRECINCT_NAMES = List.of("precinct_name", "precinct_code", "precinct_id");

	/** The vote-type columns, under the names the states' OpenElections files use. */
	private static final Set<Field> SPLIT = Set.of(Field.ELECTION_DAY, Field.EARLY, Field.MAIL, Field.PROVISIONAL);

	static {
		OPENELECTIONS.put("county", Field.COUNTY);
		OPENELECTIONS.put("precinct", Field.PRECINCT);
		// Wisconsin reports by ward
		OPENELECTIONS.put("ward", Field.PRECINCT);
		OPENELECTIONS.put("office", Field.OFFICE);
		OPENELECTIONS.put("district", Field.DISTRICT);
		OPENELECTIONS.put("party", Field.PARTY);
		OPENELECTIONS.put("candidate", Field.CANDIDATE);
		OPENELECTIONS.put("votes", Field.VOTES);
		for (String name : new String[] { "election_day", "election_day_votes", "electionday", "eday", "eday_votes",
				"polling_place", "polling_place_votes", "in_person", "in_person_votes", "election_day_in_person" }) {
			OPENELECTIONS.put(name, Field.ELECTION_DAY);
		}
		for (String name : new String[] { "early_voting", "early_votes", "early", "early_vote", "advanced_votes",
				"advance_votes", "advanced_voting", "one_stop", "one_stop_votes", "early_in_person",
				"early_in_person_votes", "in_person_early", "early_vote_votes" }) {
			OPENELECTIONS.put(name, Field.EARLY);
		}
		for (String name : new String[] { "absentee", "absentee_votes", "absentee_by_mail", "absentee_by_mail_votes",
				"mail", "mail_votes", "mail_in", "mail_in_votes", "vote_by_mail", "by_mail", "absentee_mail",
				"mail_ballots", "absentee_mail_votes" }) {
			OPENELECTIONS.put(name, Field.MAIL);
		}
		OPENELECTIONS.put("provisional", Field.PROVISIONAL);
		OPENELECTIONS.put("provisional_votes", Field.PROVISIONAL);
		OPENELECTIONS.put("provisionals", Field.PROVISIONAL);
		for (String name : new String[] { "totalvotes", "total_votes", "contest_total" }) {
			OPENELECTIONS.put(name, Field.CONTEST_TOTAL);
		}
		OPENELECTIONS.put("expected_votes", Field.EXPECTED_VOTES);
		OPENELECTIONS.put("precincts_reporting", Field.PRECINCTS_REPORTING);
		OPENELECTIONS.put("precincts_total", Field.PRECINCTS_TOTAL);
		OPENELECTIONS.put("ballots_cast", Field.BALLOTS_CAST);
		OPENELECTIONS.put("registered_voters", Field.REGISTERED_VOTERS);
		// Ohio's "Total Voters": the voters who voted, beside "Registered Voters"
		OPENELECTIONS.put("total_voters", Field.BALLOTS_CAST);
		OPENELECTIONS.put("ballots_outstanding", Field.BALLOTS_OUTSTANDING);
		OPENELECTIONS.put("incumbent", Field.INCUMBENT);
		OPENELECTIONS.put("write_in", Field.WRITE_IN);

		CLARITY_SUMMARY.put("line_number", Field.KNOWN);
		CLARITY_SUMMARY.put("contest_name", Field.OFFICE);
		CLARITY_SUMMARY.put("choice_name", Field.CANDIDATE);
		CLARITY_SUMMARY.put("party_name", Field.PARTY);
		CLARITY_SUMMARY.put("total_votes", Field.VOTES);
		CLARITY_SUMMARY.put("percent_of_votes", Field.KNOWN);
		CLARITY_SUMMARY.put("registered_voters", Field.REGISTERED_VOTERS);
		CLARITY_SUMMARY.put("ballots_cast", Field.BALLOTS_CAST);
		CLARITY_SUMMARY.put("num_precinct_total", Field.PRECINCTS_TOTAL);
		CLARITY_SUMMARY.put("num_precinct_rptg", Field.PRECINCTS_REPORTING);
		// New Jersey's county sites call their precincts "districts"
		CLARITY_SUMMARY.put("num_district_total", Field.PRECINCTS_TOTAL);
		CLARITY_SUMMARY.put("num_district_rptg", Field.PRECINCTS_REPORTING);
		CLARITY_SUMMARY.put("over_votes", Field.KNOWN);
		CLARITY_SUMMARY.put("under_votes", Field.KNOWN);
	}

	private final ImportFormat format;

	private final List<String> names;

	private final Map<Field, Integer> index = new EnumMap<>(Field.class);

	private Columns(ImportFormat format, List<String> names) {
		this.format = format;
		this.names = names;
	}

	/**
	 * The format a header belongs to, or {@code null}: Clarity has "contest name" and
	 * "choice name"; anything naming an OpenElections column is taken as OpenElections,
	 * so that a missing column is reported by name rather than the whole header being
	 * refused.
	 */
	public static ImportFormat detect(List<String> names) {
		List<String> keys = names.stream().map(Columns::key).toList();
		if (keys.contains("contest_name") && keys.contains("choice_name")) {
			return ImportFormat.CLARITY_SUMMARY;
		}
		for (String key : keys) {
			Field field = OPENELECTIONS.get(key);
			if (field != null && field.ordinal() <= Field.VOTES.ordinal()) {
				return ImportFormat.OPENELECTIONS;
			}
		}
		return null;
	}

	/**
	 * Matches a header to a format, reporting what is wrong with it.
	 * @return the columns, or {@code null} when rows cannot be read with this header
	 */
	public static Columns match(ImportFormat format, List<String> names, long row, Consumer<Problem> problems,
			Consumer<Problem> warnings) {
		Map<String, Field> known = known(format);
		Columns columns = new Columns(format, names);
		Map<String, Integer> precinctNames = new LinkedHashMap<>();
		boolean usable = columns.place(known, precinctNames, row, problems, warnings);
		choosePrecinctColumn(columns, names, precinctNames, row, warnings);
		usable &= columns.haveRequired(known, row, problems, warnings);
		return usable ? columns : null;
	}

	/**
	 * Gives each header name its field, warning of the columns ignored; the precinct-name
	 * columns are kept aside for {@link #choosePrecinctColumn}.
	 * @return {@code false} when two columns give one field
	 */
	private boolean place(Map<String, Field> known, Map<String, Integer> precinctNames, long row,
			Consumer<Problem> problems, Consumer<Problem> warnings) {
		List<String> names = this.names;
		boolean usable = true;
		int unnamed = 0;
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			String key = key(name);
			Field field = known.get(key);
			if (field == null && this.format == ImportFormat.OPENELECTIONS && PRECINCT_NAMES.contains(key)) {
				// Ohio 2014: "Precinct Code" and "Precinct Name", no "precinct"
				precinctNames.put(key, i);
				continue;
			}
			if (field == null && name.isEmpty()) {
				// spreadsheets save empty columns as trailing commas (York County PA
				// 2020)
				if (unnamed++ == 0) {
					warnings.accept(new Problem(row, null, String.join(",", names), "unnamed columns, ignored"));
				}
				continue;
			}
			if (field == null) {
				String message = (this.format == ImportFormat.CLARITY_SUMMARY && CLARITY_NOT_PRECINCTS.contains(key))
						? "counts counties or areas reporting, not precincts: ignored" : "unknown column, ignored";
				warnings.accept(new Problem(row, name, name, message));
				continue;
			}
			if (field == Field.KNOWN) {
				continue;
			}
			Integer earlier = this.index.putIfAbsent(field, i);
			if (earlier != null) {
				problems.accept(new Problem(row, name, name, "duplicate column: '" + names.get(earlier) + "' and '"
						+ name + "' both give " + describe(field)));
				usable = false;
			}
		}
		return usable;
	}

	/**
	 * Checks the format's required columns are there.
	 * @return {@code false} when one is missing
	 */
	private boolean haveRequired(Map<String, Field> known, long row, Consumer<Problem> problems,
			Consumer<Problem> warnings) {
		List<String> names = this.names;
		List<String> missing = new ArrayList<>();
		boolean split = this.index.keySet().stream().anyMatch(SPLIT::contains);
		for (Field field : required(this.format)) {
			if (field == Field.VOTES && split && this.format == ImportFormat.OPENELECTIONS) {
				// the total is the sum of the vote types
				continue;
			}
			if (field == Field.COUNTY && this.index.containsKey(Field.PRECINCT)) {
				// Nevada's county files: precinct,office,candidate,votes
				if (!this.index.containsKey(Field.COUNTY)) {
					warnings.accept(new Problem(row, null, String.join(",", names),
							"no county column: the precincts are counted under the import's county= (or the "
									+ "election's jurisdiction when it names none)"));
				}
				continue;
			}
			if (!this.index.containsKey(field)) {
				missing.add(nameOf(known, field));
			}
		}
		if (missing.isEmpty()) {
			return true;
		}
		String hint = (missing.equals(List.of("votes")) && this.index.containsKey(Field.CONTEST_TOTAL))
				? " ('" + names.get(this.index.get(Field.CONTEST_TOTAL))
						+ "' is read as the contest's total in the unit, not each candidate's votes)"
				: "";
		problems.accept(new Problem(row, null, String.join(",", names),
				"missing required column" + ((missing.size() > 1) ? "s: " : ": ") + String.join(", ", missing) + hint));
		return false;
	}

	/**
	 * Without a {@code precinct} column, a "Precinct Name" (or else "Precinct Code",
	 * "Precinct ID") column names the precincts; the others are ignored with a warning.
	 */
	private static void choosePrecinctColumn(Columns columns, List<String> names, Map<String, Integer> precinctNames,
			long row, Consumer<Problem> warnings) {
		Integer chosen = null;
		if (!columns.index.containsKey(Field.PRECINCT)) {
			for (String key : PRECINCT_NAMES) {
				if (chosen == null) {
					chosen = precinctNames.get(key);
				}
			}
		}
		if (chosen != null) {
			columns.index.put(Field.PRECINCT, chosen);
		}
		for (int column : precinctNames.values()) {
			if (chosen == null || column != chosen) {
				String name = names.get(column);
				warnings.accept(new Problem(row, name, name,
						(chosen != null) ? "ignored: the precincts are named by '" + names.get(chosen) + "'"
								: "unknown column, ignored"));
			}
		}
	}

	ImportFormat format() {
		return this.format;
	}

	/** Cells each row must have. */
	int width() {
		return this.names.size();
	}

	/** The column holding the field, or -1. */
	int index(Field field) {
		Integer index = this.index.get(field);
		return (index != null) ? index : -1;
	}

	/** The header name of a column as written, or {@code null} beyond the header. */
	String name(int column) {
		return (column >= 0 && column < this.names.size()) ? this.names.get(column) : null;
	}

	static String key(String name) {
		StringBuilder key = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c == ' ' || c == '-' || c == '_') {
				if (key.length() > 0 && key.charAt(key.length() - 1) != '_') {
					key.append('_');
				}
			}
			else {
				key.append(Character.toLowerCase(c));
			}
		}
		return key.toString();
	}

	private static Map<String, Field> known(ImportFormat format) {
		return (format == ImportFormat.CLARITY_SUMMARY) ? CLARITY_SUMMARY : OPENELECTIONS;
	}

	private static List<Field> required(ImportFormat format) {
		return (format == ImportFormat.CLARITY_SUMMARY) ? List.of(Field.OFFICE, Field.CANDIDATE, Field.VOTES)
				: List.of(Field.COUNTY, Field.OFFICE, Field.CANDIDATE, Field.VOTES);
	}

	/** Whether the file gives vote-type columns. */
	boolean hasSplit() {
		return this.index.keySet().stream().anyMatch(SPLIT::contains);
	}

	private static String describe(Field field) {
		String name = field.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return switch (field) {
			case ELECTION_DAY, EARLY, MAIL, PROVISIONAL -> name + " votes";
			default -> "the " + name;
		};
	}

	private static String nameOf(Map<String, Field> known, Field field) {
		return known.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == field)
			.map((entry) -> entry.getKey().replace('_', ' '))
			.findFirst()
			.orElseThrow();
	}

}
