package org.tally.ingest.csv;

import org.tally.ingest.kit.ForwardingRowSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.OtherCountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.RankedRounds;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.SourceKey;
import org.tally.ingest.kit.StatedTotal;
import org.tally.results.VoteType;
import org.tally.ingest.kit.WinnerRow;

/**
 * Decides by the file's arithmetic, not by a name alone, whether a row whose precinct is
 * named like its county ("Gordon County" in Gordon, "ALAMEDA CA", "Total") is the
 * county's own total. Such rows are held back while the file is read; at its end a unit
 * is the county's total only when, for every choice and vote type it states, it is at
 * least the sum of that county's other rows in the contest, and it is then checked
 * against that sum (a {@link StatedTotal}). Otherwise it is a precinct like the others,
 * counted, with a warning naming it. Every other row passes straight on (docs/import.md,
 * Evidence over names).
 */
public final class CountyNamedRows extends ForwardingRowSink {

	/** Sums kept at most: beyond, named rows are read by their name, with a warning. */
	private static final int MAX_SUMS = 1_000_000;

	private static final int MAX_WARNED = 20;

	private final Map<Key, long[]> sums = new HashMap<>();

	private final Map<Unit, List<CountRow>> held = new LinkedHashMap<>();

	private final Map<Unit, List<ProgressRow>> heldProgress = new HashMap<>();

	private final Map<Unit, List<OtherCountRow>> heldOther = new HashMap<>();

	private final Map<Unit, Boolean> decided = new HashMap<>();

	private final Set<String> warnedNames = new HashSet<>();

	private boolean overflow;

	private int warned;

	public CountyNamedRows(RowSink sink) {
		super(sink);
	}

	@Override
	public void count(CountRow row) {
		if (row.precinct() != null && ChoiceNames.isCountyTotal(row.county(), row.precinct())) {
			this.held
				.computeIfAbsent(Unit.of(row.county(), row.precinct(), row.office(), row.district()),
						(unit) -> new ArrayList<>())
				.add(row);
			return;
		}
		if (!this.overflow) {
			Key key = new Key(row.county(), row.office(), row.district(), row.candidate(), row.voteType());
			long[] sum = this.sums.get(key);
			if (sum == null && this.sums.size() >= MAX_SUMS) {
				this.overflow = true;
			}
			else {
				this.sums.computeIfAbsent(key, (k) -> new long[2])[0] += row.votes();
				this.sums.get(key)[1]++;
			}
		}
		sink().count(row);
	}

	@Override
	public void progress(ProgressRow row) {
		if (row.precinct() != null && ChoiceNames.isCountyTotal(row.county(), row.precinct())) {
			this.heldProgress
				.computeIfAbsent(Unit.of(row.county(), row.precinct(), row.office(), row.district()),
						(unit) -> new ArrayList<>())
				.add(row);
			return;
		}
		sink().progress(row);
	}

	/** The end of the file: each held unit is decided and passed on. */
	public void finish() {
		this.held.forEach(this::decide);
		this.heldProgress.forEach((unit, rows) -> {
			if (!this.held.containsKey(unit) || Boolean.TRUE.equals(this.decided.get(unit))) {
				rows.forEach((row) -> sink().progress(new ProgressRow(row.row(), row.county(), null, row.office(),
						row.district(), row.precinctsReporting(), row.precinctsTotal(), row.ballotsCast(),
						row.registeredVoters(), row.ballotsOutstanding(), row.expectedVotes(), row.location())));
			}
			else {
				rows.forEach(sink()::progress);
			}
		});
		// other counts follow their unit's counts: the county's own, or a precinct's
		this.heldOther.forEach((unit, rows) -> rows.forEach(
				(row) -> sink().otherCount((this.held.containsKey(unit) && !Boolean.TRUE.equals(this.decided.get(unit)))
						? row : new OtherCountRow(row.row(), row.county(), null, row.office(), row.district(),
								row.kind(), row.count(), row.location()))));
	}

	private void decide(Unit unit, List<CountRow> rows) {
		CountRow smaller = null;
		long others = 0;
		for (CountRow row : rows) {
			long[] sum = this.sums
				.get(new Key(row.county(), row.office(), row.district(), row.candidate(), row.voteType()));
			if (sum != null && row.votes() < sum[0]) {
				smaller = row;
				others = sum[0];
				break;
			}
		}
		boolean countyTotal = smaller == null;
		this.decided.put(unit, countyTotal);
		if (!countyTotal) {
			warn(smaller,
					"precinct '" + smaller.precinct() + "' is named like its county, but its " + smaller.candidate()
							+ " (" + smaller.voteType().code() + ": " + smaller.votes()
							+ ") is less than the county's other rows together (" + others
							+ "): counted as a precinct, not as the county's total");
			rows.forEach(sink()::count);
			return;
		}
		if (this.overflow) {
			warn(rows.get(0), "county-total row: read as the county's own count by its name ('" + rows.get(0).precinct()
					+ "'); the file is too large to check it against its precincts");
		}
		for (CountRow row : rows) {
			long[] sum = this.sums
				.get(new Key(row.county(), row.office(), row.district(), row.candidate(), row.voteType()));
			if (sum != null) {
				sink().stated(new StatedTotal(ContestRow.shown(row.office(), row.district()), row.candidate(),
						Objects.toString(row.county(), row.precinct()), row.voteType().code(), row.votes(), sum[0],
						"row " + row.row()));
			}
			sink().count(new CountRow(row.row(), row.county(), null, row.office(), row.district(), row.party(),
					row.candidate(), row.voteType(), row.votes(), row.incumbent(), row.writeIn(), row.writtenName(),
					row.location()));
		}
		if (!this.overflow && this.warnedNames.add(unit.county() + "/" + unit.precinct())) {
			warn(rows.get(0), "county-total row ('" + rows.get(0).precinct() + "'): at least the sum of the county's "
					+ "other rows for every choice, so read as the county's own count and checked against them");
		}
	}

	private void warn(CountRow row, String message) {
		if (this.warned++ < MAX_WARNED) {
			sink().warning(new Problem(row.row(), "precinct", row.precinct(), message, row.location()));
		}
	}

	@Override
	public void otherCount(OtherCountRow row) {
		if (row.precinct() != null && ChoiceNames.isCountyTotal(row.county(), row.precinct())) {
			this.heldOther
				.computeIfAbsent(Unit.of(row.county(), row.precinct(), row.office(), row.district()),
						(unit) -> new ArrayList<>())
				.add(row);
			return;
		}
		sink().otherCount(row);
	}

	private record Key(String county, String office, String district, String candidate, VoteType voteType) {
	}

	private record Unit(String county, String precinct, String office, String district) {

		static Unit of(String county, String precinct, String office, String district) {
			return new Unit(county, precinct, office, district);
		}

	}

}
