package org.tally.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.tally.kernel.AuditLog;
import org.tally.kernel.ContestNotFoundException;
import org.tally.kernel.InvalidRequestException;
import org.tally.results.CallChoiceRole;
import org.tally.results.CallStatus;
import org.tally.results.RevisionAction;
import org.tally.results.Revisions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Race calls and concessions: decisions staff make, each a revision of the election.
 */
@Service
public class RaceDesk {

	private final JdbcClient jdbc;

	private final Revisions revisions;

	private final AuditLog audit;

	private final CallGuard guard;

	RaceDesk(JdbcClient jdbc, Revisions revisions, AuditLog audit, CallGuard guard) {
		this.guard = guard;
		this.jdbc = jdbc;
		this.revisions = revisions;
		this.audit = audit;
	}

	/**
	 * Records a call. Winners and advancing must be the contest's choices, no more
	 * winners than seats; a {@code called} contest names at least one winner or advancing
	 * choice.
	 */
	@Transactional
	public long call(String election, String contest, CallRequest request, String who) {
		String guarded = this.guard.check(election, contest, request);
		return record(election, contest, request, who, Instant.now(), (guarded != null) ? request.override() : null);
	}

	/**
	 * Records a call made at {@code calledAt} (a replay of a past night, as the demo
	 * does); otherwise as {@link #call(String, String, CallRequest, String)}.
	 */
	@Transactional
	public long call(String election, String contest, CallRequest request, String who, Instant calledAt) {
		return record(election, contest, request, who, calledAt, null);
	}

	private long record(String election, String contest, CallRequest request, String who, Instant calledAt,
			String override) {
		CallStatus status = CallStatus.find(request.status())
			.orElseThrow(() -> new InvalidRequestException("status: '" + request.status() + "' is no call status"));
		ContestRef ref = contest(election, contest);
		Map<String, Long> choices = choices(ref.id());
		List<String> problems = new ArrayList<>();
		checkNames("winners", request.winners(), choices, problems);
		checkNames("advancing", request.advancing(), choices, problems);
		if (request.winners().size() > ref.seats()) {
			problems.add("winners: " + request.winners().size() + " named but the contest has " + ref.seats() + " seat"
					+ ((ref.seats() == 1) ? "" : "s"));
		}
		if (request.advancing().size() > choices.size()) {
			problems.add("advancing: more choices than the contest has");
		}
		if (request.winners().stream().anyMatch(request.advancing()::contains)) {
			problems.add("a choice cannot both win and advance");
		}
		problems.addAll(problems(status, request));
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(String.join("; ", problems));
		}
		Record before = currentCall(ref.id()).map(Record.class::cast)
			.orElse(new StatusSnapshot(CallStatus.NOT_CALLED.code()));
		Instant now = Instant.now();
		long revision = this.revisions.next(ref.electionId(), "call", who, request.status() + " " + ref.name(), null,
				now, List.of(ref.id()),
				new Call(ref.slug(), request.status(), request.winners(), request.advancing(), request.note()));
		long callId = this.jdbc.sql("""
				insert into race_call (contest_id, status, called_at, called_by, note, revision, override)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(ref.id(), request.status(), Timestamp.from(calledAt), who, request.note(), revision, override)
			.query(Long.class)
			.single();
		CallChoiceRole.WINNER.record(this.jdbc, callId, request.winners().stream().map(choices::get).toList());
		CallChoiceRole.ADVANCING.record(this.jdbc, callId, request.advancing().stream().map(choices::get).toList());
		this.audit.record(who, (status == CallStatus.UNCALLED) ? "call-retracted" : "call",
				"contest " + election + "/" + contest, before, CallView.of(request, override),
				(override != null) ? "override: " + override : request.note());
		return revision;
	}

	/** Retracts the contest's call: it reads {@code uncalled} from now on. */
	@Transactional
	public long retract(String election, String contest, String who) {
		return call(election, contest,
				new CallRequest(CallStatus.UNCALLED.code(), List.of(), List.of(), "call retracted"), who);
	}

	/**
	 * Records a candidate's concession (replacing an earlier one of the same candidate).
	 */
	@Transactional
	public long concede(String election, String contest, ConcessionRequest request, String who) {
		ContestRef ref = contest(election, contest);
		return record(ref, election, choiceId(ref, request.candidate()), request.candidate(),
				new ConcessionChange(request.concededAt(), request.statement(), request.sourceUrl()), who,
				"concession");
	}

	/**
	 * Corrects the time, statement or source of a candidate's recorded concession (a
	 * missing time keeps the recorded one). The old row is kept (withdrawn) and a new one
	 * takes its place, so history stays.
	 */
	@Transactional
	public long editConcession(String election, String contest, String candidate, ConcessionChange change, String who) {
		ContestRef ref = contest(election, contest);
		long choiceId = choiceId(ref, candidate);
		ConcessionView active = activeConcession(choiceId)
			.orElseThrow(() -> NotFoundException.of("concession of '" + candidate + "' in " + ref.name()));
		Instant concededAt = (change.concededAt() != null) ? change.concededAt() : active.concededAt();
		return record(ref, election, choiceId, candidate,
				new ConcessionChange(concededAt, change.statement(), change.sourceUrl()), who, "concession-edited");
	}

	/** Withdraws a candidate's concession: pages and feed stop showing it. */
	@Transactional
	public long withdrawConcession(String election, String contest, String candidate, String who) {
		ContestRef ref = contest(election, contest);
		long choiceId = choiceId(ref, candidate);
		ConcessionView before = activeConcession(choiceId)
			.orElseThrow(() -> NotFoundException.of("concession of '" + candidate + "' in " + ref.name()));
		Instant now = Instant.now();
		long revision = this.revisions.next(ref.electionId(), "concession", who,
				candidate + "'s concession withdrawn in " + ref.name(), null, now, List.of(ref.id()),
				new Withdrawal("concession-withdrawn", ref.slug(), candidate));
		this.jdbc.sql("update concession set withdrawn_at = ? where choice_id = ? and withdrawn_at is null")
			.params(Timestamp.from(now), choiceId)
			.update();
		this.audit.record(who, "concession-withdrawn", "contest " + election + "/" + contest, before, null, candidate);
		return revision;
	}

	private long record(ContestRef ref, String election, long choiceId, String candidate, ConcessionChange change,
			String who, String action) {
		ConcessionView before = activeConcession(choiceId).orElse(null);
		Instant now = Instant.now();
		long revision = this.revisions.next(ref.electionId(), "concession", who, candidate + " conceded " + ref.name(),
				null, now, List.of(ref.id()), new Concession(action, ref.slug(), candidate, change.concededAt(),
						blankToNull(change.statement()), blankToNull(change.sourceUrl())));
		this.jdbc.sql("update concession set withdrawn_at = ? where choice_id = ? and withdrawn_at is null")
			.params(Timestamp.from(now), choiceId)
			.update();
		this.jdbc.sql("""
				insert into concession (contest_id, choice_id, conceded_at, statement, source_url, recorded_by,
				                        recorded_at, revision)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(ref.id(), choiceId, Timestamp.from((change.concededAt() != null) ? change.concededAt() : now),
					blankToNull(change.statement()), blankToNull(change.sourceUrl()), who, Timestamp.from(now),
					revision)
			.update();
		this.audit.record(who, action, "contest " + election + "/" + ref.slug(), before,
				activeConcession(choiceId).orElse(null), candidate);
		return revision;
	}

