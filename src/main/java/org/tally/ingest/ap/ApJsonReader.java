package org.tally.ingest.ap;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import org.tally.ingest.kit.ChoiceNameNormaliser;
import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.FileSource;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.JsonFiles;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.ReadContext;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.SourceKey;
import org.tally.ingest.kit.StatedTotal;
import org.tally.ingest.kit.States;
import org.tally.ingest.kit.VoteType;
import org.tally.ingest.kit.WinnerRow;

/**
 * Reads the AP Elections API results JSON, as newsdev/elex stores it
 * ({@code {"electionDate":..., "races":[{..., "reportingUnits":[{"level":..., "candidates":
 * [...]}]}]}}), into counts, progress and AP's own calls.
 * <p>
 * Only the races of the election's state are read; the others are named in a warning. A
 * race's units are its counties (AP's {@code subunit}s) when it has them, else its state
 * row, else its districts. A race with both a state row and counties takes its totals
 * from the state row (AP's tabulation of record) while its counties keep their own rows,
 * never added to it; where they differ, a warning and the contest's {@code unitsDifferBy}
 * say by how much (docs/import.md). A race's fields may follow its reporting units, so
 * the file is read twice: the first pass keeps each race's few fields and its votes per
 * level, the second streams the units one at a time.
 */
public final class ApJsonReader {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal MAX_EXPECTED = BigDecimal.valueOf(1_000_000_000_000L);

	private final ReadContext context;

	/** The candidates and units whose ids went to the sink. */
	private final Set<String> keyed = new HashSet<>();

	private final RowSink sink;

	private final String state;

	private final List<ApRace> races = new ArrayList<>();

	private boolean second;

	private int raceAt;

	private long problems;

	private long rows;

	private Instant lastUpdated;

	private Instant timestamp;

	private boolean sawRaces;

	private final Set<String> warnedEevp = new HashSet<>();

	private ApJsonReader(ReadContext context, RowSink sink) {
		this.context = context;
		this.sink = sink;
		this.state = States.postalCode(context.jurisdiction());
	}

	/**
	 * Reads the file, twice. Never throws for bad content: every problem goes to the
	 * sink, with the JSON pointer of where it is.
	 * @throws IOException only when the file itself cannot be read
	 */
	public static ReadSummary read(FileSource source, ReadContext context, RowSink sink) throws IOException {
		ApJsonReader reader = new ApJsonReader(context, sink);
		if (reader.pass(source) && reader.check()) {
			reader.second = true;
			reader.pass(source);
			Instant updated = (reader.lastUpdated != null) ? reader.lastUpdated : reader.timestamp;
			if (updated != null && reader.problems == 0) {
				sink.sourceUpdatedAt(updated);
			}
		}
		return new ReadSummary(ImportFormat.AP_JSON, reader.rows, reader.problems, List.of());
	}

	private boolean pass(FileSource source) throws IOException {
		return JsonFiles.pass(source, this::file, this::problem);
	}

	private void problem(Problem problem) {
		this.problems++;
		this.sink.problem(problem);
	}

	private boolean check() {
		if (!this.sawRaces) {
			problem(new Problem(1, "races", null, "not an AP results file: it has no \"races\" array", "/races"));
			return false;
		}
		if (this.state == null) {
			problem(new Problem(0, null, this.context.jurisdiction(), "the election's jurisdiction is not a US "
					+ "state, so Tally cannot tell which of the AP file's races are its own", null));
			return false;
		}
		for (ApRace race : this.races) {
			if (race.skipped) {
				continue;
			}
			if (race.state != null && !race.state.equalsIgnoreCase(this.state)) {
				race.skipped = true;
				this.sink.warning(new Problem(race.line, "statePostal", race.state, "race " + race.id + " ("
						+ race.office + ") is in " + race.state + ", not " + this.state + ": skipped", race.at));
				continue;
			}
			differences(race);
			reconcile(race);
			if (race.test != null && race.test != this.context.test()) {
				problem(new Problem(race.line, "test", String.valueOf(race.test),
						race.test ? "the AP race is test data (test true) but the election holds real results"
								: "the AP race holds real results (test false) but the election is a test election",
						race.at + "/test"));
			}
		}
		return true;
	}

	private void file(JsonParser p) {
		if (p.nextToken() != JsonToken.START_OBJECT) {
			problem(JsonFiles.problem(p, "not an AP results file: the file is not a JSON object"));
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			p.nextToken();
			switch (name) {
				case "races" -> {
					this.sawRaces = true;
					JsonFiles.eachElement(p, this.second ? (problem) -> {
					} : this::problem, "races", () -> race(p));
				}
				case "timestamp" -> {
					if (!this.second && p.currentToken() == JsonToken.VALUE_STRING) {
						this.timestamp = instant(p.getString());
					}
				}
				default -> p.skipChildren();
			}
		}
	}

