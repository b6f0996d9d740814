package org.tally.staff;

import java.time.Instant;
import java.util.List;

import org.tally.kernel.AuditLog;
import org.tally.kernel.ContestNotFoundException;
import org.tally.kernel.InvalidRequestException;
import org.tally.kernel.Slugs;
import org.tally.results.ResultsQueries;
import org.tally.results.Revisions;
import org.tally.results.Rule;
import org.tally.results.UnitLevel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets up what an election counts: contests, their candidates, and reporting units. Each
 * change is a {@code setup} revision of the election and an audit entry.
 */
@Service
public class ContestSetupService {

	private final JdbcClient jdbc;

	private final Revisions revisions;

	private final AuditLog audit;

	private final ResultsQueries results;

	ContestSetupService(JdbcClient jdbc, Revisions revisions, AuditLog audit, ResultsQueries results) {
		this.jdbc = jdbc;
		this.revisions = revisions;
		this.audit = audit;
		this.results = results;
	}

	/**
	 * Creates a contest whose slug comes from its office and district; answers the slug.
	 */
	@Transactional
	public String createContest(String election, ContestRequest request, String who) {
		long electionId = electionId(election);
		check(request);
		String slug = Slugs.of(request.office(), request.district());
		if (slug.isEmpty()) {
			throw new InvalidRequestException("office: needs at least one letter or digit");
		}
		if (this.results.contestId(electionId, slug).isPresent()) {
			throw SetupConflictException.of("A contest with slug '" + slug + "' already exists in " + election);
		}
		long id = setup(this.jdbc.sql("""
				insert into contest (election_id, slug, office, district, name, kind, seats, rule, threshold,
				                     uncontested, ballot_order, precincts_total, registered_voters, ballots_outstanding,
				                     expected_votes, ballots_cast)
				values (:election, :slug, :office, :district, :name, :kind, :seats, :rule, :threshold,
				        :uncontested, :ballotOrder, :precinctsTotal, :registeredVoters, :ballotsOutstanding,
				        :expectedVotes, :ballotsCast)
				returning id"""), request).param("election", electionId).param("slug", slug).query(Long.class).single();
		this.revisions.next(electionId, "setup", who, "contest " + slug + " created", null, Instant.now(), List.of(id));
		this.audit.record(who, "contest-created", "contest " + election + "/" + slug, null, contest(id), null);
		return slug;
	}

	/** Changes everything about a contest but its slug. */
	@Transactional
	public void updateContest(String election, String slug, ContestRequest request, String who) {
		long electionId = electionId(election);
		long id = contestId(electionId, election, slug);
		check(request);
		ContestView before = contest(id);
		setup(this.jdbc.sql("""
				update contest set office = :office, district = :district, name = :name, kind = :kind, seats = :seats,
				       rule = :rule, threshold = :threshold, uncontested = :uncontested, ballot_order = :ballotOrder,
				       precincts_total = :precinctsTotal, registered_voters = :registeredVoters,
				       ballots_outstanding = :ballotsOutstanding, expected_votes = :expectedVotes,
				       ballots_cast = :ballotsCast
				where id = :id"""), request).param("id", id).update();
		this.revisions.next(electionId, "setup", who, "contest " + slug + " edited", null, Instant.now(), List.of(id));
		this.audit.record(who, "contest-updated", "contest " + election + "/" + slug, before, contest(id), null);
	}

	/**
	 * Sets (or, with {@code null}, clears) the contest's expected vote, registered voters
	 * and ballots cast, leaving the rest of its setup alone.
	 */
	@Transactional
	public void updateFigures(String election, String slug, ContestFigures figures, String who) {
		long electionId = electionId(election);
		long id = contestId(electionId, election, slug);
		ContestView before = contest(id);
		this.jdbc.sql("update contest set expected_votes = ?, registered_voters = ?, ballots_cast = ? where id = ?")
			.params(figures.expectedVotes(), figures.registeredVoters(), figures.ballotsCast(), id)
			.update();
		this.revisions.next(electionId, "setup", who, "contest " + slug + " expected vote and turnout", null,
				Instant.now(), List.of(id));
		this.audit.record(who, "contest-updated", "contest " + election + "/" + slug, before, contest(id), null);
	}

