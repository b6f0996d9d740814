package org.tally.ingest;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a reader's rows land during an import: names become ids ({@link ElectionNames}),
 * counts and progress go to the {@link StagingWriter}, totals of fresh contests to
 * {@link CountSums}; problems and warnings are kept, and once there is a problem no more
 * rows are written (the import will not apply).
 */
final class StagingSink implements RowSink {

	private final StagingWriter writer;

	private final ElectionNames names;

	private final ProblemCollector problems;

	private final List<Problem> warnings;

	private final String fixedCounty;

	private final CountSums sums;

	private final List<RoundsWriter.Pending> rounds = new ArrayList<>();

	private final boolean keepWinners;

	private final List<WinnerRow> winners = new ArrayList<>();

	private final Map<Long, ContestRow> notes = new LinkedHashMap<>();

	private Instant statedUpdatedAt;

	StagingSink(StagingWriter writer, ElectionNames names, CountSums sums, ProblemCollector problems,
			List<Problem> warnings, ImportCommand command, ElectionRef election) {
		this.writer = writer;
		this.sums = sums;
		this.names = names;
		this.problems = problems;
		this.warnings = warnings;
		this.keepWinners = command.sourceCalls();
		this.fixedCounty = (command.county() != null && !command.county().isBlank()) ? command.county().strip()
				: election.jurisdiction();
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
	public void count(CountRow row) {
		if (this.problems.total() > 0) {
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
	public void progress(ProgressRow row) {
		if (this.problems.total() > 0) {
			return;
		}
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
		ElectionNames.Contest contest = this.names.contest(rounds.row(), null, rounds.office(), rounds.district());
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
	public void contest(ContestRow row) {
		this.names.declare(row);
		if (row.notes() && this.problems.total() == 0 && this.notes.size() < 100_000) {
			ElectionNames.Contest contest = this.names.contest(row.row(), null, row.office(), row.district());
			if (contest != null) {
				this.notes.put(contest.id, row);
			}
		}
	}

	/**
	 * What the file notes on its contests (what the figures are, its own totals against
	 * its units), by contest id.
	 */
	Map<Long, ContestRow> notes() {
		return this.notes;
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
	public void warning(Problem warning) {
		if (this.warnings.size() < 100) {
			this.warnings.add(warning);
		}
	}

}
