package org.tally.results;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.tally.results.ResultsQueries.instant;
import static org.tally.results.ResultsQueries.integer;
import static org.tally.results.ResultsQueries.strings;

/**
 * Reads a contest's past: its totals after each revision that changed its counts and the
 * timeline of its calls and concessions; behind {@link ResultsQueries#history} and
 * {@link ResultsQueries#timeline}.
 */
final class ContestHistoryQueries {

	private static final String HISTORY = """
			select s.revision, r.kind, r.source_updated_at, r.received_at, ps.precincts_reporting,
			       ps.precincts_total, ch.name, ch.party, s.votes,
			       (select array_agg(t.vote_type || '=' || t.votes) from contest_type_snapshot t
			        where t.contest_id = s.contest_id and t.revision = s.revision and t.choice_id = s.choice_id)
			       as vote_types
			from contest_snapshot s
			join contest c on c.id = s.contest_id
			join revision r on r.election_id = c.election_id and r.number = s.revision
			join choice ch on ch.id = s.choice_id
			left join contest_progress_snapshot ps on ps.contest_id = s.contest_id and ps.revision = s.revision
			where s.contest_id = :contest
			order by s.revision, ch.ballot_order, ch.id
			""";

	private static final String TIMELINE_CALLS = """
			select rc.status, rc.called_at, rc.note, rc.revision,
			       (select rv.recorded_role from revision rv join contest c on c.election_id = rv.election_id
			        where c.id = rc.contest_id and rv.number = rc.revision) as called_by_role,
			       %s
			from race_call rc where rc.contest_id = ? order by rc.called_at, rc.id
			""".formatted(CallChoiceRole.COLUMNS);

	private static final String TIMELINE_CONCESSIONS = """
			select ch.name, co.conceded_at, co.statement, co.source_url, co.withdrawn_at, co.revision
			from concession co join choice ch on ch.id = co.choice_id
			where co.contest_id = ? order by co.conceded_at, co.id
			""";

	private final JdbcClient jdbc;

	ContestHistoryQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The contest's totals after each revision that changed its counts, oldest first. */
	List<HistoryPoint> history(long contestId) {
		List<HistoryPoint> points = new ArrayList<>();
		List<HistoryRow> rows = this.jdbc.sql(HISTORY)
			.param("contest", contestId)
			.query((rs, row) -> new HistoryRow(rs.getLong("revision"), rs.getString("kind"),
					instant(rs, "source_updated_at"), instant(rs, "received_at"), integer(rs, "precincts_reporting"),
					integer(rs, "precincts_total"), rs.getString("name"), rs.getString("party"), rs.getLong("votes"),
					historyTypes(rs)))
			.list();
		int from = 0;
		while (from < rows.size()) {
			int to = from;
			while (to < rows.size() && rows.get(to).revision() == rows.get(from).revision()) {
				to++;
			}
			List<HistoryRow> revision = rows.subList(from, to);
			long[] votes = revision.stream().mapToLong(HistoryRow::votes).toArray();
			long total = Percentages.total(votes);
			BigDecimal[] percents = Percentages.percents(votes);
			List<HistoryPoint.Votes> candidates = new ArrayList<>(votes.length);
			for (int i = 0; i < votes.length; i++) {
				candidates.add(new HistoryPoint.Votes(revision.get(i).name(), revision.get(i).party(), votes[i],
						percents[i], Percentages.share(votes[i], total)));
			}
			long[][] typeVotes = VoteTypes.none();
			for (int i = 0; i < votes.length; i++) {
				for (Map.Entry<String, Long> type : revision.get(i).voteTypes().entrySet()) {
					int t = VoteTypes.indexOf(type.getKey());
					if (t >= 0) {
						if (typeVotes[t] == null) {
							typeVotes[t] = new long[votes.length];
						}
						typeVotes[t][i] = type.getValue();
					}
				}
			}
			List<VoteTypeResult> voteTypes = VoteTypes.columns(revision.stream().map(HistoryRow::name).toList(),
					revision.stream().map(HistoryRow::party).toList(), typeVotes);
			HistoryRow first = revision.get(0);
			Integer reporting = first.precinctsReporting();
			Integer precincts = first.precinctsTotal();
			if (reporting != null && precincts != null && reporting > precincts) {
				precincts = reporting;
			}
			points.add(new HistoryPoint(first.revision(), first.kind(), first.sourceUpdatedAt(), first.receivedAt(),
					total, new ReportingProgress(reporting, precincts), candidates, voteTypes, null));
			from = to;
		}
		return points;
	}

	/**
	 * Every call (retracted and superseded ones too) and concession of the contest, in
	 * the order they happened.
	 */
	List<TimelineEvent> timeline(long contestId) {
		List<TimelineEvent> events = new ArrayList<>();
		this.jdbc.sql(TIMELINE_CALLS).param(contestId).query((RowCallbackHandler) (rs) -> {
			events.add(new TimelineEvent("call", instant(rs, "called_at"), rs.getString("status"),
					strings(rs, "winners"), strings(rs, "advancing"), ResultsQueries.callerRole(rs), null,
					rs.getString("note"), null, null, rs.getLong("revision")));
		});
		this.jdbc.sql(TIMELINE_CONCESSIONS).param(contestId).query((RowCallbackHandler) (rs) -> {
			events.add(new TimelineEvent("concession", instant(rs, "conceded_at"), null, List.of(), List.of(), null,
					rs.getString("name"), rs.getString("statement"), rs.getString("source_url"),
					instant(rs, "withdrawn_at"), rs.getLong("revision")));
		});
		events.sort(Comparator.comparing(TimelineEvent::at, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparingLong(TimelineEvent::revision));
		return List.copyOf(events);
	}

	private record HistoryRow(long revision, String kind, Instant sourceUpdatedAt, Instant receivedAt,
			Integer precinctsReporting, Integer precinctsTotal, String name, String party, long votes,
			Map<String, Long> voteTypes) {
	}

	/** A snapshot row's split ({@code type=votes} strings), or none. */
	private static Map<String, Long> historyTypes(ResultSet rs) throws SQLException {
		java.sql.Array array = rs.getArray("vote_types");
		if (array == null) {
			return Map.of();
		}
		Map<String, Long> types = new HashMap<>();
		for (String entry : (String[]) array.getArray()) {
			int at = entry.lastIndexOf('=');
			types.put(entry.substring(0, at), Long.parseLong(entry.substring(at + 1)));
		}
		return types;
	}

}
