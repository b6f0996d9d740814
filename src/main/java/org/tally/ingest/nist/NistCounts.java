package org.tally.ingest.nist;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.JsonFiles;
import org.tally.ingest.kit.NameKeys;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ReaderReport;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.SourceKey;
import org.tally.ingest.kit.StatedTotal;
import org.tally.results.VoteType;

/**
 * A NIST report's counts: each selection's {@code VoteCounts} (which units hold them in
 * the first pass, the counts by unit and vote type in the second), the rows they make,
 * the totals stated at units Tally does not count, the contests' other counts and
 * progress.
 */
final class NistCounts {

	private static final long MAX_VOTES = 1_000_000_000_000L;

	private static final Set<String> COUNT_ITEM_TYPES = Set.of("absentee", "absentee-fwab", "absentee-in-person",
			"absentee-mail", "early", "election-day", "other", "provisional", "seats", "total", "uocava", "write-in");

	/** A count's slot is its {@link VoteType}'s ordinal, or {@link #UNPLACED}. */
	private static final VoteType[] SLOT_TYPES = VoteType.values();

	private static final int TOTAL = VoteType.TOTAL.ordinal();

	private static final int UNPLACED = SLOT_TYPES.length;

	private final NistIndex index;

	private final ReaderReport report;

	private final RowSink sink;

	/**
	 * The current selection's counts at units Tally does not count (a county beside its
	 * precincts): each one's stated total, line and pointer, for the reconciliation.
	 */
	private final Map<Integer, Stated> stated = new LinkedHashMap<>();

	private final Set<Integer> keyedUnits = new HashSet<>();

	private long rows;

	NistCounts(NistIndex index, ReaderReport report, RowSink sink) {
		this.index = index;
		this.report = report;
		this.sink = sink;
	}

	/** The VoteCounts entries the first pass met. */
	long rows() {
		return this.rows;
	}

	/** A new selection's counts begin: nothing stated yet. */
	Map<Integer, Counts> begin(boolean second) {
		this.stated.clear();
		return second ? new LinkedHashMap<>() : null;
	}

	void voteCounts(JsonParser p, NistContest contest, Map<Integer, Counts> counts, boolean second) {
		long line = JsonFiles.line(p);
		String at = JsonFiles.pointer(p);
		JsonNode node = JsonFiles.tree(p);
		if (!node.isObject()) {
			if (!second) {
				this.report.problem(JsonFiles.problem(p, at, node, "VoteCounts entries should be JSON objects"));
			}
			return;
		}
		if (second) {
			count(node, contest, counts, line, at);
		}
		else {
			scan(node, contest, line, at);
		}
	}

	/** The first pass: which units hold the contest's counts, and its rounds. */
	private void scan(JsonNode node, NistContest contest, long line, String at) {
		String unitId = JsonFiles.string(node, "GpUnitId");
		this.rows++;
		if (unitId == null) {
			this.report.problem(new Problem(line, "GpUnitId", null, "VoteCounts without a GpUnitId", at));
			return;
		}
		contest.units.set(this.index.units.reference(unitId, line, at + "/GpUnitId").index);
		JsonNode round = node.get("Round");
		if (round == null) {
			contest.unrounded = true;
		}
		else if (JsonFiles.integer(round) != null) {
			contest.finalRound = Math.max(contest.finalRound, JsonFiles.integer(round));
		}
	}

	/** The second pass: one count, kept by unit and vote type. */
	private void count(JsonNode node, NistContest contest, Map<Integer, Counts> counts, long line, String at) {
		String unitId = JsonFiles.string(node, "GpUnitId");
		NistUnits.Unit unit = this.index.units.find(unitId);
		if (unit == null || contest.skipped || !contest.counted.get(unit.index)) {
			if (unit != null && !contest.skipped) {
				stated(contest, unit, node, line, at);
			}
			if (unit != null && !contest.skipped && JsonFiles.count(node.get("Count")) == null) {
				// a unit Tally does not publish (a jurisdiction beside its counties)
				// still
				// states its counts: a bad one is never ignored
				this.report.problem(new Problem(line, "Count", JsonFiles.shown(node.get("Count")),
						"Count must be a whole number of votes, 0 or more (at most 10^12), also at " + unitId
								+ ", a unit whose counts Tally does not publish",
						at + "/Count"));
			}
			return;
		}
		String type = NameKeys.lower(JsonFiles.string(node, "Type"));
		if (type == null || !COUNT_ITEM_TYPES.contains(type)) {
			this.report
				.problem(
						new Problem(line, "Type", JsonFiles.string(node, "Type"),
								"unknown CountItemType: expected one of "
										+ String.join(", ", COUNT_ITEM_TYPES.stream().sorted().toList()),
								at + "/Type"));
			return;
		}
		if (node.has("Round") && !finalRound(contest, node, line, at)) {
			return;
		}
		String otherType = NameKeys.lower(JsonFiles.string(node, "OtherType"));
		if (type.equals("seats") || (type.equals("other") && otherType != null
				&& (otherType.contains("over") || otherType.contains("under") || otherType.contains("blank")))) {
			return;
		}
		JsonNode value = node.get("Count");
		Long votes = JsonFiles.count(value);
		if (votes == null) {
			this.report.problem(new Problem(line, "Count", JsonFiles.shown(value),
					"Count must be a whole number of votes, 0 or more (at most 10^12)", at + "/Count"));
			return;
		}
		add(node, unit, counts.computeIfAbsent(unit.index, (u) -> new Counts(line, at)), type, otherType, votes, line,
				at);
	}

