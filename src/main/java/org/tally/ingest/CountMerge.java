package org.tally.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tally.results.ContestResult;
import org.tally.results.Revisions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-wise SQL of an import, run on the {@code staged} table inside the import's
 * transaction: resolve names to ids, check, merge into the counts, keep the history.
 */
@Component
class CountMerge {

	private static final String RESOLVE = """
			create temporary table resolved on commit drop as
			select c.id as contest_id, u.id as unit_id, ch.id as choice_id, s.vote_type,
			       min(s.votes) as votes, max(s.votes) as high, min(s.row) as row, max(s.row) as last_row
			from staged s
			join contest c on c.election_id = :election and c.slug = s.contest_slug
			join choice ch on ch.contest_id = c.id and ch.name = s.candidate
			join reporting_unit u on u.election_id = :election and u.code = coalesce(s.precinct_code, s.county_code)
			where s.kind = 'c'
			group by c.id, u.id, ch.id, s.vote_type
			""";

	private static final String CONFLICTS = """
			select r.row as first_row, r.last_row, r.votes as low, r.high
			from resolved r
			where r.votes <> r.high
			order by 1
			limit 101
			""";

	private static final String DECREASES = """
			select r.row, r.votes, v.votes as current, r.vote_type
			from resolved r
			join vote_count v on v.contest_id = r.contest_id and v.unit_id = r.unit_id
			     and v.choice_id = r.choice_id and v.vote_type = r.vote_type
			where r.votes < v.votes
			order by r.row
			limit 101
			""";

	private static final String CHANGED = """
			create temporary table changed on commit drop as
			select r.contest_id, r.unit_id, r.choice_id, r.vote_type, r.votes, v.votes as previous,
			       v.revision as previous_revision
			from resolved r
			left join vote_count v on v.contest_id = r.contest_id and v.unit_id = r.unit_id
			     and v.choice_id = r.choice_id and v.vote_type = r.vote_type
			where v.votes is distinct from r.votes
			""";