	private void race(JsonParser p) {
		ApRace race;
		if (this.second) {
			if (this.raceAt >= this.races.size()) {
				// the second reading met a race the first did not (a damaged file)
				problem(JsonFiles.problem(p, "a race the file's first reading did not find"));
				p.skipChildren();
				return;
			}
			race = this.races.get(this.raceAt++);
		}
		else {
			race = new ApRace(JsonFiles.line(p), JsonFiles.pointer(p));
			this.races.add(race);
		}
		if (p.currentToken() != JsonToken.START_OBJECT) {
			if (!this.second) {
				problem(JsonFiles.problem(p, "a race should be a JSON object"));
				race.skipped = true;
			}
			p.skipChildren();
			return;
		}
		if (this.second && !race.skipped) {
			this.sink.contest(new ContestRow(race.line, race.office, race.district, race.measure, race.seats,
					race.rule(), race.countsAre(), race.unitsDifferBy()));
			if (race.id != null && !race.id.isBlank()) {
				this.sink.key(SourceKey.contest(keyScope(), race.id, race.office, race.district, race.office, race.line,
						race.at));
			}
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			p.nextToken();
			if (name.equals("reportingUnits")) {
				JsonFiles.eachElement(p, this.second ? (problem) -> {
				} : this::problem, "reportingUnits", () -> reportingUnit(p, race));
				continue;
			}
			if (this.second || !p.currentToken().isScalarValue()) {
				p.skipChildren();
				continue;
			}
			String value = JsonFiles.blankToNull(p.getValueAsString());
			switch (name) {
				case "test" ->
					race.test = p.currentToken().isBoolean() ? p.currentToken() == JsonToken.VALUE_TRUE : null;
				case "raceID" -> race.id = value;
				case "raceType" -> race.raceType = value;
				case "raceTypeID" -> race.raceTypeId = value;
				case "officeID" -> race.officeId = value;
				case "officeName" -> race.officeName = value;
				case "seatName" -> race.seatName = value;
				case "seatNum" -> race.seatNum = value;
				case "party" -> race.party = value;
				case "statePostal" -> race.state = value;
				case "numWinners" -> race.seats = seats(value);
				case "eevp" -> race.eevp = value;
				default -> {
				}
			}
		}
		if (!this.second) {
			name(race);
		}
	}

	private void name(ApRace race) {
		if (race.officeName == null) {
			race.skipped = true;
			problem(new Problem(race.line, "officeName", null, "a race without an officeName", race.at));
			return;
		}
		race.measure = "I".equalsIgnoreCase(race.officeId)
				|| (race.raceType != null && race.raceType.toLowerCase(Locale.ROOT).contains("ballot"));
		String office = race.officeName;
		String district = "";
		if (race.seatNum != null) {
			district = race.seatNum;
		}
		else if (race.seatName != null) {
			office = office + " " + race.seatName;
		}
		if (race.party != null) {
			office = office + " (" + race.party + ")";
		}
		race.office = office;
		race.district = (district.length() > 100) ? district.substring(0, 100) : district;
		if (race.id == null) {
			race.id = "?";
		}
	}

