package org.tally.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit log for admins, newest first, a page at a time, filtered by action, by
 * who acted and by time. A {@code sign-in-throttled} entry comes with the count of
 * refused attempts from its address in its window ({@code sign_in_throttled}). Nothing
 * here writes: the table refuses updates and deletes.
 */
@Repository
class AuditEntries {

	static final int PAGE_SIZE = 50;

	/** Actions offered by the filter form (any other may be typed). */
	static final List<String> ACTIONS = List.of("sign-in", "sign-in-failed", "sign-in-throttled", "password-changed",
			"password-reset", "password-change-refused", "user-created", "user-updated", "token-created",
			"token-revoked", "import", "correction", "call", "call-retracted", "concession", "election-created",
			"election-updated", "election-status", "contest-created", "contest-updated");

	private final JdbcClient jdbc;

	AuditEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Page {@code page} (from 0) of the entries the filter lets through, newest first,
	 * one more than a page to tell if there is a next.
	 */
	List<Entry> page(AuditFilter filter, int page) {
		return this.jdbc.sql("""
				select e.id, e.at, e.actor, e.action, e.target, e.before::text as before, e.after::text as after,
				       e.detail, t.attempts, array_to_string(t.accounts, ', ') as accounts, t.last_at
				from audit_event e left join sign_in_throttled t on t.audit_id = e.id
				where (cast(:action as text) is null or e.action = :action)
				  and (cast(:actor as text) is null or e.actor = :actor)
				  and (cast(:from as timestamptz) is null or e.at >= :from)
				  and (cast(:to as timestamptz) is null or e.at < :to)
				order by e.id desc limit :limit offset :offset""")
			.param("action", filter.action())
			.param("actor", filter.user())
			.param("from", timestamp(filter.from()))
			.param("to", timestamp(filter.to()))
			.param("limit", PAGE_SIZE + 1)
			.param("offset", (long) Math.max(page, 0) * PAGE_SIZE)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("target"), rs.getString("before"), rs.getString("after"),
					rs.getString("detail"), (Integer) rs.getObject("attempts"), rs.getString("accounts"),
					instant(rs.getTimestamp("last_at"))))
			.list();
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * One entry; {@code attempts}, {@code accounts} and {@code lastAttempt} only for a
	 * throttled address's window.
	 */
	record Entry(long id, Instant at, String actor, String action, String target, String before, String after,
			String detail, Integer attempts, String accounts, Instant lastAttempt) {
	}

}
