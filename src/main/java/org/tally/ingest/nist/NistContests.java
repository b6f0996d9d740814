package org.tally.ingest.nist;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.JsonFiles;
import org.tally.ingest.kit.OtherCountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.ReaderReport;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.SourceKey;

/**
 * A NIST report's contests and their selections: what the first pass finds of each, how
 * they are named between the passes, and, in the second pass, the same contests and
 * selections met again in the same order, their counts handed to {@link NistCounts}.
 */
final class NistContests {

	private final NistIndex index;

	private final ReaderReport report;

	private final RowSink sink;

	private final NistCounts counts;

	private final List<NistContest> contests = new ArrayList<>();

	private final List<NistSelection> selections = new ArrayList<>();

	private int contestAt;

	private int selectionAt;

	private boolean second;

	NistContests(NistIndex index, ReaderReport report, RowSink sink, NistCounts counts) {
		this.index = index;
		this.report = report;
		this.sink = sink;
		this.counts = counts;
	}

	/** The second pass begins. */
	void second() {
		this.second = true;
	}

	/** The units counted in some contest read. */
	BitSet counted() {
		BitSet counted = new BitSet();
		this.contests.stream().filter((contest) -> !contest.skipped).forEach((c) -> counted.or(c.counted));
		return counted;
	}

	void contest(JsonParser p) {
		NistContest contest;
		if (this.second) {
			if (this.contestAt >= this.contests.size()) {
				// the second reading met a contest the first did not (a damaged file)
				this.report.problem(JsonFiles.problem(p, "a Contest the file's first reading did not find"));
				p.skipChildren();
				return;
			}
			contest = this.contests.get(this.contestAt++);
		}
		else {
			contest = new NistContest(JsonFiles.line(p), JsonFiles.pointer(p));
			this.contests.add(contest);
		}
		if (p.currentToken() != JsonToken.START_OBJECT) {
			if (!this.second) {
				this.report.problem(JsonFiles.problem(p, "a Contest should be a JSON object"));
				contest.skipped = true;
			}
			p.skipChildren();
			return;
		}
		if (this.second) {
			counted(p, contest);
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			p.nextToken();
			property(p, contest, name);
		}
	}

	/** The second pass of a contest: its rows, its selections' counts, its progress. */
	private void counted(JsonParser p, NistContest contest) {
		if (!contest.skipped) {
			this.sink.contest(
					new ContestRow(contest.line, contest.office, contest.district, contest.measure, contest.seats));
			if (contest.id != null) {
				this.sink.key(SourceKey.contest(this.index.keyScope(), contest.id, contest.office, contest.district,
						contest.name, contest.line, contest.at));
			}
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			p.nextToken();
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
		}
		if (!contest.skipped) {
			progress(contest);
		}
	}

	/**
	 * A contest's {@code OtherCounts} entry: its over- and under-votes in a unit Tally
	 * counts, kept as the contest's other counts, never votes.
	 */
	private void otherCounts(JsonParser p, NistContest contest) {
		long line = JsonFiles.line(p);
		String at = JsonFiles.pointer(p);
		JsonNode node = JsonFiles.tree(p);
		if (!node.isObject() || node.has("DeviceClass")) {
			return;
		}
		NistUnits.Unit unit = this.index.units.find(JsonFiles.string(node, "GpUnitId"));
		if (unit == null || !contest.counted.get(unit.index)) {
			return;
		}
		String county = this.index.units.county(unit);
		String precinct = this.index.units.precinct(unit);
		for (OtherCountRow.Kind kind : List.of(OtherCountRow.Kind.OVERVOTES, OtherCountRow.Kind.UNDERVOTES)) {
			String field = kind == OtherCountRow.Kind.OVERVOTES ? "Overvotes" : "Undervotes";
			JsonNode value = node.get(field);
			if (value == null || value.isNull()) {
				continue;
			}
			Long figure = JsonFiles.count(value);
			if (figure == null) {
				this.report.problem(new Problem(line, field, JsonFiles.shown(value),
						field + " must be a whole number, 0 or more (at most 10^12)", at + "/" + field));
				continue;
			}
			this.sink.otherCount(new OtherCountRow(line, county, precinct, contest.office, contest.district, kind,
					figure, at + "/" + field));
		}
	}

	/** The contest's progress at each unit it counts that states some. */
	private void progress(NistContest contest) {
		NistUnits units = this.index.units;
		for (int at = contest.counted.nextSetBit(0); at >= 0; at = contest.counted.nextSetBit(at + 1)) {
			NistUnits.Unit unit = units.get(at);
			if (unit.hasProgress()) {
				this.sink.progress(new ProgressRow(contest.line, units.county(unit), units.precinct(unit),
						contest.office, contest.district, unit.subUnitsReported, unit.totalSubUnits,
						unit.votersParticipated, unit.votersRegistered, null, null, contest.at));
			}
		}
	}