	private void reportingUnit(JsonParser p, ApRace race) {
		long line = JsonFiles.line(p);
		String at = JsonFiles.pointer(p);
		if (!this.second || race.skipped) {
			if (this.second) {
				p.skipChildren();
				return;
			}
			if (p.currentToken() != JsonToken.START_OBJECT) {
				problem(JsonFiles.problem(p, "a reporting unit should be a JSON object"));
				p.skipChildren();
				return;
			}
			// the first pass keeps the unit's level and state, and its votes to compare a
			// state row with its counties
			String level = null;
			Map<String, Long> votes = new HashMap<>();
			Map<String, String> names = new HashMap<>();
			while (p.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = p.currentName();
				p.nextToken();
				if (name.equals("level") && p.currentToken() == JsonToken.VALUE_STRING) {
					level = p.getString().toLowerCase(Locale.ROOT);
					race.levels.add(level);
				}
				else if (name.equals("candidates") && p.currentToken() == JsonToken.START_ARRAY) {
					ApRace.votes(JsonFiles.tree(p), votes);
				}
				else if ((name.equals("reportingunitName") || name.equals("stateName"))
						&& p.currentToken() == JsonToken.VALUE_STRING) {
					names.put(name, p.getString().strip().toLowerCase(Locale.ROOT));
				}
				else if (name.equals("statePostal") && race.state == null
						&& p.currentToken() == JsonToken.VALUE_STRING) {
					race.state = JsonFiles.blankToNull(p.getString());
				}
				else {
					p.skipChildren();
				}
			}
			race.add(level, votes);
			String unitName = names.get("reportingunitName");
			if (level != null && ApRace.COUNTY_LEVELS.contains(level) && unitName != null) {
				race.stateNamedUnit |= unitName.equals(names.get("stateName"))
						|| unitName.equals(this.context.jurisdiction().strip().toLowerCase(Locale.ROOT));
			}
			return;
		}
		JsonNode unit = JsonFiles.tree(p);
		String level = lower(JsonFiles.string(unit, "level"));
		String counted = race.countedLevel();
		boolean stateRow = "state".equals(level);
		if (stateRow) {
			winners(race, unit, line, at);
		}
		boolean totals = stateRow && race.stateTotals();
		if (level == null || !totals && !level.equals(counted)
				&& !(ApRace.COUNTY_LEVELS.contains(level) && "subunit".equals(counted))) {
			return;
		}
		String county = "state".equals(level) ? null : JsonFiles.string(unit, "reportingunitName");
		String unitId = JsonFiles.string(unit, "reportingunitID");
		if (county != null && unitId != null && this.keyed.size() < 100_000 && this.keyed.add("unit/" + unitId)) {
			this.sink.key(SourceKey.unit(keyScope(), unitId, county, null, county, line, at));
		}
		if (!"state".equals(level) && county == null) {
			problem(new Problem(line, "reportingunitName", null, "a reporting unit without its name", at));
			return;
		}
		Instant updated = instant(JsonFiles.string(unit, "lastUpdated"));
		if (updated != null && (this.lastUpdated == null || updated.isAfter(this.lastUpdated))) {
			this.lastUpdated = updated;
		}
		JsonNode candidates = unit.get("candidates");
		if (candidates == null || !candidates.isArray()) {
			problem(new Problem(line, "candidates", null, "a reporting unit without its candidates array",
					at + "/candidates"));
			return;
		}
		long votes = 0;
		for (int i = 0; i < candidates.size(); i++) {
			long candidateVotes = candidate(race, county, candidates.get(i), line, at + "/candidates/" + i);
			votes = (votes < 0 || candidateVotes < 0) ? -1 : votes + candidateVotes;
		}
		// a state row beside its counties: its counts are the contest's totals, its
		// precincts are the counties' (never counted twice)
		Integer reporting = totals ? null : integer(unit.get("precinctsReporting"));
		Integer total = totals ? null : integer(unit.get("precinctsTotal"));
		Long expected = (votes >= 0) ? expectedVotes(race, unit, "state".equals(level), votes, line, at) : null;
		if (reporting != null || total != null || expected != null) {
			this.sink.progress(new ProgressRow(line, county, null, race.office, race.district, reporting, total, null,
					null, null, expected, at));
		}
	}

	/**
	 * The expected vote of a counted unit from AP's {@code eevp} (estimated expected vote
	 * percentage: the share of the expected vote counted so far): the unit's own, else,
	 * for a race counted by its state row, the race's. Tally keeps the expected vote
	 * itself, the votes counted times 100 over the percentage, to the nearest vote, so
	 * that the share it shows is AP's. {@code null} when AP gives none, or 0.
	 */
	private Long expectedVotes(ApRace race, JsonNode unit, boolean stateRow, long votes, long line, String at) {
		JsonNode own = unit.get("eevp");
		String text = (own != null && own.isValueNode() && !own.isNull()) ? own.asString().strip()
				: stateRow ? race.eevp : null;
		if (text == null) {
			if (race.eevp != null && !stateRow && !race.levels.contains("state") && this.warnedEevp.add(race.id)) {
				this.sink.warning(new Problem(race.line, "eevp", race.eevp,
						"race " + race.id + " (" + race.office
								+ "): AP's expected vote is given for the whole race, not for each county, so Tally's "
								+ "county units have none",
						race.at + "/eevp"));
			}
			return null;
		}
		BigDecimal percent;
		try {
			percent = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			percent = null;
		}
		if (percent == null || percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
			this.sink.warning(new Problem(line, "eevp", text,
					"AP's expected vote percentage should be a number from 0 to 100: left out",
					(own != null) ? at + "/eevp" : race.at + "/eevp"));
			return null;
		}
		if (percent.signum() == 0) {
			return null;
		}
		BigDecimal expected = BigDecimal.valueOf(votes).multiply(HUNDRED).divide(percent, 0, RoundingMode.HALF_UP);
		if (expected.compareTo(MAX_EXPECTED) > 0) {
			// a percentage so small that the estimate passes any electorate
			this.sink.warning(new Problem(line, "eevp", text,
					"AP's expected vote percentage gives more than 10^12 expected votes: left out",
					(own != null) ? at + "/eevp" : race.at + "/eevp"));
			return null;
		}
		return expected.longValueExact();
	}