	/** Adds a candidate (or a measure's Yes/No); answers its id. */
	@Transactional
	public long addCandidate(String election, String slug, CandidateRequest request, String who) {
		long electionId = electionId(election);
		long contestId = contestId(electionId, election, slug);
		checkNameFree(contestId, request.name(), 0);
		long id = this.jdbc.sql("""
				insert into choice (contest_id, name, party, incumbent, write_in, ballot_order)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(contestId, request.name(), request.party(), request.incumbent(), request.writeIn(),
					request.ballotOrder())
			.query(Long.class)
			.single();
		this.revisions.next(electionId, "setup", who, "candidate added to " + slug, null, Instant.now(),
				List.of(contestId));
		this.audit.record(who, "candidate-added", "contest " + election + "/" + slug, null, choice(id), null);
		return id;
	}

	/** Changes a candidate's name, party, incumbent and write-in marks, ballot order. */
	@Transactional
	public void updateCandidate(String election, String slug, long candidateId, CandidateRequest request, String who) {
		long electionId = electionId(election);
		long contestId = contestId(electionId, election, slug);
		ChoiceView before = this.jdbc
			.sql("select " + ChoiceView.COLUMNS + " from choice where id = ? and contest_id = ?")
			.params(candidateId, contestId)
			.query(ChoiceView::read)
			.optional()
			.orElseThrow(() -> NotFoundException.of("candidate " + candidateId + " in " + slug));
		checkNameFree(contestId, request.name(), candidateId);
		this.jdbc.sql("""
				update choice set name = ?, party = ?, incumbent = ?, write_in = ?, ballot_order = ? where id = ?""")
			.params(request.name(), request.party(), request.incumbent(), request.writeIn(), request.ballotOrder(),
					candidateId)
			.update();
		this.revisions.next(electionId, "setup", who, "candidate edited in " + slug, null, Instant.now(),
				List.of(contestId));
		this.audit.record(who, "candidate-updated", "contest " + election + "/" + slug, before, choice(candidateId),
				null);
	}

	/** Adds a state, county or precinct (a precinct names its county's code). */
	@Transactional
	public void addReportingUnit(String election, ReportingUnitRequest request, String who) {
		long electionId = electionId(election);
		if (request.code() == null || request.code().isEmpty() || request.code().length() > 300) {
			throw new InvalidRequestException("code: 1 to 300 characters");
		}
		Long parentId = null;
		if (UnitLevel.precinct(request.level()) && request.parent() == null) {
			throw new InvalidRequestException("parent: a precinct names the code of its county");
		}
		if (UnitLevel.STATE.code().equals(request.level()) && request.parent() != null) {
			throw new InvalidRequestException("parent: a state has no parent");
		}
		if (request.parent() != null) {
			parentId = this.jdbc
				.sql("select id from reporting_unit where election_id = ? and code = ? and level <> 'precinct'")
				.params(electionId, request.parent())
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new InvalidRequestException(
						"parent: no state or county with code '" + request.parent() + "'"));
		}
		boolean taken = this.jdbc.sql("select count(*) from reporting_unit where election_id = ? and code = ?")
			.params(electionId, request.code())
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw SetupConflictException.of("A reporting unit with code '" + request.code() + "' already exists");
		}
		this.jdbc.sql("insert into reporting_unit (election_id, code, name, level, parent_id) values (?, ?, ?, ?, ?)")
			.params(electionId, request.code(), request.name(), request.level(), parentId)
			.update();
		this.revisions.next(electionId, "setup", who, "reporting unit " + request.code() + " added", null,
				Instant.now(), List.of());
		this.audit.record(who, "reporting-unit-added", "election " + election, null, request, null);
	}

	/** A contest's stored setup, for the setup page and audit entries. */
	public ContestView contest(String election, String slug) {
		long electionId = electionId(election);
		return contest(contestId(electionId, election, slug));
	}

	/** The contest's candidates in ballot order, for the setup page. */
	public List<ChoiceView> candidates(String election, String slug) {
		long electionId = electionId(election);
		long contestId = contestId(electionId, election, slug);
		return this.jdbc
			.sql("select " + ChoiceView.COLUMNS + " from choice where contest_id = ? order by ballot_order, id")
			.param(contestId)
			.query(ChoiceView::read)
			.list();
	}

	/** The election's reporting units, states and counties before precincts. */
	public List<UnitView> reportingUnits(String election) {
		return this.jdbc.sql("""
				select u.code, u.name, u.level, p.code as parent
				from reporting_unit u join election e on e.id = u.election_id
				left join reporting_unit p on p.id = u.parent_id
				where e.slug = ?
				order by case u.level when 'state' then 0 when 'county' then 1 else 2 end, u.code
				limit 1000""")
			.param(election)
			.query((rs, row) -> new UnitView(rs.getString("code"), rs.getString("name"), rs.getString("level"),
					rs.getString("parent")))
			.list();
	}

	private static void check(ContestRequest request) {
		if (Rule.THRESHOLD.code().equals(request.rule()) && request.threshold() == null) {
			throw new InvalidRequestException("threshold: a threshold contest needs one (e.g. 55)");
		}
		if (!Rule.THRESHOLD.code().equals(request.rule()) && request.threshold() != null) {
			throw new InvalidRequestException("threshold: only for rule 'threshold'");
		}
	}

	private void checkNameFree(long contestId, String name, long exceptId) {
		boolean taken = this.jdbc.sql("select count(*) from choice where contest_id = ? and name = ? and id <> ?")
			.params(contestId, name, exceptId)
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw SetupConflictException.of("The contest already has a candidate named '" + name + "'");
		}
	}

	/** Binds the setup a contest's insert and update write: one write path. */
	private static JdbcClient.StatementSpec setup(JdbcClient.StatementSpec statement, ContestRequest request) {
		return statement.param("office", request.office())
			.param("district", request.district())
			.param("name", request.displayName())
			.param("kind", request.kind())
			.param("seats", request.seats())
			.param("rule", request.rule())
			.param("threshold", request.threshold())
			.param("uncontested", request.uncontested())
			.param("ballotOrder", request.ballotOrder())
			.param("precinctsTotal", request.precinctsTotal())
			.param("registeredVoters", request.registeredVoters())
			.param("ballotsOutstanding", request.ballotsOutstanding())
			.param("expectedVotes", request.expectedVotes())
			.param("ballotsCast", request.ballotsCast());
	}

	private ContestView contest(long id) {
		return this.jdbc.sql("select " + ContestView.COLUMNS + " from contest where id = ?")
			.param(id)
			.query(ContestView::read)
			.single();
	}

	private ChoiceView choice(long id) {
		return this.jdbc.sql("select " + ChoiceView.COLUMNS + " from choice where id = ?")
			.param(id)
			.query(ChoiceView::read)
			.single();
	}

	private long electionId(String election) {
		return this.revisions.lockElection(election);
	}

	private long contestId(long electionId, String election, String slug) {
		return this.results.contestId(electionId, slug)
			.orElseThrow(() -> ContestNotFoundException.forSlug(election, slug));
	}

}
