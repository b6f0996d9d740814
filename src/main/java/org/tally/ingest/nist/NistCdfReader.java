package org.tally.ingest.nist;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.tally.ingest.kit.OtherCountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.ReadContext;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.SourceKey;
import org.tally.ingest.kit.StatedTotal;
import org.tally.results.VoteType;

/**
 * Reads a NIST SP 1500-100 v2 {@code ElectionReport} in JSON (what modern tabulators
 * export) into counts and progress.
 * <p>
 * NIST files refer to units, parties and candidates by {@code @id}, before or after their
 * definitions, so the file is read twice from the spooled copy: the first pass keeps the
 * small maps (units and what composes them, parties, candidates, which units hold counts
 * for each contest), the second streams the vote counts. Memory grows with the number of
 * units and candidates, never with the number of counts.
 * <p>
 * Which units count, and under which county, is {@link NistUnits}' rule: the units that
 * hold a contest's counts, except those holding the sums of others.
 */
public final class NistCdfReader {

	static final String REPORT_TYPE = "ElectionResults.ElectionReport";

	private static final long MAX_VOTES = 1_000_000_000_000L;

	private static final Set<String> COUNT_ITEM_TYPES = Set.of("absentee", "absentee-fwab", "absentee-in-person",
			"absentee-mail", "early", "election-day", "other", "provisional", "seats", "total", "uocava", "write-in");

	/** A count's slot is its {@link VoteType}'s ordinal, or {@link #UNPLACED}. */
	private static final VoteType[] SLOT_TYPES = VoteType.values();

	private static final int TOTAL = VoteType.TOTAL.ordinal();

	private static final int UNPLACED = SLOT_TYPES.length;

	private final ReadContext context;

	private final RowSink sink;

	private long problems;

	private long rows;

	private boolean second;

	private String reportType;

	private String scopeId;

	private String issuer;

	/**
	 * The current selection's counts at units Tally does not count (a county beside its
	 * precincts): each one's stated total, line and pointer, for the reconciliation.
	 */
	private final Map<Integer, Stated> stated = new LinkedHashMap<>();

	private final NistUnits units = new NistUnits();

	private final NistBallotCounts ballots = new NistBallotCounts();

	private final Map<String, JsonNode> parties = new HashMap<>();

	private final Map<String, JsonNode> persons = new HashMap<>();

	private final Map<String, JsonNode> candidates = new HashMap<>();

	private final List<Contest> contests = new ArrayList<>();

	private final List<Selection> selections = new ArrayList<>();

	private final Set<String> warned = new HashSet<>();

	private final Set<Integer> keyedUnits = new HashSet<>();

	private int contestAt;

	private int selectionAt;

	private NistCdfReader(ReadContext context, RowSink sink) {
		this.context = context;
		this.sink = sink;
	}

	/**
	 * Reads the report, twice. Never throws for bad content: every problem goes to the
	 * sink, with the JSON pointer of where it is.
	 * @throws IOException only when the file itself cannot be read
	 */
	public static ReadSummary read(FileSource source, ReadContext context, RowSink sink) throws IOException {
		NistCdfReader reader = new NistCdfReader(context, sink);
		if (reader.pass(source) && reader.checkReport()) {
			reader.resolve();
			reader.second = true;
			reader.pass(source);
			BitSet counted = new BitSet();
			reader.contests.stream().filter((contest) -> !contest.skipped).forEach((c) -> counted.or(c.counted));
			reader.ballots.reconcile(reader.units, counted, sink);
		}
		return new ReadSummary(ImportFormat.NIST_CDF, reader.rows, reader.problems, List.of());
	}

	private boolean pass(FileSource source) throws IOException {
		return JsonFiles.pass(source, this::report, this::problem);
	}

	private void problem(Problem problem) {
		this.problems++;
		this.sink.problem(problem);
	}

	private void warnOnce(String key, Problem warning) {
		if (this.warned.add(key)) {
			this.sink.warning(warning);
		}
	}

	// the walk, shared by both passes

