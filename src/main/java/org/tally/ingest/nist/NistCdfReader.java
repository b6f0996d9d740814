package org.tally.ingest.nist;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import org.tally.ingest.kit.FileSource;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.JsonFiles;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ReadContext;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.kit.ReaderReport;
import org.tally.ingest.kit.RowSink;

/**
 * Reads a NIST SP 1500-100 v2 {@code ElectionReport} in JSON (what modern tabulators
 * export) into counts and progress.
 * <p>
 * NIST files refer to units, parties and candidates by {@code @id}, before or after their
 * definitions, so the file is read twice from the spooled copy: the first pass keeps the
 * small maps ({@link NistIndex}: units and what composes them, parties, candidates;
 * {@link NistContests}: which units hold counts for each contest), the second streams the
 * vote counts ({@link NistCounts}). Memory grows with the number of units and candidates,
 * never with the number of counts.
 * <p>
 * Which units count, and under which county, is {@link NistUnits}' rule: the units that
 * hold a contest's counts, except those holding the sums of others.
 */
public final class NistCdfReader {

	static final String REPORT_TYPE = "ElectionResults.ElectionReport";

	private final ReadContext context;

	private final RowSink sink;

	private final ReaderReport report;

	private final NistIndex index;

	private final NistCounts counts;

	private final NistContests contests;

	private boolean second;

	private String reportType;

	private NistCdfReader(ReadContext context, RowSink sink) {
		this.context = context;
		this.sink = sink;
		this.report = new ReaderReport(sink);
		this.index = new NistIndex(this.report);
		this.counts = new NistCounts(this.index, this.report, sink);
		this.contests = new NistContests(this.index, this.report, sink, this.counts);
	}

	/**
	 * Reads the report, twice. Never throws for bad content: every problem goes to the
	 * sink, with the JSON pointer of where it is.
	 * @throws IOException only when the file itself cannot be read
	 */
	public static ReadSummary read(FileSource source, ReadContext context, RowSink sink) throws IOException {
		NistCdfReader reader = new NistCdfReader(context, sink);
		if (reader.pass(source) && reader.checkReport()) {
			reader.resolve();
			reader.second = true;
			reader.contests.second();
			reader.pass(source);
			reader.index.ballots.reconcile(reader.index.units, reader.contests.counted(), sink);
		}
		return new ReadSummary(ImportFormat.NIST_CDF, reader.counts.rows(), reader.report.problems(), List.of());
	}

	private boolean pass(FileSource source) throws IOException {
		return JsonFiles.pass(source, this::report, this.report::problem);
	}

	// the walk, shared by both passes

