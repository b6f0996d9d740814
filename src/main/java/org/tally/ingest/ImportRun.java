package org.tally.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProblemCollector;

/**
 * One import of one received file into one election: what its steps share. The problems
 * and warnings found so far, the rows read, and the outcome to record in the history
 * after the transaction rolled back (a duplicate or a preview).
 */
final class ImportRun {

	private ImportCommand command;

	private final ElectionRef election;

	private final Spool body;

	private final ProblemCollector problems = new ProblemCollector(100);

	private final List<Problem> warnings = new ArrayList<>();

	private final Reconciliation.Tally reconciliation = new Reconciliation.Tally();

	private final ImportPhases phases;

	private long rows;

	private ImportOutcome notApplied;

	ImportRun(ImportCommand command, ElectionRef election, Spool body, ImportPhases phases) {
		this.command = command;
		this.election = election;
		this.body = body;
		this.phases = phases;
	}

	/** Where the import's time goes. */
	ImportPhases phases() {
		return this.phases;
	}

	/** The command, with the time the file states once it has been read. */
	ImportCommand command() {
		return this.command;
	}

	ElectionRef election() {
		return this.election;
	}

	Spool body() {
		return this.body;
	}

	ProblemCollector problems() {
		return this.problems;
	}

	/** The warnings so far, the first 100. */
	List<Problem> warnings() {
		return this.warnings;
	}

	/** The totals the file states, compared so far with what Tally computes. */
	Reconciliation.Tally reconciliation() {
		return this.reconciliation;
	}

	long rows() {
		return this.rows;
	}

	/** The file has been read: its rows, and when it says it was produced. */
	void read(long rows, Instant statedUpdatedAt) {
		this.rows = rows;
		this.command = this.command.withSourceUpdatedAt(statedUpdatedAt);
	}

	/** Forgets what a first reading found, before the file is read again. */
	void startOver() {
		this.problems.clear();
		this.warnings.clear();
		this.reconciliation.clear();
	}

	/** Ends the run, rolling its transaction back, once any problem is known. */
	void rejectIfProblems() {
		if (this.problems.total() > 0) {
			throw new Rejected();
		}
	}

	/** These bytes were applied to the election before: nothing is read. */
	ImportOutcome duplicateOf(ImportRecords.Applied earlier) {
		this.rows = earlier.rows();
		this.notApplied = new ImportOutcome(0, "duplicate", earlier.revision(), this.body.hash(), earlier.rows(), 0,
				List.of(), List.of(), Reconciliation.NONE);
		return this.notApplied;
	}

	/** What the import would change; the transaction is rolled back. */
	ImportOutcome preview(long changedCounts, List<ImportOutcome.ContestPreview> previews) {
		this.notApplied = new ImportOutcome(0, "preview", null, this.body.hash(), this.rows, changedCounts, previews,
				List.copyOf(this.warnings), this.reconciliation.result());
		return this.notApplied;
	}

	/** The duplicate or preview answer still to be recorded, or null. */
	ImportOutcome notApplied() {
		return this.notApplied;
	}

	/** Thrown inside the transaction to roll it back once problems are known. */
	static final class Rejected extends RuntimeException {

		Rejected() {
			super(null, null, false, false);
		}

	}

}
