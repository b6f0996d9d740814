package org.tally.ingest;

import org.tally.ingest.kit.Problem;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.tally.ingest.kit.ImportFormat;

/**
 * Import step: the all-or-nothing write. Counts of fresh contests are already in
 * {@code vote_count} (or follow from staging in one insert); the rest are resolved,
 * checked for conflicts and decreases, and merged set-wise by {@link CountMerge} under a
 * new revision.
 */
@Component
class WriteCounts {

	private final JdbcClient jdbc;

	private final CountMerge merge;

	private final OtherCounts otherCounts;

	private final ContestSnapshots snapshots;

	WriteCounts(JdbcClient jdbc, CountMerge merge, OtherCounts otherCounts, ContestSnapshots snapshots) {
		this.jdbc = jdbc;
		this.merge = merge;
		this.otherCounts = otherCounts;
		this.snapshots = snapshots;
	}

	/**
	 * Writes what the file changes, or ends the import on a conflict or an uncorrected
	 * decrease. Throws {@link StagingWriter.CountsCollide} when fresh counts were stated
	 * twice, so the file is read again with every row staged.
	 * @param direct whether counts of fresh contests were written straight while reading
	 */
	Written write(ImportRun run, FileRead read, long nextRevision, boolean direct) {
		ElectionNames names = read.names();
		CountMerge.Fresh fresh = direct ? fresh(names, read.staged(), nextRevision) : CountMerge.Fresh.NONE;
		fresh.contests().forEach(read.sums()::contest);
		run.phases().end(ImportPhases.MERGE);
		this.merge.writeSums(read.sums());
		run.phases().end(ImportPhases.SUMS);
		List<Long> others = names.counted().stream().filter((id) -> !fresh.contests().contains(id)).toList();
		if (!others.isEmpty()) {
			// without statistics PostgreSQL plans the temporary table as empty
			this.jdbc.sql("analyze staged").update();
		}
		this.merge.resolve(others);
		// ranked-choice rounds: a choice eliminated in a later round falls to 0 by design
		this.merge.checkConflictsAndDecreases(run.command().correction() != null || read.format() == ImportFormat.RCTAB,
				run.problems());
		run.rejectIfProblems();
		Instant now = Instant.now();
		List<Long> otherCounted = this.otherCounts.write(read.otherCounts());
		CountMerge.Applied applied = this.merge.apply(run.election(), run.command(), read.staged(), fresh, otherCounted,
				nextRevision, now);
		if (applied.changedCounts() == 0 && !otherCounted.isEmpty()) {
			run.warnings()
				.add(new Problem(0, null, null,
						"no vote count changed; the file changes the over-votes, under-votes or blank ballots of "
								+ otherCounted.size() + ((otherCounted.size() == 1) ? " contest" : " contests")
								+ ": a revision records them",
						null));
		}
		run.phases().end(ImportPhases.MERGE);
		// the snapshots of the new revision are written after this: the latest ones still
		// hold the totals before it
		Map<Long, Long> before = this.snapshots.lastTotals(applied.changedContests());
		run.phases().end(ImportPhases.TOTALS);
		if (applied.revision() != null) {
			this.merge.addSums();
		}
		run.phases().end(ImportPhases.SUMS);
		return new Written(applied, before, now);
	}

	/**
	 * The fresh contests: their counts went straight into {@code vote_count} while the
	 * file was read, and those staged after the first row that needed staging follow now,
	 * in one insert.
	 */
	private CountMerge.Fresh fresh(ElectionNames names, StagingWriter.Staged staged, long revision) {
		List<Long> contests = names.freshCounted();
		long rows = staged.directRows();
		if (!contests.isEmpty() && staged.countRows() > 0) {
			try {
				rows += this.merge.insertFresh(contests, revision);
			}
			catch (DuplicateKeyException ex) {
				throw new StagingWriter.CountsCollide(ex);
			}
		}
		return new CountMerge.Fresh(contests, rows, names.freshUnits());
	}

	/**
	 * What the write did.
	 *
	 * @param applied the revision (null: nothing changed) and what changed
	 * @param before each contest's total before the write
	 * @param at when the write happened
	 */
	record Written(CountMerge.Applied applied, Map<Long, Long> before, Instant at) {
	}

}
