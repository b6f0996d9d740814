package org.tally.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads stored counts, progress, calls and concessions of an election set-wise. The
 * totals rule lives here: per contest and county, the precinct rows when there are any,
 * otherwise the county row, never both.
 */
@Repository
public class ResultsQueries {

	private static final JsonMapper NOTES_JSON = JsonMapper.builder().build();

	/**
	 * The totals rule, written once: per contest and county, the county's precinct rows
	 * when it has any, otherwise its own row (a unit that is not a precinct is its own
	 * "county"). It reads {@code count_sum} (migrations V4, V15), which the import keeps:
	 * per contest, choice, county, block of 64 precinct ids and vote type, the votes and
	 * a bit per precinct with a count; block -1 is a county's own row (where a unit's
	 * counts go is the database's {@code count_place}, V15). Which rows count is decided
	 * per contest and county over every vote type, so a type's votes follow the totals.
	 * {@code counted} holds the selected contests' sums ({@code :election}, all of its
	 * contests when {@code :all}, else those in {@code :contests}); {@code ruled} keeps
	 * the rows the rule picks. No read touches the counts themselves. A contest whose
	 * source names the unit holding its totals ({@code contest.totals_unit_id}, V19: AP's
	 * state row) takes its totals from that unit's rows only ({@code in_totals}) and
	 * lists its other units as they are ({@code in_units}).
	 */
	static final String RULED = """
			counted as materialized (
			    select s.contest_id, s.choice_id, s.county_id, nullif(s.block, -1) as block, s.vote_type, s.votes,
			           s.precincts, (c.totals_unit_id is null or s.county_id = c.totals_unit_id) as in_totals,
			           (c.totals_unit_id is null or s.county_id <> c.totals_unit_id) as in_units
			    from count_sum s
			    join contest c on c.id = s.contest_id
			    where c.election_id = :election and (:all or c.id = any(:contests))
			), ruled as (
			    select contest_id, choice_id, county_id, vote_type, votes, in_totals, in_units
			    from (select k.*,
			                 bool_or(k.block is not null) over (partition by k.contest_id, k.county_id) as has_precincts
			          from counted k) k
			    where (block is not null) = has_precincts
			)
			""";

	/**
	 * The votes of {@code vote_type} rows summed per type: one column per
	 * {@link VoteType#sqlColumn()}, the total first, null when no row has the type.
	 */
	static final String BY_TYPE = String.join(",\n",
			java.util.Arrays.stream(VoteType.values())
				.map((type) -> "sum(votes) filter (where vote_type = '" + type.code() + "') as " + type.sqlColumn())
				.toList())
			+ "\n";

	/** The type columns of {@link #BY_TYPE}, in the order of {@link VoteType#SPLIT}. */
	static final List<String> TYPE_COLUMNS = VoteType.SPLIT.stream().map(VoteType::sqlColumn).toList();

	/**
	 * {@link #TYPE_COLUMNS} of the table or subquery {@code alias}:
	 * {@code t.election_day, t.mail, ...}, a line of its own.
	 */
	static String typeColumns(String alias) {
		return String.join(", ", TYPE_COLUMNS.stream().map((column) -> alias + "." + column).toList()) + "\n";
	}

	/**
	 * Contest-wide totals per choice after the totals rule, with the contest's number of
	 * precincts that have counts (each once: a block's bits ORed over the contest's
	 * choices); see {@link #RULED} for the parameters.
	 */
	static final String CHOICE_TOTALS = "with " + RULED + """
			, precincts_counted as (
			    select contest_id, sum(bit_count(precincts::bit(64))) as precincts
			    from (select contest_id, bit_or(precincts) as precincts
			          from counted
			          where block is not null
			          group by contest_id, block) b
			    group by contest_id
			)
			select ch.id, ch.contest_id, ch.name, ch.party, ch.incumbent, ch.write_in, ch.ballot_order,
			       coalesce(t.votes, 0) as votes, """ + typeColumns("t") + """
			       , coalesce(p.precincts, 0) as precincts_counted
			from choice ch
			join contest c on c.id = ch.contest_id
			left join (select choice_id, """ + BY_TYPE + """
			           from ruled where in_totals group by choice_id) t on t.choice_id = ch.id
			left join precincts_counted p on p.contest_id = ch.contest_id
			where c.election_id = :election and (:all or c.id = any(:contests))
			order by ch.contest_id, ch.ballot_order, ch.id
			""";