	/**
	 * @return the candidate's votes, or -1 when they cannot be read
	 */
	private long candidate(ApRace race, String county, JsonNode candidate, long line, String at) {
		this.rows++;
		String name = name(candidate);
		if (name == null) {
			problem(new Problem(line, "last", null, "a candidate without a name", at));
			return -1;
		}
		JsonNode value = candidate.get("voteCount");
		Long votes = JsonFiles.count(value);
		if (votes == null) {
			problem(new Problem(line, "voteCount", JsonFiles.shown(value),
					"voteCount must be a whole number of votes, 0 or more (at most 10^12)", at + "/voteCount"));
			return -1;
		}
		ChoiceNameNormaliser.Name normalised = ChoiceNameNormaliser.normalise(name,
				race.measure ? null : JsonFiles.string(candidate, "party"));
		String candidateId = JsonFiles.string(candidate, "candidateID");
		if (candidateId != null && race.id != null && this.keyed.size() < 100_000
				&& this.keyed.add(race.id + "/" + candidateId)) {
			this.sink.key(SourceKey.choice(keyScope(), race.id + "/" + candidateId, race.office, race.district,
					normalised.name(), name, line, at));
		}
		Boolean incumbent = candidate.path("incumbent").isBoolean()
				? Boolean.valueOf(candidate.path("incumbent").asBoolean())
				: normalised.incumbent() ? Boolean.TRUE : null;
		this.sink.count(
				new CountRow(line, county, null, race.office, race.district, race.measure ? null : normalised.party(),
						normalised.name(), VoteType.TOTAL, votes, incumbent, null, name, at));
		return votes;
	}

	private void winners(ApRace race, JsonNode unit, long line, String at) {
		JsonNode candidates = unit.get("candidates");
		if (candidates == null || !candidates.isArray()) {
			return;
		}
		for (int i = 0; i < candidates.size(); i++) {
			String flag = JsonFiles.string(candidates.get(i), "winner");
			String written = name(candidates.get(i));
			if (written != null && ("X".equalsIgnoreCase(flag) || "R".equalsIgnoreCase(flag))) {
				String name = ChoiceNameNormaliser.name(written);
				this.sink.winner(new WinnerRow(line, race.office, race.district, name, "R".equalsIgnoreCase(flag),
						at + "/candidates/" + i + "/winner"));
			}
		}
	}

	/**
	 * AP's state row beside its counties, choice by choice, as reconciliation entries
	 * (docs/import.md, Reconciliation): the state row is stated, the counties' sum
	 * computed.
	 */
	private void reconcile(ApRace race) {
		if (!race.stateTotals()) {
			return;
		}
		String contest = race.office + (race.district.isEmpty() ? "" : ", " + race.district)
				+ ((race.id != null) ? " [raceID " + race.id + "]" : "");
		race.stateVotes
			.forEach((name, votes) -> this.sink.stated(new StatedTotal(contest, name, this.context.jurisdiction(),
					VoteType.TOTAL.code(), votes, race.unitVotes.getOrDefault(name, 0L), race.at + "/reportingUnits")));
		race.unitVotes.forEach((name, votes) -> {
			if (!race.stateVotes.containsKey(name)) {
				this.sink.stated(new StatedTotal(contest, name, this.context.jurisdiction(), VoteType.TOTAL.code(), 0,
						votes, race.at + "/reportingUnits"));
			}
		});
	}

	/** The scope of AP's ids: the state's races. */
	private String keyScope() {
		return "ap:" + this.state;
	}

	/**
	 * Warns about a race whose state row differs from the sum of its counties: its totals
	 * are the state row's, and the difference is noted on the contest.
	 */
	private void differences(ApRace race) {
		String differ = race.differences();
		if (differ != null) {
			this.sink.warning(new Problem(race.line, "reportingUnits", null,
					"race " + race.id + " (" + race.office + "): AP's state row differs from the sum of its "
							+ race.counties + " counties by " + differ
							+ "; the contest's totals are the state row's (AP's tabulation of record), the "
							+ "counties keep their own rows",
					race.at + "/reportingUnits"));
		}
	}

	static String name(JsonNode candidate) {
		StringBuilder name = new StringBuilder();
		for (String part : new String[] { "first", "middle", "last", "suffix" }) {
			String text = JsonFiles.string(candidate, part);
			if (text != null) {
				name.append((name.length() > 0) ? " " : "").append(text);
			}
		}
		return (name.length() > 0) ? name.toString() : null;
	}

	private static Integer integer(JsonNode node) {
		Long value = JsonFiles.count(node);
		return (value != null && value <= Integer.MAX_VALUE) ? value.intValue() : null;
	}

	private static Integer seats(String value) {
		if (value != null && value.matches("[0-9]{1,3}")) {
			int seats = Integer.parseInt(value);
			return (seats >= 1 && seats <= 100) ? seats : null;
		}
		return null;
	}

	private static Instant instant(String text) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String lower(String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

}
