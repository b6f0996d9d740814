package org.tally.staff;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.tally.kernel.NistWriter;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff audit log ({@code audit_event}) as a NIST SP 1500-101 v1
 * {@code ElectionEventLog}, in its JSON or XML form (one walk, {@link NistWriter}): one
 * {@code Device}, this Tally instance, with every entry oldest first as an {@code Event}:
 * its action as {@code Id}, the entry's number as {@code Sequence}, who acted as
 * {@code UserId}, its time, a {@code Type} grouping the actions (authentication, account,
 * results, setup), {@code Disposition} failure for refused sign-ins and password changes
 * (success otherwise), and the entry's target, before, after and detail as JSON in
 * {@code Details}. Read in one read-only transaction, row by row.
 */
@Component
class AuditEventLog {

	/** The XML form's namespace (NIST's XSD). */
	static final String NAMESPACE = "http://itl.nist.gov/ns/voting/1500-101/v1";

	private static final Set<String> FAILURES = Set.of("sign-in-failed", "sign-in-throttled",
			"password-change-refused");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditEventLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The log in JSON. */
	@Transactional(readOnly = true)
	public void json(OutputStream to, Instant generated) {
		try (NistWriter out = NistWriter.json(this.json, to, "EventLogging")) {
			write(out, generated);
		}
	}

	/** The log in XML. */
	@Transactional(readOnly = true)
	public void xml(OutputStream to, Instant generated) {
		try (NistWriter out = NistWriter.xml(to, NAMESPACE)) {
			write(out, generated);
		}
	}

	private void write(NistWriter out, Instant generated) {
		out.startDocument("ElectionEventLog");
		out.string("Details", "Tally's staff audit log: every sign-in, account change, import, call, concession "
				+ "and setup change, oldest first");
		out.startList("Device");
		out.startItem("Device");
		out.startList("Event");
		this.jdbc.sql("""
				select id, at, actor, action, target, before::text as before, after::text as after, detail
				from audit_event order by id""").query((RowCallbackHandler) (rs) -> event(out, rs));
		out.endList();
		out.string("Id", "tally");
		out.string("Manufacturer", "Tally");
		out.string("Model", "Tally election-results desk");
		out.string("Type", "other");
		out.string("OtherType", "election-results-reporting");
		out.endObject();
		out.endList();
		out.string("GeneratedTime", generated.truncatedTo(ChronoUnit.SECONDS).toString());
		out.endObject();
	}

	private void event(NistWriter out, ResultSet rs) throws SQLException {
		String action = rs.getString("action");
		out.startItem("Event");
		String target = rs.getString("target");
		out.string("Description", (target != null) ? action + ": " + target : action);
		Details details = new Details(target, tree(rs.getString("before")), tree(rs.getString("after")),
				rs.getString("detail"));
		out.string("Details", this.json.writeValueAsString(details));
		out.string("Disposition", FAILURES.contains(action) ? "failure" : "success");
		out.string("Id", action);
		out.string("Sequence", Long.toString(rs.getLong("id")));
		if (FAILURES.contains(action)) {
			out.string("Severity", "warning");
		}
		out.string("TimeStamp", rs.getTimestamp("at").toInstant().truncatedTo(ChronoUnit.MICROS).toString());
		out.string("Type", type(action));
		out.string("UserId", rs.getString("actor"));
		out.endObject();
	}

	private JsonNode tree(String json) {
		return (json != null) ? this.json.readTree(json) : null;
	}

	/** An event's {@code Details}: the entry's target, before, after and detail. */
	record Details(String target, JsonNode before, JsonNode after, String detail) {
	}

	/** The group an action belongs to, NIST's event {@code Type}. */
	static String type(String action) {
		if (action.startsWith("sign-in") || action.startsWith("password")) {
			return "authentication";
		}
		if (action.startsWith("user-") || action.startsWith("token-")) {
			return "account";
		}
		if (action.startsWith("election-") || action.startsWith("contest-") || action.startsWith("candidate-")
				|| action.startsWith("reporting-unit-")) {
			return "setup";
		}
		if (action.startsWith("call") || action.startsWith("concession") || action.equals("import")
				|| action.equals("correction")) {
			return "results";
		}
		return "other";
	}

}