	private Optional<ConcessionView> activeConcession(long choiceId) {
		return this.jdbc.sql("""
				select ch.name as candidate, co.conceded_at, co.statement, co.source_url, co.recorded_by
				from concession co join choice ch on ch.id = co.choice_id
				where co.choice_id = ? and co.withdrawn_at is null""")
			.param(choiceId)
			.query(ConcessionView::read)
			.optional();
	}

	private Optional<CallView> currentCall(long contestId) {
		return this.jdbc
			.sql("""
					select rc.status,
					       %s,
					       rc.note
					from race_call rc where rc.contest_id = ? order by rc.id desc limit 1"""
				.formatted(CallChoiceRole.COLUMNS))
			.param(contestId)
			.query(CallView::read)
			.optional();
	}

	/** What the status asks of the winners and the choices advancing. */
	private static List<String> problems(CallStatus status, CallRequest request) {
		boolean names = !request.winners().isEmpty() || !request.advancing().isEmpty();
		return switch (status) {
			case CALLED -> names ? List.of() : List.of("a 'called' call names its winners or the choices advancing");
			case RUNOFF -> {
				List<String> problems = new ArrayList<>();
				if (!request.winners().isEmpty()) {
					problems.add("winners: a 'runoff' call has no winners, only the choices advancing");
				}
				if (request.advancing().size() < 2) {
					problems.add("advancing: a 'runoff' call names the choices in the runoff (at least two)");
				}
				yield problems;
			}
			case NOT_CALLED -> List.of("status: use 'uncalled' (or DELETE) to retract a call");
			case TOO_EARLY, TOO_CLOSE, UNCALLED ->
				names ? List.of("a '" + status.code() + "' call names no winners or advancing choices") : List.of();
		};
	}

	private long choiceId(ContestRef ref, String candidate) {
		Long choiceId = choices(ref.id()).get(candidate);
		if (choiceId == null) {
			throw new InvalidRequestException("candidate: '" + candidate + "' is not a choice of " + ref.name());
		}
		return choiceId;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static void checkNames(String field, List<String> names, Map<String, Long> choices, List<String> problems) {
		for (String name : names) {
			if (!choices.containsKey(name)) {
				problems.add(field + ": '" + name + "' is not a choice of this contest");
			}
		}
		if (names.stream().distinct().count() < names.size()) {
			problems.add(field + ": a choice is named twice");
		}
	}

	private Map<String, Long> choices(long contestId) {
		return this.jdbc.sql("select name, id from choice where contest_id = ?")
			.param(contestId)
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The user name that made the contest's current call, for staff only (readers see the
	 * role, docs/security.md); {@code null} when nobody called it.
	 */
	public String calledBy(long contestId) {
		return this.jdbc.sql("select called_by from race_call where contest_id = ? order by id desc limit 1")
			.param(contestId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private ContestRef contest(String election, String contest) {
		long electionId = this.revisions.lockElection(election);
		return this.jdbc
			.sql("select id, election_id, name, seats, slug from contest where election_id = ? and slug = ?")
			.params(electionId, contest)
			.query((rs, row) -> new ContestRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
					rs.getString(5)))
			.optional()
			.orElseThrow(() -> ContestNotFoundException.forSlug(election, contest));
	}

	private record ContestRef(long id, long electionId, String name, int seats, String slug) {
	}

	/** A call as the chain records it (docs/verify.md): what staff decided, not when. */
	private record Call(String contest, String status, List<String> winners, List<String> advancing,
			String note) implements RevisionAction {
	}

	/**
	 * A concession recorded or corrected, as the chain records it.
	 *
	 * @param type {@code concession} or {@code concession-edited}
	 */
	private record Concession(String type, String contest, String candidate, Instant concededAt, String statement,
			String sourceUrl) implements RevisionAction {
	}

	/** A concession withdrawn, as the chain records it; {@code type} says so. */
	private record Withdrawal(String type, String contest, String candidate) implements RevisionAction {
	}

}