	private void report(JsonParser p) {
		if (p.nextToken() != JsonToken.START_OBJECT) {
			problem(JsonFiles.problem(p, "not a NIST ElectionReport: the file is not a JSON object"));
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			p.nextToken();
			switch (name) {
				case "@type" -> this.reportType = p.currentToken().isScalarValue() ? p.getValueAsString() : "?";
				case "Issuer" -> {
					if (p.currentToken().isScalarValue()) {
						this.issuer = JsonFiles.blankToNull(p.getValueAsString());
					}
				}
				case "IsTest" -> isTest(p);
				case "Status" -> status(p);
				case "GeneratedDate" -> generatedDate(p);
				case "GpUnit" -> eachTree(p, "GpUnit", (node, at) -> this.units.define(node, at, this::problem));
				case "Party" -> eachTree(p, "Party", (node, at) -> define(this.parties, node, at, p));
				case "Person" -> eachTree(p, "Person", (node, at) -> define(this.persons, node, at, p));
				case "Election" -> JsonFiles.eachElement(p, this::problem, "Election", () -> election(p));
				default -> p.skipChildren();
			}
		}
	}

	private interface TreeHandler {

		void handle(JsonNode node, String at);

	}

	/** The small objects are read as trees, in the first pass only. */
	private void eachTree(JsonParser p, String what, TreeHandler handler) {
		if (this.second) {
			p.skipChildren();
			return;
		}
		JsonFiles.eachElement(p, this::problem, what, () -> {
			String at = JsonFiles.pointer(p);
			JsonNode node = JsonFiles.tree(p);
			if (!node.isObject()) {
				problem(JsonFiles.problem(p, at, node, what + " entries should be JSON objects"));
				return;
			}
			handler.handle(node, at);
		});
	}

	private void isTest(JsonParser p) {
		if (this.second) {
			return;
		}
		if (!p.currentToken().isBoolean()) {
			problem(JsonFiles.problem(p, "IsTest should be true or false"));
			p.skipChildren();
			return;
		}
		boolean test = p.currentToken() == JsonToken.VALUE_TRUE;
		if (test != this.context.test()) {
			problem(new Problem(JsonFiles.line(p), "IsTest", String.valueOf(test),
					test ? "the file is a test report (IsTest true) but the election holds real results"
							: "the file holds real results (IsTest false) but the election is a test election",
					JsonFiles.pointer(p)));
		}
	}

	private void status(JsonParser p) {
		String status = p.currentToken().isScalarValue() ? p.getValueAsString() : null;
		p.skipChildren();
		if (!this.second && ("correction".equals(status) || "recount".equals(status))) {
			this.sink.warning(new Problem(JsonFiles.line(p), "Status", status,
					"the report is a " + status + ": counts that go down are applied only with correction=<reason>",
					JsonFiles.pointer(p)));
		}
	}

	private void generatedDate(JsonParser p) {
		String text = p.currentToken().isScalarValue() ? p.getValueAsString() : null;
		p.skipChildren();
		if (this.second || text == null) {
			return;
		}
		try {
			this.sink.sourceUpdatedAt(OffsetDateTime.parse(text.strip()).toInstant());
		}
		catch (DateTimeParseException ex) {
			try {
				this.sink.sourceUpdatedAt(Instant.parse(text.strip()));
			}
			catch (DateTimeParseException again) {
				this.sink.warning(new Problem(JsonFiles.line(p), "GeneratedDate", text,
						"not a date and time with its zone; the import's time is used", JsonFiles.pointer(p)));
			}
		}
	}

	private void define(Map<String, JsonNode> into, JsonNode node, String at, JsonParser p) {
		String id = JsonFiles.string(node, "@id");
		if (id == null) {
			problem(JsonFiles.problem(p, at, null, "missing @id"));
			return;
		}
		if (into.putIfAbsent(id, node) != null) {
			problem(JsonFiles.problem(p, at + "/@id", node.get("@id"), "@id defined twice"));
		}
	}

	private void election(JsonParser p) {
		if (p.currentToken() != JsonToken.START_OBJECT) {
			problem(JsonFiles.problem(p, "an Election should be a JSON object"));
			p.skipChildren();
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			p.nextToken();
			switch (name) {
				case "ElectionScopeId" -> {
					if (this.scopeId == null && p.currentToken().isScalarValue()) {
						this.scopeId = JsonFiles.blankToNull(p.getValueAsString());
					}
				}
				case "Candidate" -> eachTree(p, "Candidate", (node, at) -> define(this.candidates, node, at, p));
				case "Contest" -> JsonFiles.eachElement(p, this::problem, "Contest", () -> contest(p));
				case "BallotCounts" -> eachTree(p, "BallotCounts",
						(node, at) -> this.ballots.add(node, at, JsonFiles.line(p), this::problem));
				default -> p.skipChildren();
			}
		}
	}