	private void add(JsonNode node, NistUnits.Unit unit, Counts unitCounts, String type, String otherType, long votes,
			long line, String at) {
		int slot = slot(type);
		if (slot == UNPLACED) {
			String shown = type.equals("other") && otherType != null ? "other (" + otherType + ")" : type;
			this.report.warnOnce("unplaced:" + shown,
					new Problem(line, "Type", shown,
							"votes of type " + shown + " count toward the total only: Tally has no vote type for them",
							at + "/Type"));
		}
		String key = type.equals("other") ? "other:" + otherType : type;
		if (node.has("DeviceClass")) {
			// a filter of the unit's counts by the kind of device that read the ballots
			// (NIST's Counts): the sum over device classes stands in for the unit's own
			// count only when the file gives none
			unitCounts.byDevice.merge(key, votes, Long::sum);
			this.report.warnOnce("device",
					new Problem(line, "DeviceClass", null,
							"counts by device class are read only where the unit has no count of its own of that type: "
									+ "they are a breakdown of it",
							at + "/DeviceClass"));
			return;
		}
		Long earlier = unitCounts.raw.putIfAbsent(key, votes);
		if (earlier != null && earlier.longValue() != votes) {
			this.report.problem(new Problem(line, "Count", String.valueOf(votes), "the unit " + unit.name
					+ " already has " + earlier + " votes of type " + key + " for this selection", at + "/Count"));
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
	private void stated(NistContest contest, NistUnits.Unit unit, JsonNode node, long line, String at) {
		Long value = JsonFiles.count(node.get("Count"));
		if (value == null || !"total".equals(NameKeys.lower(JsonFiles.string(node, "Type"))) || node.has("DeviceClass")
				|| this.stated.size() >= 10_000) {
			return;
		}
		if (node.has("Round")) {
			Integer round = JsonFiles.integer(node.get("Round"));
			if (contest.unrounded || round == null || round != contest.finalRound) {
				return;
			}
		}
		this.stated.putIfAbsent(unit.index, new Stated(value, line, at + "/Count"));
	}

	/**
	 * Ranked-choice counts (NIST's {@code Round}): a contest whose counts all carry a
	 * round is read at its final round, the counts of the earlier rounds being left out;
	 * where the contest also has counts without a round, those are the unit's and every
	 * round is left out.
	 * @return whether to read this count
	 */
	private boolean finalRound(NistContest contest, JsonNode node, long line, String at) {
		Integer round = JsonFiles.integer(node.get("Round"));
		if (!contest.unrounded && round != null && round == contest.finalRound) {
			this.report.warnOnce("round:" + contest.at,
					new Problem(line, "Round", String.valueOf(round), "ranked-choice counts: the final round (" + round
							+ ") is read as the contest's counts, the earlier rounds are left out", at));
			return true;
		}
		this.report.warnOnce("round", new Problem(line, "Round", JsonFiles.shown(node.get("Round")),
				contest.unrounded ? "counts by round are left out: the contest has counts without a round, and those "
						+ "are read" : "counts of an earlier round are left out: the final round is read",
				at + "/Round"));
		return false;
	}

	private static int slot(String type) {
		return VoteType.ofNist(type).map(VoteType::ordinal).orElse(UNPLACED);
	}

	/** The selection's rows, once its VoteCounts are read. */
	void emit(NistSelection selection, Map<Integer, Counts> counts) {
		if (selection.name == null) {
			return;
		}
		NistContest contest = selection.contest;
		if (selection.id != null) {
			this.sink.key(SourceKey.choice(this.index.keyScope(), selection.id, contest.office, contest.district,
					selection.name, selection.writtenName(), selection.line, selection.at));
		}
		Map<Integer, Long> totals = new HashMap<>();
		for (Map.Entry<Integer, Counts> entry : counts.entrySet()) {
			NistUnits.Unit unit = this.index.units.get(entry.getKey());
			Counts unitCounts = entry.getValue();
			unitCounts.byDevice.forEach((key, votes) -> {
				if (unitCounts.raw.putIfAbsent(key, votes) == null) {
					int slot = slot(key.startsWith("other:") ? "other" : key);
					unitCounts.slots[slot] += votes;
					unitCounts.seen |= 1 << slot;
				}
			});
			Long total = total(selection, unit, unitCounts);
			if (total != null) {
				totals.put(entry.getKey(), total);
				rows(selection, unit, unitCounts, total);
			}
		}
		reconcile(selection, totals);
	}

	/** A unit's total for the selection, or null when it is too big to be one. */
	private Long total(NistSelection selection, NistUnits.Unit unit, Counts unitCounts) {
		long parts = 0;
		for (int slot = 1; slot <= UNPLACED; slot++) {
			parts += unitCounts.slots[slot];
		}
		boolean stated = (unitCounts.seen & 1) != 0;
		long total = stated ? unitCounts.slots[TOTAL] : parts;
		if (total > MAX_VOTES) {
			this.report.problem(new Problem(unitCounts.line, "Count", String.valueOf(total),
					"more than 10^12 votes in one unit", unitCounts.at));
			return null;
		}
		if (stated && (unitCounts.seen & ~1) != 0 && parts != total) {
			this.report.warning(new Problem(unitCounts.line, "Count", String.valueOf(total),
					"the vote types of " + selection.name + " in " + unit.name + " add up to " + parts
							+ ", not the stated total " + total + "; the total is kept",
					unitCounts.at));
		}
		return total;
	}

	private void rows(NistSelection selection, NistUnits.Unit unit, Counts unitCounts, long total) {
		NistContest contest = selection.contest;
		String county = this.index.units.county(unit);
		String precinct = this.index.units.precinct(unit);
		unitKey(unit, county, precinct, unitCounts);
		for (int slot = TOTAL; slot < UNPLACED; slot++) {
			if (slot == TOTAL || (unitCounts.seen & (1 << slot)) != 0) {
				this.sink.count(new CountRow(unitCounts.line, county, precinct, contest.office, contest.district,
						selection.party, selection.name, SLOT_TYPES[slot],
						(slot == TOTAL) ? total : unitCounts.slots[slot], selection.incumbent,
						selection.writeIn ? Boolean.TRUE : null, selection.writtenName(), unitCounts.at));
			}
		}
	}

	/** A counted unit's {@code @id}, once a file. */
	private void unitKey(NistUnits.Unit unit, String county, String precinct, Counts at) {
		if (this.keyedUnits.size() < 100_000 && this.keyedUnits.add(unit.index)) {
			this.sink.key(SourceKey.unit(this.index.keyScope(), unit.id, county, precinct, unit.name, at.line, at.at));
		}
	}

	/**
	 * Compares each total a unit Tally does not count stated for the selection with the
	 * sum of the counted units inside it (those composing it, or, for the election's
	 * scope and the contest's district when nothing composes them, every counted unit).
	 */
	private void reconcile(NistSelection selection, Map<Integer, Long> totals) {
		if (this.stated.isEmpty() || selection.name == null) {
			return;
		}
		NistUnits units = this.index.units;
		Map<Integer, long[]> computed = new HashMap<>();
		this.stated.keySet().forEach((index) -> computed.put(index, new long[] { 0, 0 }));
		long all = 0;
		for (Map.Entry<Integer, Long> entry : totals.entrySet()) {
			all += entry.getValue();
			units.within(entry.getKey(), (outer) -> {
				long[] sum = computed.get(outer);
				if (sum != null) {
					sum[0] += entry.getValue();
					sum[1]++;
				}
			});
		}
		NistContest contest = selection.contest;
		NistUnits.Unit district = units.find(contest.districtId);
		for (Map.Entry<Integer, Stated> entry : this.stated.entrySet()) {
			long[] sum = computed.get(entry.getKey());
			NistUnits.Unit unit = units.get(entry.getKey());
			boolean wide = units.isScope(unit) || (district != null && district.index == unit.index);
			if (sum[1] == 0 && !wide || totals.isEmpty()) {
				// nothing Tally counts lies inside it: a breakdown (a device), not a sum
				continue;
			}
			Stated stated = entry.getValue();
			this.sink.stated(new StatedTotal(contest.named(), selection.name, unit.name, VoteType.TOTAL.code(),
					stated.value, (sum[1] > 0) ? sum[0] : all, stated.at));
		}
	}

	/** A total stated at a unit Tally does not count: its value, line and pointer. */
	private record Stated(long value, long line, String at) {
	}

	/**
	 * One selection's counts in one unit, by vote type, while its VoteCounts are read.
	 */
	static final class Counts {

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
