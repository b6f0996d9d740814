package org.tally.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads stored counts, progress, calls and concessions of an election set-wise. The
 * totals rule lives here: per contest and county, the precinct rows when there are any,
 * otherwise the county row, never both.
 */
@Repository
public class ResultsQueries {

	/**
	 * Contest-wide totals per choice after the totals rule; :election and :contest (0 =
	 * all).
	 */
	static final String CHOICE_TOTALS = """
			with counted as (
			    select vc.contest_id, vc.choice_id, vc.votes, u.level, coalesce(u.parent_id, u.id) as county_id
			    from vote_count vc
			    join contest c on c.id = vc.contest_id
			    join reporting_unit u on u.id = vc.unit_id
			    where c.election_id = :election and (:contest = 0 or c.id = :contest) and vc.vote_type = 'total'
			), with_precincts as (
			    select distinct contest_id, county_id from counted where level = 'precinct'
			)
			select ch.id, ch.contest_id, ch.name, ch.party, ch.incumbent, ch.write_in, ch.ballot_order,
			       coalesce(t.votes, 0) as votes
			from choice ch
			join contest c on c.id = ch.contest_id
			left join (
			    select k.choice_id, sum(k.votes) as votes
			    from counted k
			    where k.level = 'precinct'
			       or not exists (select 1 from with_precincts p
			                      where p.contest_id = k.contest_id and p.county_id = k.county_id)
			    group by k.choice_id
			) t on t.choice_id = ch.id
			where c.election_id = :election and (:contest = 0 or c.id = :contest)
			order by ch.contest_id, ch.ballot_order, ch.id
			""";

	private static final String CONTESTS = """
			select id, election_id, slug, office, district, name, kind, seats, rule, threshold, uncontested,
			       precincts_total, registered_voters, ballots_outstanding, revision, last_updated
			from contest
			where election_id = :election and (:contest = 0 or id = :contest)
			order by ballot_order, office, length(district), district, name, id
			""";

	private static final String PROGRESS = """
			select c.id as contest_id,
			       (select sum(p.precincts_reporting) from progress p join reporting_unit u on u.id = p.unit_id
			        where p.contest_id = c.id and u.level <> 'precinct') as reported_reporting,
			       (select sum(p.precincts_total) from progress p join reporting_unit u on u.id = p.unit_id
			        where p.contest_id = c.id and u.level <> 'precinct') as reported_total,
			       (select sum(p.ballots_outstanding) from progress p where p.contest_id = c.id) as outstanding,
			       (select sum(p.registered_voters) from progress p join reporting_unit u on u.id = p.unit_id
			        where p.contest_id = c.id and u.level <> 'precinct') as registered,
			       (select count(distinct vc.unit_id) from vote_count vc join reporting_unit u on u.id = vc.unit_id
			        where vc.contest_id = c.id and u.level = 'precinct' and vc.vote_type = 'total') as precincts_counted
			from contest c
			where c.election_id = :election and (:contest = 0 or c.id = :contest)
			""";

	private static final String CALLS = """
			select distinct on (rc.contest_id) rc.id, rc.contest_id, rc.status, rc.called_at, rc.called_by, rc.note,
			       array(select ch.name from race_call_choice x join choice ch on ch.id = x.choice_id
			             where x.call_id = rc.id and x.role = 'winner' order by ch.ballot_order, ch.id) as winners,
			       array(select ch.name from race_call_choice x join choice ch on ch.id = x.choice_id
			             where x.call_id = rc.id and x.role = 'advancing' order by ch.ballot_order, ch.id) as advancing
			from race_call rc
			join contest c on c.id = rc.contest_id
			where c.election_id = :election and (:contest = 0 or c.id = :contest)
			order by rc.contest_id, rc.id desc
			""";

	private static final String CONCESSIONS = """
			select co.choice_id, co.conceded_at, co.statement, co.source_url
			from concession co
			join contest c on c.id = co.contest_id
			where c.election_id = :election and (:contest = 0 or c.id = :contest) and co.withdrawn_at is null
			""";

	private final JdbcClient jdbc;

	ResultsQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every contest of the election (or the one contest when {@code contestId > 0}) as
	 * readers see it now.
	 */
	public List<ContestResult> contests(long electionId, long contestId) {
		List<ContestRow> contests = this.jdbc.sql(CONTESTS)
			.param("election", electionId)
			.param("contest", contestId)
			.query(ResultsQueries::contestRow)
			.list();
		Map<Long, List<ChoiceTotal>> choices = new HashMap<>();
		this.jdbc.sql(CHOICE_TOTALS)
			.param("election", electionId)
			.param("contest", contestId)
			.query(ResultsQueries::choiceTotal)
			.list()
			.forEach((choice) -> choices.computeIfAbsent(choice.contestId(), (id) -> new ArrayList<>()).add(choice));
		Map<Long, ContestProgress> progress = new HashMap<>();
		this.jdbc.sql(PROGRESS).param("election", electionId).param("contest", contestId).query((rs) -> {
			Integer reporting = integer(rs, "reported_reporting");
			Integer total = integer(rs, "reported_total");
			if (reporting == null) {
				int counted = rs.getInt("precincts_counted");
				reporting = (counted > 0) ? counted : null;
				total = null;
			}
			progress.put(rs.getLong("contest_id"),
					new ContestProgress(reporting, total, longOrNull(rs, "outstanding"), longOrNull(rs, "registered")));
		});
		Map<Long, RaceCall> calls = new HashMap<>();
		this.jdbc.sql(CALLS).param("election", electionId).param("contest", contestId).query((rs) -> {
			calls.put(rs.getLong("contest_id"),
					new RaceCall(rs.getString("status"), strings(rs, "winners"), strings(rs, "advancing"),
							instant(rs, "called_at"), rs.getString("called_by"), rs.getString("note")));
		});
		Map<Long, CandidateResult.Concession> concessions = new HashMap<>();
		this.jdbc.sql(CONCESSIONS).param("election", electionId).param("contest", contestId).query((rs) -> {
			concessions.put(rs.getLong("choice_id"), new CandidateResult.Concession(instant(rs, "conceded_at"),
					rs.getString("statement"), rs.getString("source_url")));
		});
		List<ContestResult> results = new ArrayList<>(contests.size());
		for (ContestRow contest : contests) {
			ContestProgress contestProgress = progress.getOrDefault(contest.id(), ContestProgress.UNKNOWN);
			if (contestProgress.precinctsTotal() == null && contest.precinctsTotal() == null
					&& contestProgress.precinctsReporting() != null) {
				contestProgress = new ContestProgress(contestProgress.precinctsReporting(),
						contestProgress.precinctsReporting(), contestProgress.ballotsOutstanding(),
						contestProgress.registeredVoters());
			}
			results.add(ContestResults.assemble(contest, choices.getOrDefault(contest.id(), List.of()), contestProgress,
					calls.getOrDefault(contest.id(), RaceCall.NOT_CALLED), concessions));
		}
		return results;
	}

	/** The contest's id, or empty when the election has no such contest. */
	public Optional<Long> contestId(long electionId, String slug) {
		return this.jdbc.sql("select id from contest where election_id = ? and slug = ?")
			.params(electionId, slug)
			.query(Long.class)
			.optional();
	}

	private static ContestRow contestRow(ResultSet rs, int row) throws SQLException {
		return new ContestRow(rs.getLong("id"), rs.getLong("election_id"), rs.getString("slug"), rs.getString("office"),
				rs.getString("district"), rs.getString("name"), rs.getString("kind"), rs.getInt("seats"),
				Rule.fromCode(rs.getString("rule")), rs.getBigDecimal("threshold"), rs.getBoolean("uncontested"),
				integer(rs, "precincts_total"), longOrNull(rs, "registered_voters"),
				longOrNull(rs, "ballots_outstanding"), rs.getLong("revision"), instant(rs, "last_updated"));
	}

	private static ChoiceTotal choiceTotal(ResultSet rs, int row) throws SQLException {
		return new ChoiceTotal(rs.getLong("id"), rs.getLong("contest_id"), rs.getString("name"), rs.getString("party"),
				rs.getBoolean("incumbent"), rs.getBoolean("write_in"), rs.getInt("ballot_order"), rs.getLong("votes"));
	}

	static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		return List.of((String[]) rs.getArray(column).getArray());
	}

}