	/** One of a contest's properties, in the first pass. */
	private void property(JsonParser p, NistContest contest, String name) {
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
				Integer seats = JsonFiles.integer(JsonFiles.tree(p));
				if (seats != null && seats >= 1 && seats <= 100
						&& (name.equals("NumberElected") || contest.seats == null)) {
					contest.seats = seats;
				}
			}
			case "ContestSelection" ->
				JsonFiles.eachElement(p, this.report::problem, "ContestSelection", () -> selection(p, contest));
			default -> p.skipChildren();
		}
	}

	private void selection(JsonParser p, NistContest contest) {
		NistSelection selection;
		if (this.second) {
			if (this.selectionAt >= this.selections.size()) {
				// the second reading met a selection the first did not (a damaged file)
				this.report.problem(JsonFiles.problem(p, "a ContestSelection the file's first reading did not find"));
				p.skipChildren();
				return;
			}
			selection = this.selections.get(this.selectionAt++);
		}
		else {
			selection = new NistSelection(contest, JsonFiles.line(p), JsonFiles.pointer(p));
			this.selections.add(selection);
		}
		if (p.currentToken() != JsonToken.START_OBJECT) {
			if (!this.second) {
				this.report.problem(JsonFiles.problem(p, "a ContestSelection should be a JSON object"));
			}
			p.skipChildren();
			return;
		}
		Map<Integer, NistCounts.Counts> unitCounts = this.counts.begin(this.second);
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			p.nextToken();
			if (name.equals("VoteCounts")) {
				JsonFiles.eachElement(p, this.second ? (problem) -> {
				} : this.report::problem, "VoteCounts",
						() -> this.counts.voteCounts(p, contest, unitCounts, this.second));
			}
			else if (this.second) {
				p.skipChildren();
			}
			else {
				property(p, selection, name);
			}
		}
		if (this.second) {
			this.counts.emit(selection, unitCounts);
		}
	}

	/** One of a selection's properties, in the first pass. */
	private static void property(JsonParser p, NistSelection selection, String name) {
		switch (name) {
			case "@type" -> selection.type = p.currentToken().isScalarValue() ? p.getValueAsString() : "?";
			case "@id" ->
				selection.id = p.currentToken().isScalarValue() ? JsonFiles.blankToNull(p.getValueAsString()) : null;
			case "CandidateIds" -> selection.candidateIds = NistIndex.ids(JsonFiles.tree(p));
			case "PartyIds" -> selection.partyIds = NistIndex.ids(JsonFiles.tree(p));
			case "Selection" -> selection.text = JsonFiles.text(JsonFiles.tree(p));
			case "IsWriteIn" -> selection.writeIn = p.currentToken() == JsonToken.VALUE_TRUE;
			default -> p.skipChildren();
		}
	}

	// between the passes: roles, names

	/** Names the contests and their choices, and finds the units each one counts. */
	void resolve() {
		Map<String, Integer> names = new HashMap<>();
		for (NistContest contest : this.contests) {
			if (!contest.skipped) {
				contestNames(contest);
				if (!contest.skipped) {
					names.merge(contest.name, 1, Integer::sum);
				}
			}
		}
		for (NistContest contest : this.contests) {
			if (contest.skipped) {
				continue;
			}
			contest.office = contest.name;
			contest.district = "";
			if (names.get(contest.name) > 1 && contest.districtId != null) {
				NistUnits.Unit district = this.index.units.find(contest.districtId);
				contest.district = (district != null) ? district.name : contest.districtId;
			}
			if (contest.district.length() > 100) {
				contest.district = contest.district.substring(0, 100);
			}
			countedUnits(contest);
		}
		NistChoices choices = new NistChoices(this.index, this.report);
		for (NistSelection selection : this.selections) {
			if (!selection.contest.skipped) {
				choices.choice(selection);
			}
			if ("Write-in".equals(selection.name)) {
				// a vote-for-N contest may have one anonymous write-in selection per seat
				int earlier = selection.contest.writeIns++;
				selection.name = (earlier == 0) ? "Write-in" : "Write-in " + (earlier + 1);
			}
		}
	}

	private void contestNames(NistContest contest) {
		String type = (contest.type != null) ? contest.type : "";
		switch (type) {
			case "ElectionResults.CandidateContest" -> contest.measure = false;
			case "ElectionResults.BallotMeasureContest", "ElectionResults.RetentionContest" -> contest.measure = true;
			case "ElectionResults.PartyContest" -> {
				contest.skipped = true;
				this.report.warnOnce("party-contest", new Problem(contest.line, "@type", type,
						"straight-party contests are not races: left out", contest.at));
				return;
			}
			default -> {
				contest.skipped = true;
				this.report.problem(new Problem(contest.line, "@type", contest.type,
						"unknown contest @type: expected ElectionResults.CandidateContest, BallotMeasureContest, "
								+ "RetentionContest or PartyContest",
						contest.at + "/@type"));
				return;
			}
		}
		if (contest.name == null) {
			contest.skipped = true;
			this.report.problem(new Problem(contest.line, "Name", null, "a contest without a Name", contest.at));
		}
	}

	private void countedUnits(NistContest contest) {
		BitSet counted = this.index.units.counted(contest.units, contest.districtId);
		if (counted == null) {
			this.report.problem(new Problem(contest.line, null, contest.name,
					"cannot tell which units to count: each one holding counts lies inside another", contest.at));
			counted = new BitSet();
		}
		contest.counted = counted;
	}

}
