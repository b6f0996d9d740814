package org.tally.ingest;

import org.springframework.stereotype.Component;

/**
 * Import step: the names the file used that the election does not have. In strict mode
 * each is a problem (with the closest known name); in setup mode the new contests,
 * choices and units are written, one statement each.
 */
@Component
class ResolveNames {

	private final NewNames newNames;

	ResolveNames(NewNames newNames) {
		this.newNames = newNames;
	}

	/** Ends the import on an unknown name, or creates what setup mode named. */
	void resolve(ImportRun run, ElectionNames names) {
		names.problems(run.problems());
		run.rejectIfProblems();
		run.warnings().addAll(names.lookalikes());
		run.warnings().addAll(names.keyWarnings());
		this.newNames.create(run.election().id(), run.election().winnerRule(), names.created());
		this.newNames.keys(run.election().id(), names.usedKeys());
	}

}
