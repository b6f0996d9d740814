package org.tally.results;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The batches of a contest: what each revision that changed it added ({@link Batch}). The
 * votes come from the contest's snapshots (one per revision that changed it), the units
 * from the counts: a value a revision set either still stands
 * ({@code vote_count.revision}) or was replaced later, and then the history row that
 * replaced it names the revision that had set it ({@code previous_revision}).
 */
@Repository
public class BatchQueries {

	/** Per revision, the units whose counts of the contest it set. */
	private static final String UNITS = """
			select t.revision, u.code, u.level
			from (select v.revision, v.unit_id from vote_count v where v.contest_id = :contest
			      union
			      select h.previous_revision, h.unit_id from vote_count_change h where h.contest_id = :contest) t
			join reporting_unit u on u.id = t.unit_id
			order by t.revision, u.code
			""";

	/**
	 * Each snapshot of the election's contests after {@code :after}, with the votes the
	 * choice had in the contest's snapshot before it.
	 */
	private static final String LIVE = """
			select s.revision, c.slug, ch.name, s.votes,
			       coalesce((select p.votes from contest_snapshot p
			                 where p.contest_id = s.contest_id and p.choice_id = s.choice_id and p.revision < s.revision
			                 order by p.revision desc limit 1), 0) as before
			from contest_snapshot s
			join contest c on c.id = s.contest_id
			join choice ch on ch.id = s.choice_id
			where c.election_id = :election and s.revision > :after and s.revision <= :upto
			order by s.revision, %s, ch.ballot_order, ch.id
			""".formatted(ContestOrder.of("c"));

	/** Per contest, revision, the number of units whose counts it set. */
	private static final String LIVE_UNITS = """
			select c.slug, t.revision, count(distinct t.unit_id) as units
			from (select v.contest_id, v.revision, v.unit_id from vote_count v
			      where v.contest_id = any(:contests) and v.revision > :after and v.revision <= :upto
			      union all
			      select h.contest_id, h.previous_revision, h.unit_id from vote_count_change h
			      where h.contest_id = any(:contests) and h.previous_revision > :after and h.previous_revision <= :upto) t
			join contest c on c.id = t.contest_id
			group by c.slug, t.revision
			""";

	private final JdbcClient jdbc;

	BatchQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The history with each point's batch: the votes it added to the point before and the
	 * units it touched.
	 */
	public List<HistoryPoint> withBatches(long contestId, List<HistoryPoint> history) {
		Map<Long, List<String[]>> units = new HashMap<>();
		this.jdbc.sql(UNITS)
			.param("contest", contestId)
			.query((RowCallbackHandler) (rs) -> units
				.computeIfAbsent(rs.getLong("revision"), (key) -> new ArrayList<>())
				.add(new String[] { rs.getString("code"), rs.getString("level") }));
		List<HistoryPoint> points = new ArrayList<>(history.size());
		Map<String, Long> before = Map.of();
		for (HistoryPoint point : history) {
			List<String> names = point.candidates().stream().map(HistoryPoint.Votes::name).toList();
			long[] votes = point.candidates().stream().mapToLong(HistoryPoint.Votes::votes).toArray();
			List<String[]> touched = units.getOrDefault(point.revision(), List.of());
			points.add(point
				.withAdded(Batch.between(names, votes, before, touched.stream().map((unit) -> unit[0]).toList(),
						Batch.levelOf(touched.stream().map((unit) -> unit[1]).toList()))));
			before = Batch.byName(names, votes);
		}
		return points;
	}

	/**
	 * The batches of the revisions in ({@code after}, {@code upto}] of the election: per
	 * revision, per contest slug, the batch (units not listed: only their number, in
	 * {@link Batch#unitsTouched()}, is for the live event).
	 */
	public Map<Long, Map<String, Live>> live(long electionId, long after, long upto) {
		Map<Long, Map<String, List<Object[]>>> rows = new LinkedHashMap<>();
		this.jdbc.sql(LIVE)
			.param("election", electionId)
			.param("after", after)
			.param("upto", upto)
			.query((RowCallbackHandler) (rs) -> rows
				.computeIfAbsent(rs.getLong("revision"), (key) -> new LinkedHashMap<>())
				.computeIfAbsent(rs.getString("slug"), (key) -> new ArrayList<>())
				.add(new Object[] { rs.getString("name"), rs.getLong("votes"), rs.getLong("before") }));
		if (rows.isEmpty()) {
			return Map.of();
		}
		Map<String, Map<Long, Integer>> units = liveUnits(electionId, after, upto);
		Map<Long, Map<String, Live>> batches = new LinkedHashMap<>();
		rows.forEach((revision, contests) -> contests.forEach((slug, choices) -> {
			List<String> names = choices.stream().map((row) -> (String) row[0]).toList();
			long[] votes = choices.stream().mapToLong((row) -> (Long) row[1]).toArray();
			Map<String, Long> before = new HashMap<>();
			choices.forEach((row) -> before.put((String) row[0], (Long) row[2]));
			Batch batch = Batch.between(names, votes, before, List.of(), "unit");
			int touched = units.getOrDefault(slug, Map.of()).getOrDefault(revision, 0);
			batches.computeIfAbsent(revision, (key) -> new LinkedHashMap<>())
				.put(slug, new Live(batch.totalVotes(), batch.candidates(), touched));
		}));
		return batches;
	}

	private Map<String, Map<Long, Integer>> liveUnits(long electionId, long after, long upto) {
		Long[] contests = this.jdbc.sql("""
				select distinct s.contest_id from contest_snapshot s join contest c on c.id = s.contest_id
				where c.election_id = :election and s.revision > :after and s.revision <= :upto
				""")
			.param("election", electionId)
			.param("after", after)
			.param("upto", upto)
			.query(Long.class)
			.list()
			.toArray(Long[]::new);
		Map<String, Map<Long, Integer>> units = new HashMap<>();
		this.jdbc.sql(LIVE_UNITS)
			.param("contests", contests)
			.param("after", after)
			.param("upto", upto)
			.query((RowCallbackHandler) (rs) -> units.computeIfAbsent(rs.getString("slug"), (key) -> new HashMap<>())
				.put(rs.getLong("revision"), rs.getInt("units")));
		return units;
	}

	/**
	 * A batch as the live event carries it: the units' number instead of their list.
	 *
	 * @param totalVotes the votes added
	 * @param candidates each choice's added votes and share of the batch
	 * @param unitsTouched how many units the revision's counts touched
	 */
	public record Live(long totalVotes, List<Batch.ChoiceAdded> candidates, int unitsTouched) {
	}

}