	private void contest(JsonParser p) {
		Contest contest;
		if (this.second) {
			if (this.contestAt >= this.contests.size()) {
				// the second reading met a contest the first did not (a damaged file)
				problem(JsonFiles.problem(p, "a Contest the file's first reading did not find"));
				p.skipChildren();
				return;
			}
			contest = this.contests.get(this.contestAt++);
		}
		else {
			contest = new Contest(JsonFiles.line(p), JsonFiles.pointer(p));
			this.contests.add(contest);
		}
		if (p.currentToken() != JsonToken.START_OBJECT) {
			if (!this.second) {
				problem(JsonFiles.problem(p, "a Contest should be a JSON object"));
				contest.skipped = true;
			}
			p.skipChildren();
			return;
		}
		if (this.second && !contest.skipped) {
			this.sink.contest(
					new ContestRow(contest.line, contest.office, contest.district, contest.measure, contest.seats));
			if (contest.id != null) {
				this.sink.key(SourceKey.contest(keyScope(), contest.id, contest.office, contest.district, contest.name,
						contest.line, contest.at));
			}
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			p.nextToken();
			if (this.second) {
				if (name.equals("ContestSelection")) {
					JsonFiles.eachElement(p, (problem) -> {
					}, "ContestSelection", () -> selection(p, contest));
				}
				else if (name.equals("OtherCounts") && !contest.skipped) {
					JsonFiles.eachElement(p, (problem) -> {
					}, "OtherCounts", () -> otherCounts(p, contest));
				}
				else {
					p.skipChildren();
				}
				continue;
			}
			switch (name) {
				case "@type" -> contest.type = p.currentToken().isScalarValue() ? p.getValueAsString() : "?";
				case "@id" ->
					contest.id = p.currentToken().isScalarValue() ? JsonFiles.blankToNull(p.getValueAsString()) : null;
				case "Name", "BallotTitle" -> {
					String text = JsonFiles.text(JsonFiles.tree(p));
					if (name.equals("Name") || contest.name == null) {
						contest.name = (text != null) ? text : contest.name;
					}
				}
				case "ElectionDistrictId" -> contest.districtId = p.currentToken().isScalarValue()
						? JsonFiles.blankToNull(p.getValueAsString()) : null;
				case "NumberElected", "VotesAllowed" -> {
					Integer seats = integer(JsonFiles.tree(p));
					if (seats != null && seats >= 1 && seats <= 100
							&& (name.equals("NumberElected") || contest.seats == null)) {
						contest.seats = seats;
					}
				}
				case "ContestSelection" ->
					JsonFiles.eachElement(p, this::problem, "ContestSelection", () -> selection(p, contest));
				default -> p.skipChildren();
			}
		}
		if (this.second && !contest.skipped) {
			progress(contest);
		}
	}

