package org.tally.staff;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit log for admins, newest first, a page at a time. Nothing here writes:
 * the table refuses updates and deletes.
 */
@Repository
class AuditEntries {

	static final int PAGE_SIZE = 50;

	private final JdbcClient jdbc;

	AuditEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Page {@code page} (from 0) of entries, newest first, one more than a page to tell
	 * if there is a next.
	 */
	List<Entry> page(int page) {
		return this.jdbc.sql("""
				select id, at, actor, action, target, before::text as before, after::text as after, detail
				from audit_event order by id desc limit ? offset ?""")
			.params(PAGE_SIZE + 1, (long) Math.max(page, 0) * PAGE_SIZE)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("target"), rs.getString("before"), rs.getString("after"),
					rs.getString("detail")))
			.list();
	}

	record Entry(long id, Instant at, String actor, String action, String target, String before, String after,
			String detail) {
	}

}
