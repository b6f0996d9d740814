package org.tally.ingest;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tally.ingest.kit.ChoiceNameNormaliser;
import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.OtherCountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProblemCollector;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.RankedRounds;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.SourceKey;
import org.tally.ingest.kit.StatedTotal;
import org.tally.ingest.kit.WinnerRow;

/**
 * Where a reader's rows land during an import: names become ids ({@link ElectionNames}),
 * counts and progress go to the {@link StagingWriter}, totals of fresh contests to
 * {@link CountSums}; problems and warnings are kept, and once there is a problem no more
 * rows are written (the import will not apply).
 */
final class StagingSink implements RowSink {

	/**
	 * More votes than one choice gets in one unit anywhere: a typo or a hostile file,
	 * worth a warning (the readers refuse more than 10^12 outright).
	 */
	static final long MAX_PLAUSIBLE = 1_000_000_000L;

	private final StagingWriter writer;

	private final ElectionNames names;

	private final ProblemCollector problems;

	private final List<Problem> warnings;

	private final Reconciliation.Tally reconciliation;

	private final String fixedCounty;

	private final CountSums sums;

	private final List<RoundsWriter.Pending> rounds = new ArrayList<>();

	private final boolean keepWinners;

	private final List<WinnerRow> winners = new ArrayList<>();

	private final Map<Long, Note> notes = new LinkedHashMap<>();

	private Instant statedUpdatedAt;

	private final NameChecks checks;

	private final List<OtherCount> otherCounts = new ArrayList<>();

	private final Set<Long> hugeCounts = new HashSet<>();

	StagingSink(StagingWriter writer, ElectionNames names, CountSums sums, ImportRun run, ImportCommand command,
			ElectionRef election) {
		this.writer = writer;
		this.sums = sums;
		this.names = names;
		this.problems = run.problems();
		this.warnings = run.warnings();
		this.reconciliation = run.reconciliation();
		this.keepWinners = command.sourceCalls();
		this.checks = new NameChecks(this.problems, this.warnings);
		this.fixedCounty = (command.county() != null && !command.county().isBlank()) ? command.county().strip()
				: election.jurisdiction();
	}

	/**
	 * The row with its names as Tally keeps them ({@link NameChecks}), or {@code null}
	 * when a name must not be kept (a problem is then reported).
	 */
	private CountRow clean(CountRow row) {
		long line = row.row();
		String at = row.location();
		String county = this.checks.text(line, at, "county", row.county());
		String precinct = this.checks.text(line, at, "precinct", row.precinct());
		String office = this.checks.text(line, at, "office", row.office());
		String district = this.checks.text(line, at, "district", row.district());
		String party = this.checks.text(line, at, "party", row.party());
		boolean choice = this.checks.choice(row);
		if (!choice || office == null || (row.county() != null && county == null)
				|| (row.precinct() != null && precinct == null) || (row.district() != null && district == null)
				|| (row.party() != null && party == null)) {
			return null;
		}
		if (county == row.county() && precinct == row.precinct() && office == row.office() && district == row.district()
				&& party == row.party()) {
			return row;
		}
		return new CountRow(line, county, precinct, office, district, party, row.candidate(), row.voteType(),
				row.votes(), row.incumbent(), row.writeIn(), row.writtenName(), at);
	}

	/** The source's calls, kept when staff asked for them ({@code calls=ap}). */
	List<WinnerRow> winners() {
		return this.winners;
	}

	/** The ranked-choice rounds read, with their contest's choice ids. */
	List<RoundsWriter.Pending> rounds() {
		return this.rounds;
	}

	/** When the file says it was last updated, if it says. */
	Instant statedUpdatedAt() {
		return this.statedUpdatedAt;
	}

