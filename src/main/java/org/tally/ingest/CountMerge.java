package org.tally.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProblemCollector;
import org.tally.ingest.kit.SourceKey;
import org.tally.results.ContestResult;
import org.tally.results.RevisionChain;
import org.tally.results.Revisions;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of an import, inside its transaction: read the election's names (what it adds
 * is written by {@link NewNames}), and, set-wise on the {@code staged} rows, check, merge
 * into the counts and keep the history.
 */
@Component
class CountMerge {

	private static final JsonMapper NOTES_JSON = JsonMapper.builder().build();

	private static final String RESOLVE = """
			create temporary table resolved on commit drop as
			select contest_id, unit_id, choice_id, vote_type, min(votes) as votes, max(votes) as high,
			       min(row) as row, max(row) as last_row
			from staged
			where kind = 'c' and contest_id = any(:contests)
			group by contest_id, unit_id, choice_id, vote_type
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
			select s.* from (
			    select distinct on (contest_id, unit_id) contest_id, unit_id, precincts_reporting, precincts_total,
			           ballots_cast, registered_voters, ballots_outstanding, expected_votes
			    from staged
			    where :anyProgress and kind = 'p'
			    order by contest_id, unit_id, row desc
			) s
			left join progress p on p.contest_id = s.contest_id and p.unit_id = s.unit_id
			where p.contest_id is null
			   or (p.precincts_reporting, p.precincts_total, p.ballots_cast, p.registered_voters, p.ballots_outstanding,
			       p.expected_votes)
			      is distinct from
			      (s.precincts_reporting, s.precincts_total, s.ballots_cast, s.registered_voters, s.ballots_outstanding,
			       s.expected_votes)
			""";

