package org.tally.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tally.results.ContestResult;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The totals of the contests an import changed, kept per revision
 * ({@code contest_snapshot}, with their split by vote type and their progress): read
 * before the revision for the preview, written after it.
 */
@Component
class ContestSnapshots {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	ContestSnapshots(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * The given contests' totals as the last revision that changed their counts left
	 * them: the sum of each one's latest snapshot, read by index instead of re-adding
	 * every count (0 for a contest without one).
	 */
	Map<Long, Long> lastTotals(List<Long> contestIds) {
		Map<Long, Long> totals = new HashMap<>();
		this.jdbc
			.sql("""
					select c.id, (select sum(s.votes) from contest_snapshot s where s.contest_id = c.id
					              and s.revision = (select max(x.revision) from contest_snapshot x where x.contest_id = c.id))
					from unnest(:ids) as c(id)
					""")
			.param("ids", contestIds.toArray(Long[]::new))
			.query((RowCallbackHandler) (rs) -> totals.put(rs.getLong(1), rs.getLong(2)));
		return totals;
	}

	/**
	 * Keeps the totals of the changed contests as they stand after the revision, with
	 * their split by vote type.
	 */
	void snapshot(long revision, List<Long> contestIds, Map<Long, ContestResult> after, Instant now,
			Instant sourceUpdatedAt) {
		List<Object[]> totals = new ArrayList<>();
		List<Object[]> types = new ArrayList<>();
		List<Object[]> progress = new ArrayList<>();
		for (Long contestId : contestIds) {
			ContestResult contest = after.get(contestId);
			contest.candidates().forEach((candidate) -> {
				totals.add(new Object[] { contest.id(), revision, candidate.id(), candidate.votes() });
				candidate.voteTypes()
					.forEach((type, votes) -> types
						.add(new Object[] { contest.id(), revision, candidate.id(), type, votes }));
			});
			progress.add(new Object[] { contest.id(), revision, contest.progress().precinctsReporting(),
					contest.progress().precinctsTotal(),
					(sourceUpdatedAt != null) ? Timestamp.from(sourceUpdatedAt) : null, Timestamp.from(now) });
		}
		this.jdbcTemplate.batchUpdate(
				"insert into contest_snapshot (contest_id, revision, choice_id, votes) values (?, ?, ?, ?)", totals);
		if (!types.isEmpty()) {
			this.jdbcTemplate.batchUpdate("""
					insert into contest_type_snapshot (contest_id, revision, choice_id, vote_type, votes)
					values (?, ?, ?, ?, ?)""", types);
		}
		this.jdbcTemplate.batchUpdate("""
				insert into contest_progress_snapshot (contest_id, revision, precincts_reporting, precincts_total,
				                                       source_updated_at, received_at)
				values (?, ?, ?, ?, ?, ?)""", progress);
	}

}
