package org.tally.ingest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProblemCollector;
import org.tally.results.RevisionChain;
import org.tally.results.Revisions;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of an import's counts, inside its transaction: set-wise on the {@code staged}
 * rows, check, merge into the counts and keep the history. The names' statements are
 * {@link NameQueries} (what the import adds is written by {@link NewNames}), the totals
 * kept per revision {@link ContestSnapshots}.
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

	private final Revisions revisions;

	private final RevisionChain chain;

	CountMerge(JdbcClient jdbc, Revisions revisions, RevisionChain chain) {
		this.jdbc = jdbc;
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
		Changes changes = changes(staged, fresh, otherCounted);
		if (changes.counts() == 0 && changes.progress() == 0 && otherCounted.isEmpty()) {
			return new Applied(null, 0, changes.contests(), changes.decreases(), changes.newUnits());
		}
		long revision = this.revisions.next(election.id(), (command.correction() != null) ? "correction" : "import",
				command.recordedBy(), (command.correction() != null) ? command.correction() : command.fileName(),
				command.sourceUpdatedAt(), now, changes.contests());
		if (fresh.rows() > 0 && revision != nextRevision) {
			throw new IllegalStateException("Counts were written with revision " + nextRevision
					+ " but the import took " + revision + ": the election's lock was not held");
		}
		// the counts this revision sets are the fresh contests' and the changed ones: its
		// seal reads those (docs/verify.md), not every count of the election
		this.chain.written(election.id(), revision, fresh.contests(), "changed");
		write(revision);
		return new Applied(revision, changes.counts(), changes.contests(), changes.decreases(), changes.newUnits());
	}

	/**
	 * Finds what the resolved rows change ({@code changed}, {@code changed_progress}):
	 * how many counts and progress rows, per contest the decreases and the units newly
	 * reporting, and the contests touched.
	 */
	private Changes changes(StagingWriter.Staged staged, Fresh fresh, List<Long> otherCounted) {
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
		return new Changes(changedCounts, changedProgress, changedContests, decreases, newUnits);
	}

	/**
	 * Writes the changes with the revision: the replaced counts into their history, the
	 * counts, the progress.
	 */
	private void write(long revision) {
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
	 * Contests that had no counts before the import and took the file's as they were (see
	 * {@link StagingWriter}), how many counts that was, and how many units each got.
	 */
	record Fresh(List<Long> contests, long rows, Map<Long, Integer> units) {

		static final Fresh NONE = new Fresh(List.of(), 0, Map.of());

	}

	/** What the resolved rows change, before any is written. */
	private record Changes(long counts, long progress, List<Long> contests, Map<Long, Long> decreases,
			Map<Long, Integer> newUnits) {
	}

	record Applied(Long revision, long changedCounts, List<Long> changedContests, Map<Long, Long> decreases,
			Map<Long, Integer> newUnits) {
	}

}