	@Override
	public void count(CountRow written) {
		CountRow row = clean(written);
		if (row == null || this.problems.total() > 0) {
			return;
		}
		ElectionNames.Unit unit = this.names.unit(row.row(), row.location(),
				(row.county() != null) ? row.county() : this.fixedCounty, row.precinct());
		ElectionNames.Contest contest = this.names.contest(row.row(), row.location(), row.office(), row.district());
		long choice = (contest != null) ? this.names.choice(contest, row) : -1;
		if (!unit.known() || choice < 0) {
			return;
		}
		contest.counted(unit.id());
		if (row.votes() > MAX_PLAUSIBLE && this.hugeCounts.add(contest.id)) {
			this.warnings.add(new Problem(row.row(), "votes", Long.toString(row.votes()),
					"more than 1,000,000,000 votes for one choice in one unit (" + row.candidate() + " in "
							+ row.office() + "): check the file",
					row.location()));
		}
		if (contest.fresh) {
			this.sums.add(contest.id, choice, unit, row.voteType(), row.votes());
		}
		try {
			this.writer.count(row.row(), contest.id, unit.id(), choice, row.voteType(), row.votes(), contest.fresh);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void progress(ProgressRow written) {
		Place place = place(written.row(), written.location(), written.county(), written.precinct(), written.office(),
				written.district());
		if (this.problems.total() > 0) {
			return;
		}
		ProgressRow row = written.named(place.county(), place.precinct(), place.office(), place.district());
		ElectionNames.Unit unit = this.names.unit(row.row(), row.location(),
				(row.county() != null) ? row.county() : this.fixedCounty, row.precinct());
		ElectionNames.Contest contest = this.names.contest(row.row(), row.location(), row.office(), row.district());
		if (!unit.known() || contest == null) {
			return;
		}
		try {
			this.writer.progress(row.row(), contest.id, unit.id(), row);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void rounds(RankedRounds rounds) {
		if (this.problems.total() > 0) {
			return;
		}
		String office = this.checks.text(rounds.row(), null, "office", rounds.office());
		String district = this.checks.text(rounds.row(), null, "district", rounds.district());
		if (office == null || district == null) {
			return;
		}
		ElectionNames.Contest contest = this.names.contest(rounds.row(), null, office, district);
		if (contest == null) {
			return;
		}
		this.rounds.add(new RoundsWriter.Pending(contest.id, Map.copyOf(contest.choices), rounds));
	}

	@Override
	public void problem(Problem problem) {
		this.problems.add(problem);
	}

	@Override
	public void contest(ContestRow written) {
		String office = this.checks.text(written.row(), null, "office", written.office());
		String district = this.checks.text(written.row(), null, "district", written.district());
		if (office == null || district == null) {
			return;
		}
		ContestRow row = new ContestRow(written.row(), office, district, written.measure(), written.seats(),
				written.rule(), written.countsAre(), written.unitsDifferBy());
		this.names.declare(row);
		if (row.notes() && this.problems.total() == 0 && this.notes.size() < 100_000) {
			ElectionNames.Contest contest = this.names.contest(row.row(), null, row.office(), row.district());
			// a file that states the contest's own totals beside its units states them
			// for the
			// election's jurisdiction (AP's state row)
			ElectionNames.Unit totals = (row.unitsDifferBy() != null)
					? this.names.unit(row.row(), null, this.fixedCounty, null) : null;
			if (contest != null && (totals == null || totals.known())) {
				this.notes.put(contest.id, new Note(row, (totals != null) ? totals.id() : null));
			}
		}
	}

	/**
	 * What the file notes on its contests (what the figures are, its own totals against
	 * its units), by contest id.
	 */
	Map<Long, Note> notes() {
		return this.notes;
	}

	/** A row's county, precinct, office and district, each checked as text. */
	private Place place(long row, String location, String county, String precinct, String office, String district) {
		return new Place(this.checks.text(row, location, "county", county),
				this.checks.text(row, location, "precinct", precinct),
				this.checks.text(row, location, "office", office),
				this.checks.text(row, location, "district", district));
	}

	private record Place(String county, String precinct, String office, String district) {
	}

	/**
	 * What a file notes on a contest, and the unit holding the totals it states beside
	 * its units ({@code null} when it states none).
	 */
	record Note(ContestRow row, Long totalsUnit) {
	}

	@Override
	public void otherCount(OtherCountRow written) {
		Place place = place(written.row(), written.location(), written.county(), written.precinct(), written.office(),
				written.district());
		String county = place.county();
		String precinct = place.precinct();
		String office = place.office();
		String district = place.district();
		if (this.problems.total() > 0 || office == null || this.otherCounts.size() >= 200_000) {
			return;
		}
		ElectionNames.Unit unit = this.names.unit(written.row(), written.location(),
				(county != null) ? county : this.fixedCounty, precinct);
		ElectionNames.Contest contest = this.names.contest(written.row(), written.location(), office,
				(district != null) ? district : "");
		if (unit.known() && contest != null) {
			this.otherCounts.add(new OtherCount(contest.id, unit.id(), written.kind(), written.count()));
		}
	}

	/** The other counts the file states, by contest and unit id. */
	List<OtherCount> otherCounts() {
		return this.otherCounts;
	}

	/** A contest's other count in a unit, by ids. */
	record OtherCount(long contestId, long unitId, OtherCountRow.Kind kind, long count) {
	}

	@Override
	public void key(SourceKey written) {
		// the names as the rows' names are kept (NameChecks reports what is wrong with
		// them)
		this.names.key(new SourceKey(written.kind(), written.scope(), written.key(), kept(written.office()),
				kept(written.district()), written.choice(),
				(written.kind() == SourceKey.Kind.UNIT && written.county() == null) ? this.fixedCounty
						: kept(written.county()),
				kept(written.precinct()), written.written(), written.row(), written.location()));
	}

	private static String kept(String name) {
		return (name != null) ? ChoiceNameNormaliser.clean(name) : null;
	}

	@Override
	public void winner(WinnerRow row) {
		if (this.keepWinners && this.winners.size() < 100_000) {
			this.winners.add(row);
		}
	}

	@Override
	public void sourceUpdatedAt(Instant at) {
		this.statedUpdatedAt = at;
	}

	@Override
	public void stated(StatedTotal total) {
		this.reconciliation.add(total);
	}

	@Override
	public void warning(Problem warning) {
		if (this.warnings.size() < 100) {
			this.warnings.add(warning);
		}
	}

}
