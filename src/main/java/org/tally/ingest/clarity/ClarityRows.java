package org.tally.ingest.clarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tally.ingest.kit.ChoiceNameNormaliser;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.OtherCountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ReaderReport;
import org.tally.ingest.kit.RowSink;
import org.tally.results.VoteType;

/**
 * One Clarity choice's counts, unit by unit, as its vote types add them, and the rows
 * they make once the choice ends: each unit's total (the "Total Votes" type when the file
 * states one, else the sum of its vote types), then the split.
 */
final class ClarityRows {

	static final int MAX_WARNINGS = 20;

	private static final int ELECTION_DAY = 0;

	private static final int MAIL = 1;

	private static final int EARLY = 2;

	private static final int PROVISIONAL = 3;

	/** Votes of types Tally does not split by. */
	private static final int OTHER = 4;

	/** The "Total Votes" type, or -1. */
	private static final int STATED_TOTAL = 5;

	private static final int LINE = 6;

	/**
	 * Which of the choice's vote types ({@link #choiceVoteTypes}) first named the unit;
	 * -1 when the count is the choice's {@code totalVotes}.
	 */
	private static final int FIRST_TYPE = 7;

	private static final int SLOTS = 8;

	private static final int TYPE_NOT_NOTED = -2;

	private final RowSink sink;

	private final ReaderReport report;

	/** The counts of the current choice by unit: {@link #SLOTS} figures each. */
	private final Map<String, long[]> units = new LinkedHashMap<>();

	/**
	 * The names of the current choice's vote types that first named one of its units (no
	 * longer than {@link #units}).
	 */
	private final List<String> choiceVoteTypes = new ArrayList<>();

	/**
	 * The current vote type's place in {@link #choiceVoteTypes}: {@link #TYPE_NOT_NOTED}
	 * until it first names a unit, -1 outside any vote type.
	 */
	private int currentType = -1;

	private final Map<String, Boolean> unitIsCounty = new HashMap<>();

	/** Units the current contest's counts name. */
	private final Set<String> contestUnits = new HashSet<>();

	private long rows;

	ClarityRows(RowSink sink, ReaderReport report) {
		this.sink = sink;
		this.report = report;
	}

	/** The choice rows made so far. */
	long rows() {
		return this.rows;
	}

	/** Units the current contest's counts name. */
	Set<String> contestUnits() {
		return this.contestUnits;
	}

	/** A choice begins: no counts yet. */
	void choice() {
		this.units.clear();
		this.choiceVoteTypes.clear();
		this.currentType = -1;
	}

	/** A vote type of the choice begins: it is noted when it first names a unit. */
	void voteType() {
		this.currentType = TYPE_NOT_NOTED;
	}

	/** Whether a unit the file names is a county (else a precinct), first as said. */
	void unit(String unit, boolean county) {
		this.unitIsCounty.putIfAbsent(unit, county);
	}

	/** Adds one count of a vote type to a unit's. */
	void add(String unit, long votes, ClarityVoteTypes.Kind kind, String voteType, long line) {
		long[] figures = this.units.get(unit);
		if (figures == null) {
			figures = new long[SLOTS];
			figures[STATED_TOTAL] = -1;
			figures[LINE] = line;
			if (this.currentType == TYPE_NOT_NOTED) {
				this.choiceVoteTypes.add(voteType);
				this.currentType = this.choiceVoteTypes.size() - 1;
			}
			figures[FIRST_TYPE] = this.currentType;
			for (int i = 0; i < 4; i++) {
				figures[i] = -1;
			}
			this.units.put(unit, figures);
		}
		switch (kind.meaning()) {
			case TOTAL -> figures[STATED_TOTAL] = Math.max(figures[STATED_TOTAL], 0) + votes;
			case OTHER -> figures[OTHER] += votes;
			default -> {
				int slot = slot(kind.type());
				figures[slot] = Math.max(figures[slot], 0) + votes;
			}
		}
	}

	/**
	 * The choice's counts, unit by unit: the total, then the split; or, for a choice
	 * named like over-votes, the contest's other counts.
	 * @return the sum of the units' totals: what Tally counts for the choice
	 */
	long emit(String contest, String contestPath, String written, ChoiceNameNormaliser.Name name,
			OtherCountRow.Kind other) {
		Boolean incumbent = name.incumbent() ? Boolean.TRUE : null;
		long computed = 0;
		for (Map.Entry<String, long[]> entry : this.units.entrySet()) {
			String unit = entry.getKey();
			long[] figures = entry.getValue();
			long total = total(contestPath, written, unit, figures);
			boolean county = Boolean.TRUE.equals(this.unitIsCounty.get(unit));
			String countyName = county ? unit : null;
			String precinct = (county || unit.isEmpty()) ? null : unit;
			if (!unit.isEmpty()) {
				this.contestUnits.add(unit);
			}
			long line = figures[LINE];
			computed += total;
			String location = countLocation(contestPath, written, unit, county, (int) figures[FIRST_TYPE]);
			if (other != null) {
				this.sink
					.otherCount(new OtherCountRow(line, countyName, precinct, contest, "", other, total, location));
				continue;
			}
			this.sink.count(new CountRow(line, countyName, precinct, contest, "", name.party(), name.name(),
					VoteType.TOTAL, total, incumbent, null, written, location));
			this.rows++;
			for (int i = 0; i < VoteType.SPLIT.size(); i++) {
				if (figures[i] >= 0) {
					this.sink.count(new CountRow(line, countyName, precinct, contest, "", name.party(), name.name(),
							VoteType.SPLIT.get(i), figures[i], incumbent, null, written, location));
				}
			}
		}
		return computed;
	}

	/** A unit's total: the file's, else the sum of its vote types. */
	private long total(String contestPath, String written, String unit, long[] figures) {
		long sum = figures[OTHER];
		for (int i = 0; i < 4; i++) {
			sum += Math.max(figures[i], 0);
		}
		long total = (figures[STATED_TOTAL] >= 0) ? figures[STATED_TOTAL] : sum;
		boolean split = figures[ELECTION_DAY] >= 0 || figures[MAIL] >= 0 || figures[EARLY] >= 0
				|| figures[PROVISIONAL] >= 0;
		if (figures[STATED_TOTAL] >= 0 && split && total != sum && this.report.warnings() < MAX_WARNINGS) {
			this.report.warning(new Problem(figures[LINE], "votes", Long.toString(total),
					"the file's total (" + total + ") is not the sum of its vote types (" + sum + ") for '" + written
							+ "' in " + (unit.isEmpty() ? "the region" : unit) + ": the total is used",
					contestPath + "/Choice[@text='" + written + "']"));
		}
		return total;
	}

	/**
	 * Where a unit's counts for the current choice begin: its element in the first vote
	 * type naming it, that vote type (for a region's votes), or the choice (its
	 * {@code totalVotes}).
	 */
	private String countLocation(String contestPath, String written, String unit, boolean county, int firstType) {
		StringBuilder path = new StringBuilder(contestPath).append("/Choice[@text='").append(written).append("']");
		if (firstType >= 0) {
			path.append("/VoteType[@name='").append(this.choiceVoteTypes.get(firstType)).append("']");
			if (!unit.isEmpty()) {
				path.append(county ? "/County" : "/Precinct").append("[@name='").append(unit).append("']");
			}
		}
		return path.toString();
	}

	private static int slot(VoteType type) {
		return switch (type) {
			case ELECTION_DAY -> ELECTION_DAY;
			case MAIL -> MAIL;
			case EARLY -> EARLY;
			case PROVISIONAL -> PROVISIONAL;
			case TOTAL -> STATED_TOTAL;
		};
	}

}
