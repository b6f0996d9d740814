package org.tally.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what only the contest page shows: counts per county and precinct, the totals
 * after every revision (the snapshots) and every call and concession ever recorded.
 */
@Repository
@Transactional(readOnly = true)
class ContestDetailQueries {

	private final JdbcClient jdbc;

	ContestDetailQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Current total votes per reporting unit and choice, counties and precincts. */
	List<UnitCounts> unitCounts(long contestId) {
		Map<Long, UnitCounts> units = new LinkedHashMap<>();
		this.jdbc.sql("""
				select u.id, u.code, u.name, u.level, u.parent_id, p.name as parent_name, vc.choice_id, vc.votes
				from vote_count vc
				join reporting_unit u on u.id = vc.unit_id
				left join reporting_unit p on p.id = u.parent_id
				where vc.contest_id = ? and vc.vote_type = 'total'
				order by u.level, u.name, u.id
				""").param(contestId).query((RowCallbackHandler) (rs) -> {
			long id = rs.getLong("id");
			UnitCounts unit = units.get(id);
			if (unit == null) {
				long parent = rs.getLong("parent_id");
				unit = new UnitCounts(id, rs.getString("code"), rs.getString("name"), rs.getString("level"),
						(parent != 0) ? parent : null, rs.getString("parent_name"), new HashMap<>());
				units.put(id, unit);
			}
			unit.votes().put(rs.getLong("choice_id"), rs.getLong("votes"));
		});
		return new ArrayList<>(units.values());
	}

	/** The contest's totals after each revision that changed its counts, oldest first. */
	List<Snapshot> snapshots(long contestId) {
		Map<Long, Snapshot> snapshots = new LinkedHashMap<>();
		this.jdbc.sql("""
				select s.revision, s.choice_id, s.votes, ps.precincts_reporting, ps.precincts_total,
				       ps.source_updated_at, ps.received_at
				from contest_snapshot s
				left join contest_progress_snapshot ps on ps.contest_id = s.contest_id and ps.revision = s.revision
				where s.contest_id = ?
				order by s.revision, s.choice_id
				""").param(contestId).query((RowCallbackHandler) (rs) -> {
			long revision = rs.getLong("revision");
			Snapshot snapshot = snapshots.get(revision);
			if (snapshot == null) {
				snapshot = new Snapshot(revision, instant(rs, "source_updated_at"), instant(rs, "received_at"),
						new HashMap<>());
				snapshots.put(revision, snapshot);
			}
			snapshot.votes().put(rs.getLong("choice_id"), rs.getLong("votes"));
		});
		return new ArrayList<>(snapshots.values());
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

	/** One unit's current total votes per choice id. */
	record UnitCounts(long id, String code, String name, String level, Long parentId, String parentName,
			Map<Long, Long> votes) {
	}

	/** A contest's totals per choice id after one revision. */
	record Snapshot(long revision, Instant sourceUpdatedAt, Instant receivedAt, Map<Long, Long> votes) {
	}

}
