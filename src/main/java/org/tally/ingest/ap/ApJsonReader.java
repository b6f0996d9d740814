package org.tally.ingest.ap;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
import org.tally.ingest.kit.NameKeys;
import org.tally.ingest.kit.ReadContext;
import org.tally.ingest.kit.ReaderReport;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.SourceKey;
import org.tally.ingest.kit.States;
import org.tally.results.VoteType;
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

	private final ReadContext context;

	/** The candidates and units whose ids went to the sink. */
	private final Set<String> keyed = new HashSet<>();

	private final RowSink sink;

	private final ReaderReport report;

	private final String state;

	private final List<ApRace> races = new ArrayList<>();

	private boolean second;

	private int raceAt;

	private long rows;

	private Instant lastUpdated;

	private Instant timestamp;

	private boolean sawRaces;

	private ApJsonReader(ReadContext context, RowSink sink) {
		this.context = context;
		this.sink = sink;
		this.report = new ReaderReport(sink);
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
			if (updated != null && reader.report.problems() == 0) {
				sink.sourceUpdatedAt(updated);
			}
		}
		return new ReadSummary(ImportFormat.AP_JSON, reader.rows, reader.report.problems(), List.of());
	}

	private boolean pass(FileSource source) throws IOException {
		return JsonFiles.pass(source, this::file, this.report::problem);
	}

	private boolean check() {
		if (!this.sawRaces) {
			this.report
				.problem(new Problem(1, "races", null, "not an AP results file: it has no \"races\" array", "/races"));
			return false;
		}
		if (this.state == null) {
			this.report
				.problem(
						new Problem(0, null, this.context.jurisdiction(),
								"the election's jurisdiction is not a US "
										+ "state, so Tally cannot tell which of the AP file's races are its own",
								null));
			return false;
		}
		for (ApRace race : this.races) {
			if (race.skipped) {
				continue;
			}
			if (race.state != null && !race.state.equalsIgnoreCase(this.state)) {
				race.skipped = true;
				this.report.warning(new Problem(race.line, "statePostal", race.state, "race " + race.id + " ("
						+ race.office + ") is in " + race.state + ", not " + this.state + ": skipped", race.at));
				continue;
			}
			ApRaceChecks.differences(race, this.report);
			ApRaceChecks.reconcile(race, this.context.jurisdiction(), this.sink);
			if (race.test != null && race.test != this.context.test()) {
				this.report.problem(new Problem(race.line, "test", String.valueOf(race.test),
						race.test ? "the AP race is test data (test true) but the election holds real results"
								: "the AP race holds real results (test false) but the election is a test election",
						race.at + "/test"));
			}
		}
		return true;
	}

	private void file(JsonParser p) {
		if (p.nextToken() != JsonToken.START_OBJECT) {
			this.report.problem(JsonFiles.problem(p, "not an AP results file: the file is not a JSON object"));
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			p.nextToken();
			switch (name) {
				case "races" -> {
					this.sawRaces = true;
					JsonFiles.eachElement(p, this.second ? (problem) -> {
					} : this.report::problem, "races", () -> race(p));
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
				this.report.problem(JsonFiles.problem(p, "a race the file's first reading did not find"));
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
				this.report.problem(JsonFiles.problem(p, "a race should be a JSON object"));
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
				} : this.report::problem, "reportingUnits", () -> reportingUnit(p, race));
				continue;
			}
			if (this.second || !p.currentToken().isScalarValue()) {
				p.skipChildren();
				continue;
			}
			race.field(name, p);
		}
		if (!this.second) {
			name(race);
		}
	}

	private void name(ApRace race) {
		if (race.officeName == null) {
			race.skipped = true;
			this.report.problem(new Problem(race.line, "officeName", null, "a race without an officeName", race.at));
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
		if (this.second && race.skipped) {
			p.skipChildren();
			return;
		}
		if (!this.second) {
			race.readUnit(p, this.context.jurisdiction(), this.report);
			return;
		}
		JsonNode unit = JsonFiles.tree(p);
		String level = NameKeys.lower(JsonFiles.string(unit, "level"));
		String counted = race.countedLevel();
		boolean stateRow = "state".equals(level);
		if (stateRow) {
			ApRaceChecks.winners(race, unit, line, at, this.sink);
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
			this.report.problem(new Problem(line, "reportingunitName", null, "a reporting unit without its name", at));
			return;
		}
		Instant updated = instant(JsonFiles.string(unit, "lastUpdated"));
		if (updated != null && (this.lastUpdated == null || updated.isAfter(this.lastUpdated))) {
			this.lastUpdated = updated;
		}
		JsonNode candidates = unit.get("candidates");
		if (candidates == null || !candidates.isArray()) {
			this.report.problem(new Problem(line, "candidates", null, "a reporting unit without its candidates array",
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
		Integer reporting = totals ? null : JsonFiles.integer(unit.get("precinctsReporting"));
		Integer total = totals ? null : JsonFiles.integer(unit.get("precinctsTotal"));
		Long expected = (votes >= 0)
				? ApExpectedVote.of(race, unit, "state".equals(level), votes, line, at, this.report) : null;
		if (reporting != null || total != null || expected != null) {
			this.sink.progress(new ProgressRow(line, county, null, race.office, race.district, reporting, total, null,
					null, null, expected, at));
		}
	}

	/**
	 * @return the candidate's votes, or -1 when they cannot be read
	 */
	private long candidate(ApRace race, String county, JsonNode candidate, long line, String at) {
		this.rows++;
		String name = ApRace.name(candidate);
		if (name == null) {
			this.report.problem(new Problem(line, "last", null, "a candidate without a name", at));
			return -1;
		}
		JsonNode value = candidate.get("voteCount");
		Long votes = JsonFiles.count(value);
		if (votes == null) {
			this.report.problem(new Problem(line, "voteCount", JsonFiles.shown(value),
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

	/** The scope of AP's ids: the state's races. */
	private String keyScope() {
		return "ap:" + this.state;
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

}