	private static final String PROGRESS_CHANGED = """
			create temporary table changed_progress on commit drop as
			select distinct on (c.id, u.id) c.id as contest_id, u.id as unit_id, s.precincts_reporting,
			       s.precincts_total, s.ballots_cast, s.registered_voters, s.ballots_outstanding
			from staged s
			join contest c on c.election_id = :election and c.slug = s.contest_slug
			join reporting_unit u on u.election_id = :election and u.code = coalesce(s.precinct_code, s.county_code)
			left join progress p on p.contest_id = c.id and p.unit_id = u.id
			where :anyProgress and s.kind = 'p' and (p.contest_id is null
			      or (p.precincts_reporting, p.precincts_total, p.ballots_cast, p.registered_voters, p.ballots_outstanding)
			         is distinct from
			         (s.precincts_reporting, s.precincts_total, s.ballots_cast, s.registered_voters, s.ballots_outstanding))
			order by c.id, u.id, s.row desc
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Revisions revisions;

	CountMerge(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Revisions revisions) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.revisions = revisions;
	}

	/** Serializes imports into one election until the transaction ends. */
	long lockElection(long electionId) {
		return this.jdbc.sql("select revision from election where id = ? for update")
			.param(electionId)
			.query(Long.class)
			.single();
	}

	/**
	 * Finds the contests, choices and units the staged rows name. Setup mode creates the
	 * missing ones; strict mode reports each as a problem with the closest known name.
	 */
	Resolution resolve(ImportService.ElectionRef election, ImportMode mode, ProblemCollector problems) {
		Map<Long, List<String>> newCandidates = new HashMap<>();
		if (mode == ImportMode.SETUP) {
			createMissing(election, newCandidates);
		}
		else {
			reportUnknown(election.id(), problems);
		}
		this.jdbc.sql(RESOLVE).param("election", election.id()).update();
		this.jdbc.sql("analyze resolved").update();
		return new Resolution(newCandidates);
	}

	private void createMissing(ImportService.ElectionRef election, Map<Long, List<String>> newCandidates) {
		long id = election.id();
		int created = this.jdbc.sql("""
				insert into reporting_unit (election_id, code, name, level)
				select distinct on (county_code) :election, county_code, county, 'county'
				from (select county_code, county, min(row) as row from staged group by county_code, county) s
				order by county_code, row
				on conflict (election_id, code) do nothing
				""").param("election", id).update();
		created += this.jdbc.sql("""
				insert into reporting_unit (election_id, code, name, level, parent_id)
				select distinct on (s.precinct_code) :election, s.precinct_code, s.precinct, 'precinct', u.id
				from (select precinct_code, precinct, county_code, min(row) as row from staged
				      where precinct_code is not null group by precinct_code, precinct, county_code) s
				join reporting_unit u on u.election_id = :election and u.code = s.county_code
				order by s.precinct_code, s.row
				on conflict (election_id, code) do nothing
				""").param("election", id).update();
		String rule = (election.kind().endsWith("primary")) ? "top-two" : "plurality";
		created += this.jdbc.sql("""
				insert into contest (election_id, slug, office, district, name, rule, ballot_order)
				select distinct on (contest_slug) :election, contest_slug, office, district,
				       case when district = '' then office else office || ', District ' || district end,
				       :rule, row
				from (select contest_slug, office, district, min(row) as row from staged
				      group by contest_slug, office, district) s
				order by contest_slug, row
				on conflict (election_id, slug) do nothing
				""").param("election", id).param("rule", rule).update();
		this.jdbc.sql("""
				insert into choice (contest_id, name, party, incumbent, write_in, ballot_order)
				select distinct on (c.id, s.candidate) c.id, s.candidate, s.party, coalesce(s.incumbent, false),
				       coalesce(s.write_in, false), s.row
				from (select contest_slug, candidate, party, incumbent, write_in, min(row) as row from staged
				      where kind = 'c' group by contest_slug, candidate, party, incumbent, write_in) s
				join contest c on c.election_id = :election and c.slug = s.contest_slug
				order by c.id, s.candidate, s.row
				on conflict (contest_id, name) do nothing
				returning contest_id, name
				""")
			.param("election", id)
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach((choice) -> newCandidates.computeIfAbsent(choice.getKey(), (k) -> new ArrayList<>())
				.add(choice.getValue()));
		if (created > 0 || !newCandidates.isEmpty()) {
			// fresh statistics, or the planner takes a just-filled table for empty
			this.jdbc.sql("analyze reporting_unit, contest, choice").update();
		}
	}

	private void reportUnknown(long electionId, ProblemCollector problems) {
		this.jdbc.sql("""
				select min(s.row) as row, s.office, s.district, count(*) as rows
				from staged s left join contest c on c.election_id = :election and c.slug = s.contest_slug
				where c.id is null
				group by s.office, s.district order by 1
				""").param("election", electionId).query((rs) -> {
			List<String> known = this.jdbc.sql("select name from contest where election_id = ?")
				.param(electionId)
				.query(String.class)
				.list();
			String value = rs.getString("office")
					+ (rs.getString("district").isEmpty() ? "" : ", District " + rs.getString("district"));
			problems.add(new Problem(rs.getLong("row"), "office", value, "unknown contest (" + rs.getLong("rows")
					+ " rows)" + Closest.suggestion(value, known) + "; import with mode=setup to create it"));
		});
		this.jdbc.sql("""
				select min(s.row) as row, c.id as contest_id, c.name as contest, s.candidate, count(*) as rows
				from staged s join contest c on c.election_id = :election and c.slug = s.contest_slug
				left join choice ch on ch.contest_id = c.id and ch.name = s.candidate
				where s.kind = 'c' and ch.id is null
				group by c.id, c.name, s.candidate order by 1
				""").param("election", electionId).query((rs) -> {
			List<String> known = this.jdbc.sql("select name from choice where contest_id = ?")
				.param(rs.getLong("contest_id"))
				.query(String.class)
				.list();
			problems.add(new Problem(rs.getLong("row"), "candidate", rs.getString("candidate"),
					"unknown candidate in " + rs.getString("contest") + " (" + rs.getLong("rows") + " rows)"
							+ Closest.suggestion(rs.getString("candidate"), known)));
		});
		this.jdbc.sql("""
				select min(s.row) as row, coalesce(s.precinct_code, s.county_code) as code,
				       coalesce(s.precinct, s.county) as name, s.precinct is not null as is_precinct
				from staged s left join reporting_unit u
				     on u.election_id = :election and u.code = coalesce(s.precinct_code, s.county_code)
				where u.id is null
				group by 2, 3, 4 order by 1
				""").param("election", electionId).query((rs) -> {
			boolean precinct = rs.getBoolean("is_precinct");
			problems
				.add(new Problem(rs.getLong("row"), precinct ? "precinct" : "county", rs.getString("name"), "unknown "
						+ (precinct ? "precinct" : "county") + "; import with mode=setup to create reporting units"));
		});
	}

	/**
	 * Conflicting duplicate rows in the file, and counts that go down without a
	 * correction.
	 */
	void checkConflictsAndDecreases(boolean correction, ProblemCollector problems) {
		this.jdbc.sql(CONFLICTS)
			.query((RowCallbackHandler) (rs) -> problems
				.add(new Problem(rs.getLong("last_row"), "votes", Long.toString(rs.getLong("high")),
						"conflicts with row " + rs.getLong("first_row") + " for the same unit, contest and candidate ("
								+ rs.getLong("low") + " vs " + rs.getLong("high") + ")")));
		if (correction) {
			return;
		}
		this.jdbc.sql(DECREASES)
			.query((RowCallbackHandler) (rs) -> problems
				.add(new Problem(rs.getLong("row"), "votes", Long.toString(rs.getLong("votes")),
						"count goes down from " + rs.getLong("current") + " to " + rs.getLong("votes") + " (vote type "
								+ rs.getString("vote_type") + "); send correction=<reason> to apply a correction")));
	}

	/**
	 * Merges the resolved rows: a new revision, the changed counts into their history and
	 * into the current counts, progress, and the touched contests. Makes no revision when
	 * nothing changed.
	 */
	Applied apply(ImportService.ElectionRef election, ImportCommand command, StagingWriter.Staged staged, Instant now) {
		this.jdbc.sql(CHANGED).update();
		this.jdbc.sql(PROGRESS_CHANGED)
			.param("election", election.id())
			.param("anyProgress", staged.progressRows() > 0)
			.update();
		this.jdbc.sql("analyze changed").update();
		long changedCounts = this.jdbc.sql("select count(*) from changed").query(Long.class).single();
		long changedProgress = this.jdbc.sql("select count(*) from changed_progress").query(Long.class).single();
		Map<Long, Long> decreases = new HashMap<>();
		Map<Long, Integer> newUnits = new HashMap<>();
		this.jdbc.sql("""
				select contest_id, count(*) filter (where votes < previous) as decreases,
				       count(distinct unit_id) filter (where previous is null
				           and not exists (select 1 from vote_count v where v.contest_id = changed.contest_id
				                           and v.unit_id = changed.unit_id)) as new_units
				from changed group by contest_id
				""").query((rs) -> {
			decreases.put(rs.getLong("contest_id"), rs.getLong("decreases"));
			newUnits.put(rs.getLong("contest_id"), rs.getInt("new_units"));
		});
		List<Long> changedContests = this.jdbc
			.sql("select contest_id from changed union select contest_id from changed_progress order by 1")
			.query(Long.class)
			.list();
		if (changedCounts == 0 && changedProgress == 0) {
			return new Applied(null, 0, changedContests, decreases, newUnits);
		}
		long revision = this.revisions.next(election.id(), (command.correction() != null) ? "correction" : "import",
				command.recordedBy(), (command.correction() != null) ? command.correction() : command.fileName(),
				command.sourceUpdatedAt(), now, changedContests);
		this.jdbc.sql("""
				insert into vote_count_change (contest_id, choice_id, unit_id, vote_type, revision, votes,
				                               previous_votes, previous_revision)
				select contest_id, choice_id, unit_id, vote_type, :revision, votes, previous, previous_revision
				from changed where previous is not null
				order by contest_id, unit_id, choice_id, vote_type
				""").param("revision", revision).update();
		// The election's row lock keeps other imports away from these keys: new counts
		// are
		// plain inserts (no speculative insertion per row), replaced ones plain updates.
		this.jdbc.sql("""
				update vote_count v set votes = c.votes, revision = :revision
				from changed c
				where c.previous is not null and v.contest_id = c.contest_id and v.unit_id = c.unit_id
				      and v.choice_id = c.choice_id and v.vote_type = c.vote_type
				""").param("revision", revision).update();
		this.jdbc.sql("""
				insert into vote_count (contest_id, choice_id, unit_id, vote_type, votes, revision)
				select contest_id, choice_id, unit_id, vote_type, votes, :revision from changed
				where previous is null
				order by contest_id, unit_id, choice_id, vote_type
				""").param("revision", revision).update();
		this.jdbc.sql("""
				insert into progress (contest_id, unit_id, precincts_reporting, precincts_total, ballots_cast,
				                      registered_voters, ballots_outstanding, revision)
				select contest_id, unit_id, precincts_reporting, precincts_total, ballots_cast, registered_voters,
				       ballots_outstanding, :revision from changed_progress
				on conflict (contest_id, unit_id) do update set precincts_reporting = excluded.precincts_reporting,
				    precincts_total = excluded.precincts_total, ballots_cast = excluded.ballots_cast,
				    registered_voters = excluded.registered_voters, ballots_outstanding = excluded.ballots_outstanding,
				    revision = excluded.revision
				""").param("revision", revision).update();
		return new Applied(revision, changedCounts, changedContests, decreases, newUnits);
	}

	/**
	 * Each contest's total as the last revision that changed its counts left it: the sum
	 * of its latest snapshot, read by index instead of re-adding every count.
	 */
	Map<Long, Long> lastTotals(long electionId) {
		Map<Long, Long> totals = new HashMap<>();
		this.jdbc
			.sql("""
					select c.id, (select sum(s.votes) from contest_snapshot s where s.contest_id = c.id
					              and s.revision = (select max(x.revision) from contest_snapshot x where x.contest_id = c.id))
					from contest c where c.election_id = ?
					""")
			.param(electionId)
			.query((RowCallbackHandler) (rs) -> totals.put(rs.getLong(1), rs.getLong(2)));
		return totals;
	}

	/** Keeps the totals of the changed contests as they stand after the revision. */
	void snapshot(long revision, List<Long> contestIds, Map<Long, ContestResult> after, Instant now,
			Instant sourceUpdatedAt) {
		List<Object[]> totals = new ArrayList<>();
		List<Object[]> progress = new ArrayList<>();
		for (Long contestId : contestIds) {
			ContestResult contest = after.get(contestId);
			contest.candidates()
				.forEach((candidate) -> totals
					.add(new Object[] { contest.id(), revision, candidate.id(), candidate.votes() }));
			progress.add(new Object[] { contest.id(), revision, contest.progress().precinctsReporting(),
					contest.progress().precinctsTotal(),
					(sourceUpdatedAt != null) ? Timestamp.from(sourceUpdatedAt) : null, Timestamp.from(now) });
		}
		this.jdbcTemplate.batchUpdate(
				"insert into contest_snapshot (contest_id, revision, choice_id, votes) values (?, ?, ?, ?)", totals);
		this.jdbcTemplate.batchUpdate("""
				insert into contest_progress_snapshot (contest_id, revision, precincts_reporting, precincts_total,
				                                       source_updated_at, received_at)
				values (?, ?, ?, ?, ?, ?)""", progress);
	}

	record Resolution(Map<Long, List<String>> newCandidates) {
	}

	record Applied(Long revision, long changedCounts, List<Long> changedContests, Map<Long, Long> decreases,
			Map<Long, Integer> newUnits) {
	}

}