	private void report(JsonParser p) {
		if (p.nextToken() != JsonToken.START_OBJECT) {
			this.report.problem(JsonFiles.problem(p, "not a NIST ElectionReport: the file is not a JSON object"));
			return;
		}
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			p.nextToken();
			switch (name) {
				case "@type" -> this.reportType = p.currentToken().isScalarValue() ? p.getValueAsString() : "?";
				case "Issuer" -> {
					if (p.currentToken().isScalarValue()) {
						this.index.issuer = JsonFiles.blankToNull(p.getValueAsString());
					}
				}
				case "IsTest" -> isTest(p);
				case "Status" -> status(p);
				case "GeneratedDate" -> generatedDate(p);
				case "GpUnit" ->
					eachTree(p, "GpUnit", (node, at) -> this.index.units.define(node, at, this.report::problem));
				case "Party" -> eachTree(p, "Party", (node, at) -> this.index.define(this.index.parties, node, at, p));
				case "Person" ->
					eachTree(p, "Person", (node, at) -> this.index.define(this.index.persons, node, at, p));
				case "Election" -> JsonFiles.eachElement(p, this.report::problem, "Election", () -> election(p));
				default -> p.skipChildren();
			}
		}
	}

	private interface TreeHandler {

		void handle(JsonNode node, String at);

	}

	/** The small objects are read as trees, in the first pass only. */
	private void eachTree(JsonParser p, String what, TreeHandler handler) {
		if (this.second) {
			p.skipChildren();
			return;
		}
		JsonFiles.eachElement(p, this.report::problem, what, () -> {
			String at = JsonFiles.pointer(p);
			JsonNode node = JsonFiles.tree(p);
			if (!node.isObject()) {
				this.report.problem(JsonFiles.problem(p, at, node, what + " entries should be JSON objects"));
				return;
			}
			handler.handle(node, at);
		});
	}

	private void isTest(JsonParser p) {
		if (this.second) {
			return;
		}
		if (!p.currentToken().isBoolean()) {
			this.report.problem(JsonFiles.problem(p, "IsTest should be true or false"));
			p.skipChildren();
			return;
		}
		boolean test = p.currentToken() == JsonToken.VALUE_TRUE;
		if (test != this.context.test()) {
			this.report.problem(new Problem(JsonFiles.line(p), "IsTest", String.valueOf(test),
					test ? "the file is a test report (IsTest true) but the election holds real results"
							: "the file holds real results (IsTest false) but the election is a test election",
					JsonFiles.pointer(p)));
		}
	}

	private void status(JsonParser p) {
		String status = p.currentToken().isScalarValue() ? p.getValueAsString() : null;
		p.skipChildren();
		if (!this.second && ("correction".equals(status) || "recount".equals(status))) {
			this.report.warning(new Problem(JsonFiles.line(p), "Status", status,
					"the report is a " + status + ": counts that go down are applied only with correction=<reason>",
					JsonFiles.pointer(p)));
		}
	}

	private void generatedDate(JsonParser p) {
		String text = p.currentToken().isScalarValue() ? p.getValueAsString() : null;
		p.skipChildren();
		if (this.second || text == null) {
			return;
		}
		try {
			this.sink.sourceUpdatedAt(OffsetDateTime.parse(text.strip()).toInstant());
		}
		catch (DateTimeParseException ex) {
			try {
				this.sink.sourceUpdatedAt(Instant.parse(text.strip()));
			}
			catch (DateTimeParseException again) {
				this.report.warning(new Problem(JsonFiles.line(p), "GeneratedDate", text,
						"not a date and time with its zone; the import's time is used", JsonFiles.pointer(p)));
			}
		}
	}

	private void election(JsonParser p) {
		if (p.currentToken() != JsonToken.START_OBJECT) {
			this.report.problem(JsonFiles.problem(p, "an Election should be a JSON object"));
			p.skipChildren();
			return;
		}
		Map<String, JsonNode> candidates = this.index.candidates;
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			p.nextToken();
			switch (name) {
				case "ElectionScopeId" -> {
					if (this.index.scopeId == null && p.currentToken().isScalarValue()) {
						this.index.scopeId = JsonFiles.blankToNull(p.getValueAsString());
					}
				}
				case "Candidate" -> eachTree(p, "Candidate", (node, at) -> this.index.define(candidates, node, at, p));
				case "Contest" ->
					JsonFiles.eachElement(p, this.report::problem, "Contest", () -> this.contests.contest(p));
				case "BallotCounts" -> eachTree(p, "BallotCounts",
						(node, at) -> this.index.ballots.add(node, at, JsonFiles.line(p), this.report::problem));
				default -> p.skipChildren();
			}
		}
	}

	// between the passes: references, roles, names

	private boolean checkReport() {
		if (!REPORT_TYPE.equals(this.reportType)) {
			this.report.problem(new Problem(1, "@type", this.reportType,
					"not a NIST SP 1500-100 v2 ElectionReport: @type should be " + REPORT_TYPE, "/@type"));
			return false;
		}
		return true;
	}

	private void resolve() {
		this.index.units.link(this.index.scopeId, this.report::problem, this.report::warnOnce);
		this.index.ballots.resolve(this.index.units);
		this.contests.resolve();
	}

}
