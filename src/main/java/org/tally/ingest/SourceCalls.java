package org.tally.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tally.ingest.kit.WinnerRow;
import org.tally.kernel.AuditLog;
import org.tally.results.CallChoiceRole;
import org.tally.results.CallStatus;
import org.tally.results.ContestResult;
import org.tally.results.ResultsQueries;
import org.tally.results.Revisions;
import org.tally.kernel.Slugs;
import org.tally.results.projection.CallRisk;
import org.tally.results.projection.Projections;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a source's own calls (AP's {@code winner} flags) into calls, inside the import's
 * transaction, when staff imported with {@code calls=ap}. A call is recorded as the
 * importing staff member's, with the note "AP"; a contest whose latest call was made by
 * staff (any other note, a retraction included) keeps it: a staff call always wins. A
 * call taken while the call guard would apply (docs/projection.md, "Call guard": the
 * estimate's margin range includes zero, or a known remainder is at least the margin, by
 * the counts the file brings) is never refused: its record carries a note saying so (in
 * {@code override}, where a staff call keeps its reason) and it is audited.
 */
@Component
class SourceCalls {

	static final String NOTE = "AP";

	/** The start of the note on a call taken while the call guard would apply. */
	static final String GUARDED = "taken from the file (calls=ap) while the call guard applies: ";

	private final JdbcClient jdbc;

	private final Revisions revisions;

	private final ResultsQueries results;

	private final Projections projections;

	private final AuditLog audit;

	SourceCalls(JdbcClient jdbc, Revisions revisions, ResultsQueries results, Projections projections, AuditLog audit) {
		this.jdbc = jdbc;
		this.revisions = revisions;
		this.results = results;
		this.projections = projections;
		this.audit = audit;
	}

	/**
	 * Records the calls that differ from each contest's current AP call.
	 * @param revision the import's revision, or {@code null} when it changed no count (a
	 * call revision is then taken if any call is recorded)
	 * @return the revision the calls went into, or the given one when none was recorded
	 */
	Long record(long electionId, String election, List<WinnerRow> winners, Long revision, String who, Instant now) {
		Map<String, Wanted> wanted = new LinkedHashMap<>();
		for (WinnerRow row : winners) {
			Wanted call = wanted.computeIfAbsent(Slugs.of(row.office(), row.district()), (slug) -> new Wanted());
			(row.runoff() ? call.advancing : call.winners).add(row.candidate());
		}
		List<Call> calls = new ArrayList<>();
		wanted.forEach((slug, call) -> {
			Call resolved = resolve(electionId, slug, call);
			if (resolved != null) {
				calls.add(resolved);
			}
		});
		if (calls.isEmpty()) {
			return revision;
		}
		List<Long> contests = calls.stream().map(Call::contestId).toList();
		long into = (revision != null) ? revision
				: this.revisions.next(electionId, "call", who, "AP calls", null, now, contests);
		this.jdbc.sql("update contest set revision = :revision, last_updated = :now where id = any(:ids)")
			.param("revision", into)
			.param("now", Timestamp.from(now))
			.param("ids", contests.toArray(Long[]::new))
			.update();
		Map<Long, String> guarded = guarded(electionId, election, contests);
		for (Call call : calls) {
			String guard = guarded.get(call.contestId());
			long callId = this.jdbc.sql("""
					insert into race_call (contest_id, status, called_at, called_by, note, revision, override)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(call.contestId(), call.status().code(), Timestamp.from(now), who, NOTE, into, guard)
				.query(Long.class)
				.single();
			if (guard != null) {
				this.audit.record(who, "call", "contest " + election + "/" + call.slug(), null,
						new AuditedCall(call.status().code(), NOTE, guard), guard);
			}
			CallChoiceRole.WINNER.record(this.jdbc, callId, call.winners());
			CallChoiceRole.ADVANCING.record(this.jdbc, callId, call.advancing());
		}
		return into;
	}

	/**
	 * The note for each contest the call guard would apply to now, by the counts the
	 * import brings (its own transaction's) and the estimate made from them.
	 */
	private Map<Long, String> guarded(long electionId, String election, List<Long> contests) {
		Map<Long, String> notes = new LinkedHashMap<>();
		for (ContestResult contest : this.results.contests(electionId, contests)) {
			String reason = CallRisk.reason(this.projections.uncached(election, electionId, contest), contest);
			if (reason != null) {
				notes.put(contest.id(), GUARDED + reason);
			}
		}
		return notes;
	}

	/** The call to record for one contest, or {@code null}: none, or the same as now. */
	private Call resolve(long electionId, String slug, Wanted wanted) {
		Long contestId = this.jdbc.sql("select id from contest where election_id = ? and slug = ?")
			.params(electionId, slug)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (contestId == null) {
			return null;
		}
		Map<String, Long> choices = new LinkedHashMap<>();
		this.jdbc.sql("select id, name from choice where contest_id = ?").param(contestId).query((rs) -> {
			choices.put(rs.getString("name"), rs.getLong("id"));
		});
		Set<Long> winners = ids(wanted.winners, choices);
		Set<Long> advancing = ids(wanted.advancing, choices);
		if (winners.isEmpty() && advancing.size() < 2) {
			return null;
		}
		CallStatus status = winners.isEmpty() ? CallStatus.RUNOFF : CallStatus.CALLED;
		Call call = new Call(contestId, slug, status, winners, winners.isEmpty() ? advancing : Set.of());
		Current current = this.jdbc.sql("""
				select id, status, note from race_call where contest_id = ? order by id desc limit 1""")
			.param(contestId)
			.query((rs, row) -> new Current(rs.getLong("id"), rs.getString("status"), rs.getString("note")))
			.optional()
			.orElse(null);
		if (current == null) {
			return call;
		}
		if (!NOTE.equals(current.note())) {
			return null;
		}
		Set<Long> nowWinners = new LinkedHashSet<>();
		Set<Long> nowAdvancing = new LinkedHashSet<>();
		this.jdbc.sql("select choice_id, role from race_call_choice where call_id = ?")
			.param(current.id())
			.query((rs) -> {
				Set<Long> named = switch (CallChoiceRole.fromCode(rs.getString("role"))) {
					case WINNER -> nowWinners;
					case ADVANCING -> nowAdvancing;
				};
				named.add(rs.getLong("choice_id"));
			});
		boolean same = Objects.equals(current.status(), status.code()) && nowWinners.equals(call.winners())
				&& nowAdvancing.equals(call.advancing());
		return same ? null : call;
	}

	private static Set<Long> ids(Set<String> names, Map<String, Long> choices) {
		Set<Long> ids = new LinkedHashSet<>();
		for (String name : names) {
			Long id = choices.get(name);
			if (id != null) {
				ids.add(id);
			}
		}
		return ids;
	}

	private static final class Wanted {

		final Set<String> winners = new LinkedHashSet<>();

		final Set<String> advancing = new LinkedHashSet<>();

	}

	private record Call(long contestId, String slug, CallStatus status, Set<Long> winners, Set<Long> advancing) {
	}

	/** What the audit log keeps of a call taken while the call guard applies. */
	record AuditedCall(String status, String note, String override) {
	}

	private record Current(long id, String status, String note) {
	}

}