	private static final String CONTESTS = """
			select id, election_id, slug, office, district, name, kind, seats, rule, threshold, uncontested,
			       precincts_total, registered_voters, ballots_outstanding, revision, last_updated, expected_votes,
			       ballots_cast, counts_are, units_differ_by::text as units_differ_by,
			       (select jsonb_object_agg(k.kind, k.total)::text
			        from (select o.kind, sum(o.count) as total
			              from other_count o
			              where o.contest_id = contest.id
			                and not exists (select 1 from other_count p
			                                join reporting_unit pu on pu.id = p.unit_id
			                                where p.contest_id = o.contest_id and p.kind = o.kind
			                                  and pu.parent_id = o.unit_id)
			              group by o.kind) k) as other_counts
			from contest
			where election_id = :election and (:all or id = any(:contests))
			order by %s
			""".formatted(ContestOrder.SQL);

	/**
	 * The expected vote, ballots cast and registered voters the files state, per contest
	 * and county, by the county rule for figures, written once in the database function
	 * {@code county_figures} (migration V37, docs/numbers.md "The county rule"): the
	 * precincts' sum where every precinct of the county has the figure, else the county
	 * row's. See {@link #RULED} for the parameters.
	 */
	static final String COUNTY_FIGURES = """
			county_figures as (
			    select * from county_figures(array(select c.id from contest c
			                                       where c.election_id = :election and (:all or c.id = any(:contests))))
			)
			""";

	/**
	 * Progress reported in the source files (the counted precincts are in CHOICE_TOTALS);
	 * the expected vote, ballots cast and registered voters by {@link #COUNTY_FIGURES}.
	 */
	private static final String PROGRESS = "with " + COUNTY_FIGURES + """
			select c.id as contest_id,
			       (select sum(p.precincts_reporting) from progress p join reporting_unit u on u.id = p.unit_id
			        where p.contest_id = c.id and u.level <> %1$s) as reported_reporting,
			       (select sum(p.precincts_total) from progress p join reporting_unit u on u.id = p.unit_id
			        where p.contest_id = c.id and u.level <> %1$s) as reported_total,
			       (select sum(p.ballots_outstanding) from progress p where p.contest_id = c.id) as outstanding,
			       f.registered, f.expected_votes, f.ballots_cast
			from contest c
			left join (select contest_id, sum(registered_voters) as registered, sum(expected_votes) as expected_votes,
			                  sum(ballots_cast) as ballots_cast
			           from county_figures group by contest_id) f on f.contest_id = c.id
			where c.election_id = :election and (:all or c.id = any(:contests))
			""".formatted(UnitLevel.PRECINCT.sql());

	private static final String CALLS = """
			select distinct on (rc.contest_id) rc.id, rc.contest_id, rc.status, rc.called_at, rc.note,
			       (select rv.recorded_role from revision rv
			        where rv.election_id = c.election_id and rv.number = rc.revision) as called_by_role,
			       %s
			from race_call rc
			join contest c on c.id = rc.contest_id
			where c.election_id = :election and (:all or c.id = any(:contests))
			order by rc.contest_id, rc.id desc
			""".formatted(CallChoiceRole.COLUMNS);

	private static final String CONCESSIONS = """
			select co.choice_id, co.conceded_at, co.statement, co.source_url
			from concession co
			join contest c on c.id = co.contest_id
			where c.election_id = :election and (:all or c.id = any(:contests)) and co.withdrawn_at is null
			""";

	private static final String ELECTION = """
			select id, slug, name, election_date, kind, jurisdiction, status, test, time_zone, revision, last_updated,
			       language, digest, publish_after, projections
			from election
			""";

	/**
	 * Elections being counted first, then the most recent: by
	 * {@link ElectionStatus#listOrder()}, spelled here for SQL
	 * ({@code ElectionEnumsTests} checks).
	 */
	static final String LIVE_FIRST = """
			order by case status when 'counting' then 0 when 'paused' then 1 when 'unofficial-complete' then 2
			when 'scheduled' then 3 else 4 end, election_date desc, name""";

	private final JdbcClient jdbc;

	private final UnitQueries units;

	private final ContestHistoryQueries histories;

	ResultsQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.units = new UnitQueries(jdbc);
		this.histories = new ContestHistoryQueries(jdbc);
	}

	/**
	 * Every contest of the election (or the one contest when {@code contestId > 0}) as
	 * readers see it now.
	 */
	public List<ContestResult> contests(long electionId, long contestId) {
		return (contestId == 0) ? contests(electionId, true, List.of()) : contests(electionId, List.of(contestId));
	}

	/**
	 * The election's contests among {@code contestIds} (ids of other elections are
	 * ignored) as readers see them now, in ballot order; none for no ids.
	 */
	public List<ContestResult> contests(long electionId, Collection<Long> contestIds) {
		return contestIds.isEmpty() ? List.of() : contests(electionId, false, contestIds);
	}

	private List<ContestResult> contests(long electionId, boolean all, Collection<Long> contestIds) {
		SelectedContests selected = new SelectedContests(electionId, all, contestIds);
		List<ContestRow> contests = selected.bind(this.jdbc.sql(CONTESTS)).query(ResultsQueries::contestRow).list();
		if (contests.isEmpty()) {
			return List.of();
		}
		Map<Long, List<ChoiceTotal>> choices = new HashMap<>();
		Map<Long, Integer> precinctsCounted = new HashMap<>();
		selected.bind(this.jdbc.sql(CHOICE_TOTALS)).query((rs) -> {
			ChoiceTotal choice = choiceTotal(rs, rs.getRow());
			choices.computeIfAbsent(choice.contestId(), (id) -> new ArrayList<>()).add(choice);
			precinctsCounted.put(choice.contestId(), rs.getInt("precincts_counted"));
		});
		Map<Long, ContestProgress> progress = new HashMap<>();
		selected.bind(this.jdbc.sql(PROGRESS)).query((rs) -> {
			long contestId = rs.getLong("contest_id");
			Integer reporting = integer(rs, "reported_reporting");
			Integer total = integer(rs, "reported_total");
			if (reporting == null) {
				int counted = precinctsCounted.getOrDefault(contestId, 0);
				reporting = (counted > 0) ? counted : null;
				total = null;
			}
			progress.put(contestId, new ContestProgress(reporting, total, longOrNull(rs, "outstanding"),
					longOrNull(rs, "registered"), longOrNull(rs, "expected_votes"), longOrNull(rs, "ballots_cast")));
		});
		Map<Long, RaceCall> calls = new HashMap<>();
		selected.bind(this.jdbc.sql(CALLS)).query((rs) -> {
			calls.put(rs.getLong("contest_id"), new RaceCall(rs.getString("status"), strings(rs, "winners"),
					strings(rs, "advancing"), instant(rs, "called_at"), callerRole(rs), rs.getString("note")));
		});
		Map<Long, CandidateResult.Concession> concessions = new HashMap<>();
		selected.bind(this.jdbc.sql(CONCESSIONS)).query((rs) -> {
			concessions.put(rs.getLong("choice_id"), new CandidateResult.Concession(instant(rs, "conceded_at"),
					rs.getString("statement"), rs.getString("source_url")));
		});
		boolean certified = certified(this.jdbc, electionId);
		List<ContestResult> results = new ArrayList<>(contests.size());
		for (ContestRow contest : contests) {
			// no total from a file or staff: it stays unknown, never guessed
			// (docs/contract.md §2)
			ContestProgress contestProgress = progress.getOrDefault(contest.id(), ContestProgress.UNKNOWN);
			results.add(ContestResults.assemble(contest, choices.getOrDefault(contest.id(), List.of()), contestProgress,
					calls.getOrDefault(contest.id(), RaceCall.NOT_CALLED), concessions, certified));
		}
		return results;
	}

	/** Whether the election is certified (its figures are final). */
	static boolean certified(JdbcClient jdbc, long electionId) {
		return jdbc.sql("select status = ? from election where id = ?")
			.param(ElectionStatus.CERTIFIED.code())
			.param(electionId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** The contest's id, or empty when the election has no such contest. */
	public Optional<Long> contestId(long electionId, String slug) {
		return this.jdbc.sql("select id from contest where election_id = ? and slug = ?")
			.params(electionId, slug)
			.query(Long.class)
			.optional();
	}

	/** Every election's row, those being counted first. */
	public List<ElectionState> elections() {
		return this.jdbc.sql(ELECTION + LIVE_FIRST).query(ResultsQueries::electionState).list();
	}

	/** The election's row by slug. */
	public Optional<ElectionState> electionState(String slug) {
		return this.jdbc.sql(ELECTION + " where slug = ?").param(slug).query(ResultsQueries::electionState).optional();
	}

	/** The election's row by id. */
	public Optional<ElectionState> electionState(long id) {
		return this.jdbc.sql(ELECTION + " where id = ?").param(id).query(ResultsQueries::electionState).optional();
	}

	/**
	 * The election's contests in ballot order (as {@link #contests(long, long)} lists
	 * them), each with the last revision that changed it.
	 */
	public Map<Long, Long> contestRevisions(long electionId) {
		Map<Long, Long> revisions = new java.util.LinkedHashMap<>();
		this.jdbc.sql("select id, revision from contest where election_id = ? order by " + ContestOrder.SQL)
			.param(electionId)
			.query((RowCallbackHandler) (rs) -> revisions.put(rs.getLong("id"), rs.getLong("revision")));
		return revisions;
	}

	/** The election's current revision. */
	public long revisionOf(long electionId) {
		return this.jdbc.sql("select revision from election where id = ?").param(electionId).query(Long.class).single();
	}

	/**
	 * Whether a correction was applied after the election's latest move to certified, up
	 * to {@code revision}: NIST's report status {@code correction}. An election with no
	 * recorded move to certified has none.
	 */
	public boolean correctedSinceCertified(long electionId, long revision) {
		return this.jdbc.sql("""
				select exists (select 1 from revision r
				               where r.election_id = :election and r.number <= :revision and r.kind = 'correction'
				                 and r.number > (select max(c.number) from revision c
				                                 where c.election_id = :election and c.number <= :revision
				                                   and c.kind = 'setup' and c.note like 'status % to certified'))""")
			.param("election", electionId)
			.param("revision", revision)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The contest's counts per county ({@code level = "county"}, after the totals rule)
	 * or per precinct, with each unit's candidates in the order of {@code contest}.
	 */
	public List<UnitResult> reportingUnits(long electionId, ContestResult contest, UnitLevel level) {
		return this.units.reportingUnits(electionId, contest, level);
	}

	/** The contest's totals after each revision that changed its counts, oldest first. */
	public List<HistoryPoint> history(long contestId) {
		return this.histories.history(contestId);
	}

	/**
	 * Every call (retracted and superseded ones too) and concession of the contest, in
	 * the order they happened.
	 */
	public List<TimelineEvent> timeline(long contestId) {
		return this.histories.timeline(contestId);
	}

	/**
	 * Who made a call as readers may know it: the role the revision recorded, never the
	 * user name (docs/security.md, issue 21).
	 */
	static RecordedRole callerRole(ResultSet rs) throws SQLException {
		String role = rs.getString("called_by_role");
		return (role != null) ? RecordedRole.fromCode(role) : RecordedRole.STAFF;
	}

	private static ElectionState electionState(ResultSet rs, int row) throws SQLException {
		return new ElectionState(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
				rs.getObject("election_date", LocalDate.class), rs.getString("kind"), rs.getString("jurisdiction"),
				rs.getString("status"), rs.getBoolean("test"), rs.getString("time_zone"), rs.getLong("revision"),
				instant(rs, "last_updated"), rs.getString("language"), rs.getString("digest"),
				instant(rs, "publish_after"), rs.getString("projections"));
	}

	private static ContestRow contestRow(ResultSet rs, int row) throws SQLException {
		return new ContestRow(rs.getLong("id"), rs.getLong("election_id"), rs.getString("slug"), rs.getString("office"),
				rs.getString("district"), rs.getString("name"), rs.getString("kind"), rs.getInt("seats"),
				Rule.fromCode(rs.getString("rule")), rs.getBigDecimal("threshold"), rs.getBoolean("uncontested"),
				integer(rs, "precincts_total"), longOrNull(rs, "registered_voters"),
				longOrNull(rs, "ballots_outstanding"), rs.getLong("revision"), instant(rs, "last_updated"),
				longOrNull(rs, "expected_votes"), longOrNull(rs, "ballots_cast"),
				new ContestNotes(rs.getString("counts_are"), differences(rs.getString("units_differ_by")),
						differences(rs.getString("other_counts"))));
	}

	/** A contest's {@code units_differ_by} (V19): a JSON object of whole numbers. */
	private static Map<String, Long> differences(String json) {
		if (json == null) {
			return Map.of();
		}
		Map<String, Long> differences = new LinkedHashMap<>();
		NOTES_JSON.readTree(json)
			.properties()
			.forEach((entry) -> differences.put(entry.getKey(), entry.getValue().asLong()));
		return differences;
	}

	private static ChoiceTotal choiceTotal(ResultSet rs, int row) throws SQLException {
		return new ChoiceTotal(rs.getLong("id"), rs.getLong("contest_id"), rs.getString("name"), rs.getString("party"),
				rs.getBoolean("incumbent"), rs.getBoolean("write_in"), rs.getInt("ballot_order"), rs.getLong("votes"),
				voteTypes(rs));
	}

	/** A row's votes per type of {@link #BY_TYPE}: only the types it has. */
	private static Map<String, Long> voteTypes(ResultSet rs) throws SQLException {
		Map<String, Long> types = null;
		for (int t = 0; t < TYPE_COLUMNS.size(); t++) {
			Long votes = longOrNull(rs, TYPE_COLUMNS.get(t));
			if (votes != null) {
				if (types == null) {
					types = new java.util.LinkedHashMap<>();
				}
				types.put(VoteType.SPLIT.get(t).code(), votes);
			}
		}
		return (types != null) ? java.util.Collections.unmodifiableMap(types) : Map.of();
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

	static List<String> strings(ResultSet rs, String column) throws SQLException {
		return List.of((String[]) rs.getArray(column).getArray());
	}

}