	private void selection(JsonParser p, Contest contest) {
		Selection selection;
		if (this.second) {
			if (this.selectionAt >= this.selections.size()) {
				// the second reading met a selection the first did not (a damaged file)
				problem(JsonFiles.problem(p, "a ContestSelection the file's first reading did not find"));
				p.skipChildren();
				return;
			}
			selection = this.selections.get(this.selectionAt++);
		}
		else {
			selection = new Selection(contest, JsonFiles.line(p), JsonFiles.pointer(p));
			this.selections.add(selection);
		}
		if (p.currentToken() != JsonToken.START_OBJECT) {
			if (!this.second) {
				problem(JsonFiles.problem(p, "a ContestSelection should be a JSON object"));
			}
			p.skipChildren();
			return;
		}
		Map<Integer, Counts> counts = this.second ? new LinkedHashMap<>() : null;
		this.stated.clear();
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			p.nextToken();
			if (name.equals("VoteCounts")) {
				JsonFiles.eachElement(p, this.second ? (problem) -> {
				} : this::problem, "VoteCounts", () -> voteCounts(p, contest, counts));
				continue;
			}
			if (this.second) {
				p.skipChildren();
				continue;
			}
			switch (name) {
				case "@type" -> selection.type = p.currentToken().isScalarValue() ? p.getValueAsString() : "?";
				case "@id" -> selection.id = p.currentToken().isScalarValue()
						? JsonFiles.blankToNull(p.getValueAsString()) : null;
				case "CandidateIds" -> selection.candidateIds = ids(JsonFiles.tree(p));
				case "PartyIds" -> selection.partyIds = ids(JsonFiles.tree(p));
				case "Selection" -> selection.text = JsonFiles.text(JsonFiles.tree(p));
				case "IsWriteIn" -> selection.writeIn = p.currentToken() == JsonToken.VALUE_TRUE;
				default -> p.skipChildren();
			}
		}
		if (this.second) {
			emit(selection, counts);
		}
	}

	private void voteCounts(JsonParser p, Contest contest, Map<Integer, Counts> counts) {
		long line = JsonFiles.line(p);
		String at = JsonFiles.pointer(p);
		JsonNode node = JsonFiles.tree(p);
		if (!node.isObject()) {
			if (!this.second) {
				problem(JsonFiles.problem(p, at, node, "VoteCounts entries should be JSON objects"));
			}
			return;
		}
		String unitId = JsonFiles.string(node, "GpUnitId");
		if (!this.second) {
			this.rows++;
			if (unitId == null) {
				problem(new Problem(line, "GpUnitId", null, "VoteCounts without a GpUnitId", at));
				return;
			}
			contest.units.set(this.units.reference(unitId, line, at + "/GpUnitId").index);
			JsonNode round = node.get("Round");
			if (round == null) {
				contest.unrounded = true;
			}
			else if (integer(round) != null) {
				contest.finalRound = Math.max(contest.finalRound, integer(round));
			}
			return;
		}
		NistUnits.Unit unit = this.units.find(unitId);
		if (unit == null || contest.skipped || !contest.counted.get(unit.index)) {
			if (unit != null && !contest.skipped) {
				stated(contest, unit, node, line, at);
			}
			if (unit != null && !contest.skipped && count(node.get("Count")) == null) {
				// a unit Tally does not publish (a jurisdiction beside its counties)
				// still
				// states its counts: a bad one is never ignored
				problem(new Problem(line, "Count", JsonFiles.shown(node.get("Count")),
						"Count must be a whole number of votes, 0 or more (at most 10^12), also at " + unitId
								+ ", a unit whose counts Tally does not publish",
						at + "/Count"));
			}
			return;
		}
		String type = lower(JsonFiles.string(node, "Type"));
		if (type == null || !COUNT_ITEM_TYPES.contains(type)) {
			problem(new Problem(line, "Type", JsonFiles.string(node, "Type"), "unknown CountItemType: expected one of "
					+ String.join(", ", COUNT_ITEM_TYPES.stream().sorted().toList()), at + "/Type"));
			return;
		}
		if (node.has("Round") && !finalRound(contest, node, line, at)) {
			return;
		}
		String otherType = lower(JsonFiles.string(node, "OtherType"));
		if (type.equals("seats") || (type.equals("other") && otherType != null
				&& (otherType.contains("over") || otherType.contains("under") || otherType.contains("blank")))) {
			return;
		}
		JsonNode value = node.get("Count");
		Long votes = count(value);
		if (votes == null) {
			problem(new Problem(line, "Count", JsonFiles.shown(value),
					"Count must be a whole number of votes, 0 or more (at most 10^12)", at + "/Count"));
			return;
		}
		int slot = slot(type);
		if (slot == UNPLACED) {
			String shown = type.equals("other") && otherType != null ? "other (" + otherType + ")" : type;
			warnOnce("unplaced:" + shown,
					new Problem(line, "Type", shown,
							"votes of type " + shown + " count toward the total only: Tally has no vote type for them",
							at + "/Type"));
		}
		String key = type.equals("other") ? "other:" + otherType : type;
		Counts unitCounts = counts.computeIfAbsent(unit.index, (u) -> new Counts(line, at));
		if (node.has("DeviceClass")) {
			// a filter of the unit's counts by the kind of device that read the ballots
			// (NIST's Counts): the sum over device classes stands in for the unit's own
			// count only when the file gives none
			unitCounts.byDevice.merge(key, votes, Long::sum);
			warnOnce("device",
					new Problem(line, "DeviceClass", null,
							"counts by device class are read only where the unit has no count of its own of that type: "
									+ "they are a breakdown of it",
							at + "/DeviceClass"));
			return;
		}
		Long earlier = unitCounts.raw.putIfAbsent(key, votes);
		if (earlier != null && earlier.longValue() != votes) {
			problem(new Problem(line, "Count", String.valueOf(votes), "the unit " + unit.name + " already has "
					+ earlier + " votes of type " + key + " for this selection", at + "/Count"));
			return;
		}
		if (earlier == null) {
			unitCounts.slots[slot] += votes;
			unitCounts.seen |= 1 << slot;
		}
	}

	/**
	 * Keeps the total a unit Tally does not count states for the current selection (a
	 * county beside its precincts), to compare with its counted units' sum
	 * (docs/import.md, Reconciliation): counts of type total only, not filtered by
	 * device, at the contest's final round.
	 */
	private void stated(Contest contest, NistUnits.Unit unit, JsonNode node, long line, String at) {
		Long value = count(node.get("Count"));
		if (value == null || !"total".equals(lower(JsonFiles.string(node, "Type"))) || node.has("DeviceClass")
				|| this.stated.size() >= 10_000) {
			return;
		}
		if (node.has("Round")) {
			Integer round = integer(node.get("Round"));
			if (contest.unrounded || round == null || round != contest.finalRound) {
				return;
			}
		}
		this.stated.putIfAbsent(unit.index, new Stated(value, line, at + "/Count"));
	}

	/**
	 * Compares each total a unit Tally does not count stated for the selection with the
	 * sum of the counted units inside it (those composing it, or, for the election's
	 * scope and the contest's district when nothing composes them, every counted unit).
	 */
	private void reconcile(Selection selection, Map<Integer, Long> totals) {
		if (this.stated.isEmpty() || selection.name == null) {
			return;
		}
		Map<Integer, long[]> computed = new HashMap<>();
		this.stated.keySet().forEach((index) -> computed.put(index, new long[] { 0, 0 }));
		long all = 0;
		for (Map.Entry<Integer, Long> entry : totals.entrySet()) {
			all += entry.getValue();
			this.units.within(entry.getKey(), (outer) -> {
				long[] sum = computed.get(outer);
				if (sum != null) {
					sum[0] += entry.getValue();
					sum[1]++;
				}
			});
		}
		Contest contest = selection.contest;
		NistUnits.Unit district = this.units.find(contest.districtId);
		for (Map.Entry<Integer, Stated> entry : this.stated.entrySet()) {
			long[] sum = computed.get(entry.getKey());
			NistUnits.Unit unit = this.units.get(entry.getKey());
			boolean wide = this.units.isScope(unit) || (district != null && district.index == unit.index);
			if (sum[1] == 0 && !wide || totals.isEmpty()) {
				// nothing Tally counts lies inside it: a breakdown (a device), not a sum
				continue;
			}
			Stated stated = entry.getValue();
			this.sink.stated(new StatedTotal(contestNamed(contest), selection.name, unit.name, VoteType.TOTAL.code(),
					stated.value, (sum[1] > 0) ? sum[0] : all, stated.at));
		}
	}

	/** The contest as the reconciliation names it: its name and {@code @id}. */
	private static String contestNamed(Contest contest) {
		String name = contest.district.isEmpty() ? contest.office : contest.office + ", " + contest.district;
		return (contest.id != null) ? name + " [" + contest.id + "]" : name;
	}

	/**
	 * A contest's {@code OtherCounts} entry: its over- and under-votes in a unit Tally
	 * counts, kept as the contest's other counts, never votes.
	 */
	private void otherCounts(JsonParser p, Contest contest) {
		long line = JsonFiles.line(p);
		String at = JsonFiles.pointer(p);
		JsonNode node = JsonFiles.tree(p);
		if (!node.isObject() || node.has("DeviceClass")) {
			return;
		}
		NistUnits.Unit unit = this.units.find(JsonFiles.string(node, "GpUnitId"));
		if (unit == null || !contest.counted.get(unit.index)) {
			return;
		}
		String county = this.units.county(unit);
		String precinct = this.units.precinct(unit);
		for (OtherCountRow.Kind kind : List.of(OtherCountRow.Kind.OVERVOTES, OtherCountRow.Kind.UNDERVOTES)) {
			String field = kind == OtherCountRow.Kind.OVERVOTES ? "Overvotes" : "Undervotes";
			JsonNode value = node.get(field);
			if (value == null || value.isNull()) {
				continue;
			}
			Long figure = count(value);
			if (figure == null) {
				problem(new Problem(line, field, JsonFiles.shown(value),
						field + " must be a whole number, 0 or more (at most 10^12)", at + "/" + field));
				continue;
			}
			this.sink.otherCount(new OtherCountRow(line, county, precinct, contest.office, contest.district, kind,
					figure, at + "/" + field));
		}
	}

	/** The scope of the file's {@code @id}s: its issuer and election scope. */
	private String keyScope() {
		return "nist:" + ((this.issuer != null) ? this.issuer : "") + ":"
				+ ((this.scopeId != null) ? this.scopeId : "");
	}

	/**
	 * Ranked-choice counts (NIST's {@code Round}): a contest whose counts all carry a
	 * round is read at its final round, the counts of the earlier rounds being left out;
	 * where the contest also has counts without a round, those are the unit's and every
	 * round is left out.
	 * @return whether to read this count
	 */
	private boolean finalRound(Contest contest, JsonNode node, long line, String at) {
		Integer round = integer(node.get("Round"));
		if (!contest.unrounded && round != null && round == contest.finalRound) {
			warnOnce("round:" + contest.at,
					new Problem(line, "Round", String.valueOf(round), "ranked-choice counts: the final round (" + round
							+ ") is read as the contest's counts, the earlier rounds are left out", at));
			return true;
		}
		warnOnce("round", new Problem(line, "Round", JsonFiles.shown(node.get("Round")),
				contest.unrounded ? "counts by round are left out: the contest has counts without a round, and those "
						+ "are read" : "counts of an earlier round are left out: the final round is read",
				at + "/Round"));
		return false;
	}

	private static int slot(String type) {
		return VoteType.ofNist(type).map(VoteType::ordinal).orElse(UNPLACED);
	}

	private void emit(Selection selection, Map<Integer, Counts> counts) {
		if (selection.name == null) {
			return;
		}
		Contest contest = selection.contest;
		if (selection.id != null) {
			this.sink.key(SourceKey.choice(keyScope(), selection.id, contest.office, contest.district, selection.name,
					(selection.written != null) ? selection.written : selection.name, selection.line, selection.at));
		}
		Map<Integer, Long> totals = new HashMap<>();
		for (Map.Entry<Integer, Counts> entry : counts.entrySet()) {
			NistUnits.Unit unit = this.units.get(entry.getKey());
			Counts unitCounts = entry.getValue();
			unitCounts.byDevice.forEach((key, votes) -> {
				if (unitCounts.raw.putIfAbsent(key, votes) == null) {
					int slot = slot(key.startsWith("other:") ? "other" : key);
					unitCounts.slots[slot] += votes;
					unitCounts.seen |= 1 << slot;
				}
			});
			long parts = 0;
			for (int slot = 1; slot <= UNPLACED; slot++) {
				parts += unitCounts.slots[slot];
			}
			boolean stated = (unitCounts.seen & 1) != 0;
			long total = stated ? unitCounts.slots[TOTAL] : parts;
			if (total > MAX_VOTES) {
				problem(new Problem(unitCounts.line, "Count", String.valueOf(total),
						"more than 10^12 votes in one unit", unitCounts.at));
				continue;
			}
			if (stated && (unitCounts.seen & ~1) != 0 && parts != total) {
				this.sink
					.warning(
							new Problem(unitCounts.line, "Count", String.valueOf(total),
									"the vote types of " + selection.name + " in " + unit.name + " add up to " + parts
											+ ", not the stated total " + total + "; the total is kept",
									unitCounts.at));
			}
			String county = this.units.county(unit);
			String precinct = this.units.precinct(unit);
			totals.put(entry.getKey(), total);
			unitKey(unit, county, precinct, unitCounts);
			for (int slot = TOTAL; slot < UNPLACED; slot++) {
				if (slot == TOTAL || (unitCounts.seen & (1 << slot)) != 0) {
					this.sink.count(new CountRow(unitCounts.line, county, precinct, contest.office, contest.district,
							selection.party, selection.name, SLOT_TYPES[slot],
							(slot == TOTAL) ? total : unitCounts.slots[slot], selection.incumbent,
							selection.writeIn ? Boolean.TRUE : null,
							(selection.written != null) ? selection.written : selection.name, unitCounts.at));
				}
			}
		}
		reconcile(selection, totals);
	}

	/** A counted unit's {@code @id}, once a file. */
	private void unitKey(NistUnits.Unit unit, String county, String precinct, Counts at) {
		if (this.keyedUnits.size() < 100_000 && this.keyedUnits.add(unit.index)) {
			this.sink.key(SourceKey.unit(keyScope(), unit.id, county, precinct, unit.name, at.line, at.at));
		}
	}

	private void progress(Contest contest) {
		for (int at = contest.counted.nextSetBit(0); at >= 0; at = contest.counted.nextSetBit(at + 1)) {
			NistUnits.Unit unit = this.units.get(at);
			if (unit.hasProgress()) {
				this.sink.progress(new ProgressRow(contest.line, this.units.county(unit), this.units.precinct(unit),
						contest.office, contest.district, unit.subUnitsReported, unit.totalSubUnits,
						unit.votersParticipated, unit.votersRegistered, null, null, contest.at));
			}
		}
	}

	// between the passes: references, roles, names

	private boolean checkReport() {
		if (!REPORT_TYPE.equals(this.reportType)) {
			problem(new Problem(1, "@type", this.reportType,
					"not a NIST SP 1500-100 v2 ElectionReport: @type should be " + REPORT_TYPE, "/@type"));
			return false;
		}
		return true;
	}

	private void resolve() {
		this.units.link(this.scopeId, this::problem, this::warnOnce);
		this.ballots.resolve(this.units);
		Map<String, Integer> names = new HashMap<>();
		for (Contest contest : this.contests) {
			if (!contest.skipped) {
				contestNames(contest);
				if (!contest.skipped) {
					names.merge(contest.name, 1, Integer::sum);
				}
			}
		}
		for (Contest contest : this.contests) {
			if (contest.skipped) {
				continue;
			}
			contest.office = contest.name;
			contest.district = "";
			if (names.get(contest.name) > 1 && contest.districtId != null) {
				NistUnits.Unit district = this.units.find(contest.districtId);
				contest.district = (district != null) ? district.name : contest.districtId;
			}
			if (contest.district.length() > 100) {
				contest.district = contest.district.substring(0, 100);
			}
			countedUnits(contest);
		}
		for (Selection selection : this.selections) {
			if (!selection.contest.skipped) {
				choice(selection);
			}
			if ("Write-in".equals(selection.name)) {
				// a vote-for-N contest may have one anonymous write-in selection per seat
				int earlier = selection.contest.writeIns++;
				selection.name = (earlier == 0) ? "Write-in" : "Write-in " + (earlier + 1);
			}
		}
	}

	private void contestNames(Contest contest) {
		String type = (contest.type != null) ? contest.type : "";
		switch (type) {
			case "ElectionResults.CandidateContest" -> contest.measure = false;
			case "ElectionResults.BallotMeasureContest", "ElectionResults.RetentionContest" -> contest.measure = true;
			case "ElectionResults.PartyContest" -> {
				contest.skipped = true;
				warnOnce("party-contest", new Problem(contest.line, "@type", type,
						"straight-party contests are not races: left out", contest.at));
				return;
			}
			default -> {
				contest.skipped = true;
				problem(new Problem(contest.line, "@type", contest.type,
						"unknown contest @type: expected ElectionResults.CandidateContest, BallotMeasureContest, "
								+ "RetentionContest or PartyContest",
						contest.at + "/@type"));
				return;
			}
		}
		if (contest.name == null) {
			contest.skipped = true;
			problem(new Problem(contest.line, "Name", null, "a contest without a Name", contest.at));
		}
	}

	private void countedUnits(Contest contest) {
		BitSet counted = this.units.counted(contest.units, contest.districtId);
		if (counted == null) {
			problem(new Problem(contest.line, null, contest.name,
					"cannot tell which units to count: each one holding counts lies inside another", contest.at));
			counted = new BitSet();
		}
		contest.counted = counted;
	}

	private void choice(Selection selection) {
		String type = (selection.type != null) ? selection.type : "";
		if (selection.contest.measure) {
			String text = (selection.text != null) ? selection.text : null;
			if (text == null) {
				problem(new Problem(selection.line, "Selection", null, "a ballot measure selection without its text",
						selection.at));
				return;
			}
			selection.name = text.equalsIgnoreCase("yes") ? "Yes" : text.equalsIgnoreCase("no") ? "No" : text;
			return;
		}
		if (!type.equals("ElectionResults.CandidateSelection")) {
			problem(new Problem(selection.line, "@type", selection.type,
					"a candidate contest's selections should be ElectionResults.CandidateSelection", selection.at));
			return;
		}
		JsonNode top = null;
		for (String id : selection.candidateIds) {
			JsonNode candidate = this.candidates.get(id);
			if (candidate == null) {
				problem(new Problem(selection.line, "CandidateIds", id, "no Candidate has this @id",
						selection.at + "/CandidateIds"));
				return;
			}
			if (top == null || candidate.path("IsTopTicket").asBoolean(false)) {
				top = candidate;
			}
		}
		if (top == null) {
			if (selection.writeIn) {
				selection.name = "Write-in";
				return;
			}
			problem(new Problem(selection.line, "CandidateIds", null, "a candidate selection that names no candidate",
					selection.at));
			return;
		}
		String name = JsonFiles.text(top.get("BallotName"));
		JsonNode person = this.persons.get(JsonFiles.string(top, "PersonId"));
		if (name == null && person != null) {
			name = personName(person);
		}
		if (name == null) {
			problem(new Problem(selection.line, "BallotName", JsonFiles.string(top, "@id"),
					"a candidate without a BallotName", selection.at));
			return;
		}
		String partyId = JsonFiles.string(top, "PartyId");
		if (partyId == null && person != null) {
			partyId = JsonFiles.string(person, "PartyId");
		}
		if (partyId != null) {
			JsonNode party = this.parties.get(partyId);
			if (party == null) {
				problem(new Problem(selection.line, "PartyId", partyId, "no Party has this @id", selection.at));
				return;
			}
			String abbreviation = JsonFiles.text(party.get("Abbreviation"));
			selection.party = (abbreviation != null) ? abbreviation : JsonFiles.text(party.get("Name"));
		}
		// the one normaliser of docs/contract.md §3: "Jane Roe (REP)" names REP when no
		// PartyId does,
		// and "(I)" marks the incumbent when IsIncumbent says nothing
		ChoiceNameNormaliser.Name normalised = ChoiceNameNormaliser.normalise(name, selection.party);
		selection.written = name;
		selection.name = normalised.name();
		selection.party = normalised.party();
		selection.incumbent = top.path("IsIncumbent").isBoolean() ? Boolean.valueOf(top.path("IsIncumbent").asBoolean())
				: normalised.incumbent() ? Boolean.TRUE : null;
	}

	private static String personName(JsonNode person) {
		String full = JsonFiles.text(person.get("FullName"));
		if (full != null) {
			return full;
		}
		String first = JsonFiles.string(person, "FirstName");
		String last = JsonFiles.string(person, "LastName");
		if (first == null && last == null) {
			return null;
		}
		return ((first != null) ? first + " " : "") + ((last != null) ? last : "").strip();
	}

	// small helpers

	static List<String> ids(JsonNode node) {
		List<String> ids = new ArrayList<>();
		if (node == null) {
			return ids;
		}
		if (node.isString()) {
			for (String id : node.asString().strip().split("\\s+")) {
				if (!id.isEmpty()) {
					ids.add(id);
				}
			}
		}
		else if (node.isArray()) {
			for (JsonNode element : node) {
				if (element.isString() && !element.asString().isBlank()) {
					ids.add(element.asString().strip());
				}
			}
		}
		return ids;
	}

	/** A whole non-negative number of at most 10^12, from a number or numeric text. */
	static Long count(JsonNode node) {
		return JsonFiles.count(node);
	}

	static Integer integer(JsonNode node) {
		return JsonFiles.integer(node);
	}

	private static String lower(String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

	private static final class Contest {

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

		Contest(long line, String at) {
			this.line = line;
			this.at = at;
		}

	}

	private static final class Selection {

		final Contest contest;

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

		Selection(Contest contest, long line, String at) {
			this.contest = contest;
			this.line = line;
			this.at = at;
		}

	}

	/** A total stated at a unit Tally does not count: its value, line and pointer. */
	private record Stated(long value, long line, String at) {
	}

	/**
	 * One selection's counts in one unit, by vote type, while its VoteCounts are read.
	 */
	private static final class Counts {

		final long line;

		final String at;

		final long[] slots = new long[UNPLACED + 1];

		final Map<String, Long> raw = new HashMap<>(4);

		/** Counts filtered by {@code DeviceClass}, summed by type. */
		final Map<String, Long> byDevice = new HashMap<>(2);

		int seen;

		Counts(long line, String at) {
			this.line = line;
			this.at = at;
		}

	}

}
