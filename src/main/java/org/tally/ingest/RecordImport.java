package org.tally.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.tally.ingest.kit.Problem;
import org.tally.kernel.AuditLog;
import org.tally.results.ContestResult;
import org.tally.results.ResultsQueries;
import org.tally.results.RevisionAction;
import org.tally.results.Revisions;
import org.tally.results.SourceFiles;

import org.springframework.stereotype.Component;

/**
 * Import step: everything after the counts. The per-contest preview (a dry run stops
 * there), the source's calls when staff asked for them, the snapshots and ranked-choice
 * rounds of the new revision, the import history and the audit event.
 */
@Component
class RecordImport {

	private final ResultsQueries results;

	private final CountMerge merge;

	private final SourceCalls sourceCalls;

	private final RoundsWriter rounds;

	private final ImportRecords records;

	private final AuditLog audit;

	private final Revisions revisions;

	private final SourceFiles sources;

	private final ContestSnapshots snapshots;

	RecordImport(ResultsQueries results, CountMerge merge, SourceCalls sourceCalls, RoundsWriter rounds,
			ImportRecords records, AuditLog audit, Revisions revisions, SourceFiles sources,
			ContestSnapshots snapshots) {
		this.results = results;
		this.merge = merge;
		this.sourceCalls = sourceCalls;
		this.rounds = rounds;
		this.records = records;
		this.audit = audit;
		this.revisions = revisions;
		this.sources = sources;
		this.snapshots = snapshots;
	}

	/** Records what the write did and answers the import's outcome. */
	ImportOutcome record(ImportRun run, FileRead read, WriteCounts.Written written) {
		ImportCommand command = run.command();
		ElectionRef election = run.election();
		CountMerge.Applied applied = written.applied();
		this.merge.note(read.notes());
		Map<Long, ContestResult> after = this.results.contests(election.id(), applied.changedContests())
			.stream()
			.collect(Collectors.toMap(ContestResult::id, Function.identity()));
		run.phases().end(ImportPhases.TOTALS);
		overVoters(after.values(), run.warnings());
		List<ImportOutcome.ContestPreview> previews = previews(written.before(), after, applied,
				read.names().newCandidates());
		if (command.dryRun()) {
			return run.preview(applied.changedCounts(), previews);
		}
		String contentHash = run.body().hash();
		Long revision = applied.revision();
		if (command.sourceCalls() && !read.winners().isEmpty()) {
			revision = this.sourceCalls.record(election.id(), election.slug(), read.winners(), revision,
					command.recordedBy(), written.at());
		}
		if (revision != null) {
			this.snapshots.snapshot(revision, applied.changedContests(), after, written.at(),
					command.sourceUpdatedAt());
			this.rounds.write(revision, read.rounds());
			// the chain (docs/verify.md): the file on record and the import's parameters
			this.sources.store(contentHash, run.body().size(), run.body().open());
			this.revisions.source(election.id(), revision, contentHash, command.fileName(), action(command));
		}
		List<Problem> warnings = List.copyOf(run.warnings());
		Reconciliation reconciliation = run.reconciliation().result();
		long id = this.records.applied(command, election.id(), contentHash, run.body().size(), run.rows(), revision,
				warnings, reconciliation);
		if (revision != null) {
			this.audit.record(command.recordedBy(), (command.correction() != null) ? "correction" : "import",
					election.slug(), null,
					new AuditedImport(revision, run.rows(), applied.changedCounts(), contentHash, command.fileName()),
					command.correction());
		}
		run.phases().end(ImportPhases.RECORD);
		return new ImportOutcome(id, (revision != null) ? "applied" : "unchanged", revision, contentHash, run.rows(),
				applied.changedCounts(), previews, warnings, reconciliation);
	}

	/**
	 * Warns about a contest whose votes exceed what its registered voters can cast (one
	 * vote per seat each): a count or a figure is wrong (docs/import.md).
	 */
	private static void overVoters(Collection<ContestResult> contests, List<Problem> warnings) {
		for (ContestResult contest : contests) {
			Long registered = contest.registeredVoters();
			if (registered != null && registered > 0 && contest.totalVotes() > registered * contest.seats()) {
				warnings.add(new Problem(0, "votes", Long.toString(contest.totalVotes()),
						contest.name() + ": " + contest.totalVotes() + " votes, more than its " + registered
								+ " registered voters can cast"
								+ ((contest.seats() > 1) ? " (" + contest.seats() + " votes each)" : "")
								+ ": check the counts and the registered voters"));
			}
		}
	}

	private static List<ImportOutcome.ContestPreview> previews(Map<Long, Long> before, Map<Long, ContestResult> after,
			CountMerge.Applied applied, Map<Long, List<String>> newCandidates) {
		List<ImportOutcome.ContestPreview> previews = new ArrayList<>();
		for (Long contestId : applied.changedContests()) {
			ContestResult now = after.get(contestId);
			previews.add(new ImportOutcome.ContestPreview(now.slug(), now.name(), before.getOrDefault(contestId, 0L),
					now.totalVotes(), applied.decreases().getOrDefault(contestId, 0L),
					applied.newUnits().getOrDefault(contestId, 0), newCandidates.getOrDefault(contestId, List.of())));
		}
		return previews;
	}

	/**
	 * The parameters a replay needs to apply the file again the same way: the import's
	 * action in the chain (docs/verify.md).
	 */
	private static ImportAction action(ImportCommand command) {
		return new ImportAction((command.format() != null) ? command.format().code() : null,
				(command.mode() != null) ? command.mode().code() : ImportMode.STRICT.code(), command.correction(),
				command.sourceCalls(), command.county(), (command.charset() != null) ? command.charset().name() : null);
	}

	/**
	 * An import's action in the chain: {@code {"calls","charset","correction","county",
	 * "format","mode","role","type"}}, the type its kind.
	 *
	 * @param format the format's code, null when it was detected
	 * @param mode the import mode's code
	 * @param correction the correction's note, or null for an import
	 * @param calls whether the source's own calls were asked for
	 * @param county the county the file is for, or null
	 * @param charset the charset the sender named, or null
	 */
	record ImportAction(@Nullable String format, String mode, @Nullable String correction, boolean calls,
			@Nullable String county, @Nullable String charset) implements RevisionAction {
	}

	/** What the audit log keeps of an applied import. */
	record AuditedImport(long revision, long rows, long changedCounts, String hash, String file) {
	}

}