	/**
	 * Counts of contests that had none: nothing to compare, nothing to keep in history.
	 */
	private static final String INSERT_FRESH = """
			insert into vote_count (contest_id, choice_id, unit_id, vote_type, votes, revision)
			select contest_id, choice_id, unit_id, vote_type, votes, :revision
			from staged
			where kind = 'c' and contest_id = any(:fresh)
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Revisions revisions;

	private final RevisionChain chain;

	CountMerge(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Revisions revisions, RevisionChain chain) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.revisions = revisions;
		this.chain = chain;
	}

	/**
	 * Serializes imports into one election until the transaction ends; answers the
	 * election's revision, so the revision this import would take is one more.
	 */
	long lockElection(long electionId) {
		return this.jdbc.sql("select revision from election where id = ? for update")
			.param(electionId)
			.query(Long.class)
			.single();
	}

	/**
	 * The reporting units of one county of the election by code: the county's own unit
	 * and every unit whose code is under it ({@code <county>/<precinct>}), by the prefix
	 * index of V38.
	 */
	Map<String, ElectionNames.Unit> units(long electionId, String countyCode) {
		Map<String, ElectionNames.Unit> units = new HashMap<>();
		this.jdbc.sql("""
				select code, id, level, parent_id, sum_county_id, sum_block, sum_bit
				from reporting_unit where election_id = :election and (code = :county or code like :under)
				""")
			.param("election", electionId)
			.param("county", countyCode)
			.param("under", likePrefix(countyCode + "/"))
			.query((RowCallbackHandler) (rs) -> units.put(rs.getString("code"), new ElectionNames.Unit(rs.getLong("id"),
					rs.getString("level"), (Long) rs.getObject("parent_id", Long.class),
					CountSums.Place.of(rs.getLong("sum_county_id"), rs.getLong("sum_block"), rs.getLong("sum_bit")))));
		return units;
	}

	/** A LIKE pattern matching every text that starts with the prefix. */
	static String likePrefix(String prefix) {
		return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** Ids for new rows: {@code count} values of the sequence. */
	long[] nextIds(ElectionNames.Sequence sequence, int count) {
		return this.jdbc.sql("select nextval(?::regclass) from generate_series(1, ?)")
			.param(sequence.sequenceName())
			.param(count)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
	}

	/**
	 * Notes on their contests what a file says of them (V19): what the figures are (kept
	 * until a file says otherwise), and the unit holding the totals it states beside its
	 * units with the difference (replaced by each file that states them; {@code {}} when
	 * they agree).
	 */
	void note(Map<Long, StagingSink.Note> notes) {
		notes.forEach((contestId, note) -> {
			Map<String, Long> differ = note.row().unitsDifferBy();
			this.jdbc
				.sql("""
						update contest set counts_are = coalesce(cast(:countsAre as text), counts_are),
						       units_differ_by = case when :stated then cast(:differences as jsonb) else units_differ_by end,
						       totals_unit_id = case when :stated then cast(:totalsUnit as bigint) else totals_unit_id end
						where id = :id
						""")
				.param("countsAre", note.row().countsAre())
				.param("stated", differ != null)
				.param("differences", (differ != null) ? NOTES_JSON.writeValueAsString(differ) : null)
				.param("totalsUnit", note.totalsUnit())
				.param("id", contestId)
				.update();
		});
	}

	/**
	 * Where the counts of units not written yet go in the sums, by the database's one
	 * definition ({@code count_place}, V15): per unit id, county, block and bit.
	 */
	Map<Long, long[]> place(List<ElectionNames.Unit> units) {
		Map<Long, long[]> places = new HashMap<>();
		this.jdbc.sql("""
				select n.id, p.county_id, p.block_no, p.block_bit
				from unnest(:ids, :levels, :parents) as n(id, level, parent_id)
				cross join lateral count_place(n.level, n.id, n.parent_id) p
				""")
			.param("ids", units.stream().map(ElectionNames.Unit::id).toArray(Long[]::new))
			.param("levels", units.stream().map(ElectionNames.Unit::level).toArray(String[]::new))
			.param("parents", units.stream().map(ElectionNames.Unit::parentId).toArray(Long[]::new))
			.query((RowCallbackHandler) (rs) -> places.put(rs.getLong(1),
					new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) }));
		return places;
	}

	/** Writes the sums of the fresh contests, taken while the file was read. */
	void writeSums(CountSums sums) {
		sums.columns().bind(this.jdbc.sql("""
				insert into count_sum (contest_id, choice_id, county_id, block, vote_type, votes, precincts)
				select * from unnest(:contests, :choices, :counties, :blocks, :types, :votes, :precincts)
				""")).update();
	}

	/**
	 * Inserts the staged counts of contests that had none, all with the given revision.
	 * Throws {@link org.springframework.dao.DuplicateKeyException} when the file states
	 * one count twice.
	 */
	long insertFresh(List<Long> fresh, long revision) {
		return this.jdbc.sql(INSERT_FRESH)
			.param("fresh", fresh.toArray(Long[]::new))
			.param("revision", revision)
			.update();
	}

	/**
	 * Groups the staged counts of the given contests by key, for the checks and the
	 * merge.
	 */
	void resolve(List<Long> contests) {
		this.jdbc.sql(RESOLVE).param("contests", contests.toArray(Long[]::new)).update();
		this.jdbc.sql("analyze resolved").update();
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
	 * into the current counts, progress, and the touched contests. The counts of fresh
	 * contests are already in (see {@link #insertFresh}) with the revision this takes.
	 * Makes no revision when nothing changed: no count, no progress and no other count
	 * (the contests whose other counts the file changed, {@link OtherCounts}).
	 */
	Applied apply(ElectionRef election, ImportCommand command, StagingWriter.Staged staged, Fresh fresh,
			List<Long> otherCounted, long nextRevision, Instant now) {
		this.jdbc.sql(CHANGED).update();
		this.jdbc.sql(PROGRESS_CHANGED).param("anyProgress", staged.progressRows() > 0).update();
		this.jdbc.sql("analyze changed").update();
		long changedCounts = fresh.rows() + this.jdbc.sql("select count(*) from changed").query(Long.class).single();
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
		newUnits.putAll(fresh.units());
		List<Long> changedContests = this.jdbc.sql("""
				select contest_id from changed union select contest_id from changed_progress
				union select unnest(:fresh::bigint[]) union select unnest(:others::bigint[]) order by 1
				""")
			.param("fresh", fresh.contests().toArray(Long[]::new))
			.param("others", otherCounted.toArray(Long[]::new))
			.query(Long.class)
			.list();
		if (changedCounts == 0 && changedProgress == 0 && otherCounted.isEmpty()) {
			return new Applied(null, 0, changedContests, decreases, newUnits);
		}
		long revision = this.revisions.next(election.id(), (command.correction() != null) ? "correction" : "import",
				command.recordedBy(), (command.correction() != null) ? command.correction() : command.fileName(),
				command.sourceUpdatedAt(), now, changedContests);
		if (fresh.rows() > 0 && revision != nextRevision) {
			throw new IllegalStateException("Counts were written with revision " + nextRevision
					+ " but the import took " + revision + ": the election's lock was not held");
		}
		// the counts this revision sets are the fresh contests' and the changed ones: its
		// seal reads those (docs/verify.md), not every count of the election
		this.chain.written(election.id(), revision, fresh.contests(), "changed");
		this.jdbc.sql("""
				insert into vote_count_change (contest_id, choice_id, unit_id, vote_type, revision, votes,
				                               previous_votes, previous_revision)
				select contest_id, choice_id, unit_id, vote_type, :revision, votes, previous, previous_revision
				from changed where previous is not null
				order by contest_id, unit_id, choice_id, vote_type
				""").param("revision", revision).update();
		// The election's row lock keeps other imports away from these keys: new counts
		// are plain inserts (no speculative insertion per row), replaced ones plain
		// updates.
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
				                      registered_voters, ballots_outstanding, expected_votes, revision)
				select contest_id, unit_id, precincts_reporting, precincts_total, ballots_cast, registered_voters,
				       ballots_outstanding, expected_votes, :revision from changed_progress
				on conflict (contest_id, unit_id) do update set precincts_reporting = excluded.precincts_reporting,
				    precincts_total = excluded.precincts_total, ballots_cast = excluded.ballots_cast,
				    registered_voters = excluded.registered_voters, ballots_outstanding = excluded.ballots_outstanding,
				    expected_votes = excluded.expected_votes, revision = excluded.revision
				""").param("revision", revision).update();
		return new Applied(revision, changedCounts, changedContests, decreases, newUnits);
	}

	/**
	 * After {@link #apply} made a revision: the sums the totals read (V4, V15) follow the
	 * counts, by what each changed count adds, where the unit's sum_* columns say.
	 */
	void addSums() {
		this.jdbc.sql("""
				insert into count_sum (contest_id, choice_id, county_id, block, vote_type, votes, precincts)
				select c.contest_id, c.choice_id, u.sum_county_id, u.sum_block, c.vote_type,
				       sum(c.votes - coalesce(c.previous, 0)),
				       bit_or(case when c.previous is null then u.sum_bit else 0 end)
				from changed c join reporting_unit u on u.id = c.unit_id
				group by 1, 2, 3, 4, 5
				on conflict (contest_id, choice_id, county_id, block, vote_type) do update
				set votes = count_sum.votes + excluded.votes, precincts = count_sum.precincts | excluded.precincts
				""").update();
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

	/**
	 * Contests that had no counts before the import and took the file's as they were (see
	 * {@link StagingWriter}), how many counts that was, and how many units each got.
	 */
	record Fresh(List<Long> contests, long rows, Map<Long, Integer> units) {

		static final Fresh NONE = new Fresh(List.of(), 0, Map.of());

	}

	record Applied(Long revision, long changedCounts, List<Long> changedContests, Map<Long, Long> decreases,
			Map<Long, Integer> newUnits) {
	}

}
