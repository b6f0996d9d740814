package org.tally.staff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.tally.results.ContestNotFoundException;
import org.tally.results.ElectionNotFoundException;
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

	RaceDesk(JdbcClient jdbc, Revisions revisions) {
		this.jdbc = jdbc;
		this.revisions = revisions;
	}

	/**
	 * Records a call. Winners and advancing must be the contest's choices, no more
	 * winners than seats; a {@code called} contest names at least one winner or advancing
	 * choice.
	 */
	@Transactional
	public long call(String election, String contest, CallRequest request, String who) {
		ContestRef ref = contest(election, contest);
		Map<String, Long> choices = choices(ref.id());
		List<String> problems = new ArrayList<>();
		checkNames("winners", request.winners(), choices, problems);
		checkNames("advancing", request.advancing(), choices, problems);
		if (request.winners().size() > ref.seats()) {
			problems.add("winners: " + request.winners().size() + " named but the contest has " + ref.seats() + " seat"
					+ ((ref.seats() == 1) ? "" : "s"));
		}
		if (("called".equals(request.status()) || "runoff".equals(request.status())) && request.winners().isEmpty()
				&& request.advancing().isEmpty()) {
			problems.add("a '" + request.status() + "' call names its winners or the choices advancing");
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		Instant now = Instant.now();
		long revision = this.revisions.next(ref.electionId(), "call", who, request.status() + " " + ref.name(), null,
				now, List.of(ref.id()));
		long callId = this.jdbc.sql("""
				insert into race_call (contest_id, status, called_at, called_by, note, revision)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(ref.id(), request.status(), java.sql.Timestamp.from(now), who, request.note(), revision)
			.query(Long.class)
			.single();
		for (String winner : request.winners()) {
			this.jdbc.sql("insert into race_call_choice (call_id, choice_id, role) values (?, ?, 'winner')")
				.params(callId, choices.get(winner))
				.update();
		}
		for (String advancing : request.advancing()) {
			this.jdbc.sql("insert into race_call_choice (call_id, choice_id, role) values (?, ?, 'advancing')")
				.params(callId, choices.get(advancing))
				.update();
		}
		return revision;
	}

	/** Retracts the contest's call: it reads {@code uncalled} from now on. */
	@Transactional
	public long retract(String election, String contest, String who) {
		return call(election, contest, new CallRequest("uncalled", List.of(), List.of(), "call retracted"), who);
	}

	/**
	 * Records a candidate's concession (replacing an earlier one of the same candidate).
	 */
	@Transactional
	public long concede(String election, String contest, ConcessionRequest request, String who) {
		ContestRef ref = contest(election, contest);
		Long choiceId = choices(ref.id()).get(request.candidate());
		if (choiceId == null) {
			throw new IllegalArgumentException(
					"candidate: '" + request.candidate() + "' is not a choice of " + ref.name());
		}
		Instant now = Instant.now();
		long revision = this.revisions.next(ref.electionId(), "concession", who,
				request.candidate() + " conceded " + ref.name(), null, now, List.of(ref.id()));
		this.jdbc.sql("update concession set withdrawn_at = ? where choice_id = ? and withdrawn_at is null")
			.params(java.sql.Timestamp.from(now), choiceId)
			.update();
		this.jdbc.sql("""
				insert into concession (contest_id, choice_id, conceded_at, statement, source_url, recorded_by,
				                        recorded_at, revision)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(ref.id(), choiceId,
					java.sql.Timestamp.from((request.concededAt() != null) ? request.concededAt() : now),
					request.statement(), request.sourceUrl(), who, java.sql.Timestamp.from(now), revision)
			.update();
		return revision;
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

	private ContestRef contest(String election, String contest) {
		Long electionId = this.jdbc.sql("select id from election where slug = ? for update")
			.param(election)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> ElectionNotFoundException.forSlug(election));
		return this.jdbc.sql("select id, election_id, name, seats from contest where election_id = ? and slug = ?")
			.params(electionId, contest)
			.query((rs, row) -> new ContestRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)))
			.optional()
			.orElseThrow(() -> ContestNotFoundException.forSlug(election, contest));
	}

	private record ContestRef(long id, long electionId, String name, int seats) {
	}

}
