package org.tally.kernel;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only record of every write: who, when, what, before and after. Written in
 * the caller's transaction, so a change and its audit entry stand or fall together.
 */
@Component
public class AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Records one action. {@code before} and {@code after} are any JSON-serialisable
	 * values (records, maps) or null. Answers the entry's id.
	 */
	public long record(String actor, String action, String target, Object before, Object after, String detail) {
		return this.jdbc.sql("""
				insert into audit_event (actor, action, target, before, after, detail)
				values (:actor, :action, :target, cast(:before as jsonb), cast(:after as jsonb), :detail)
				returning id
				""")
			.param("actor", (actor != null) ? actor : "anonymous")
			.param("action", action)
			.param("target", target)
			.param("before", (before != null) ? this.json.writeValueAsString(before) : null)
			.param("after", (after != null) ? this.json.writeValueAsString(after) : null)
			.param("detail", detail)
			.query(Long.class)
			.single();
	}

}
