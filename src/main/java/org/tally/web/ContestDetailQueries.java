package org.tally.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what only the contest page shows: every call and concession ever recorded (the
 * results keep only the current call and standing concessions). The counts per county and
 * precinct and the totals after every revision come from
 * {@code ResultsService.reportingUnits} and {@code ResultsService.history}.
 */
@Repository
@Transactional(readOnly = true)
class ContestDetailQueries {

	private final JdbcClient jdbc;

	ContestDetailQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every call (retracted and superseded ones too) and concession, oldest first. */
	List<TimelineEntry> timeline(long contestId) {
		List<TimelineEntry> entries = new ArrayList<>();
		this.jdbc
			.sql("""
					select rc.status, rc.called_at, rc.called_by, rc.note, rc.revision,
					       array(select ch.name from race_call_choice x join choice ch on ch.id = x.choice_id
					             where x.call_id = rc.id and x.role = 'winner' order by ch.ballot_order, ch.id) as winners,
					       array(select ch.name from race_call_choice x join choice ch on ch.id = x.choice_id
					             where x.call_id = rc.id and x.role = 'advancing' order by ch.ballot_order, ch.id) as advancing
					from race_call rc where rc.contest_id = ? order by rc.called_at, rc.id
					""")
			.param(contestId)
			.query((RowCallbackHandler) (rs) -> {
				entries
					.add(TimelineEntry.call(rs.getString("status"), instant(rs, "called_at"), rs.getString("called_by"),
							rs.getString("note"), List.of((String[]) rs.getArray("winners").getArray()),
							List.of((String[]) rs.getArray("advancing").getArray()), rs.getLong("revision")));
			});
		this.jdbc.sql("""
				select ch.name, co.conceded_at, co.statement, co.source_url, co.withdrawn_at, co.revision
				from concession co join choice ch on ch.id = co.choice_id
				where co.contest_id = ? order by co.conceded_at, co.id
				""").param(contestId).query((RowCallbackHandler) (rs) -> {
			entries.add(TimelineEntry.concession(rs.getString("name"), instant(rs, "conceded_at"),
					rs.getString("statement"), rs.getString("source_url"), instant(rs, "withdrawn_at"),
					rs.getLong("revision")));
		});
		entries.sort(TimelineEntry.ORDER);
		return entries;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
