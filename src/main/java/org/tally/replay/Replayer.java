package org.tally.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.tally.ingest.ImportCommand;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.ImportMode;
import org.tally.ingest.ImportService;
import org.tally.results.CanonicalJson;
import org.tally.results.EmbargoOpener;
import org.tally.results.RecordedRole;
import org.tally.results.RevisionChain;
import org.tally.results.RevisionDigest;
import org.tally.results.RevisionRecord;
import org.tally.staff.CallRequest;
import org.tally.staff.ConcessionChange;
import org.tally.staff.ConcessionRequest;
import org.tally.staff.CreateElectionRequest;
import org.tally.staff.ElectionSetupService;
import org.tally.staff.RaceDesk;
import org.tally.staff.StaffRole;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rebuilds an election from its exported record in this (fresh) database and compares
 * every step with the record (docs/verify.md, "Replay"): the exported chain first, then
 * each replayed revision's digest. Stops at the first difference, naming the revision.
 */
@Component
class Replayer {

	private final ImportService imports;

	private final RaceDesk desk;

	private final ElectionSetupService setup;

	private final RevisionChain chain;

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final EmbargoOpener opener;

	Replayer(ImportService imports, RaceDesk desk, ElectionSetupService setup, RevisionChain chain, JdbcClient jdbc,
			EmbargoOpener opener) {
		this.opener = opener;
		this.imports = imports;
		this.desk = desk;
		this.setup = setup;
		this.chain = chain;
		this.jdbc = jdbc;
	}

	/** Checks the record and replays it; answers the differences (empty when none). */
	List<String> replay(Path from) throws IOException {
		JsonNode election = this.json.readTree(Files.readAllBytes(from.resolve("election.json")));
		JsonNode revisions = this.json.readTree(Files.readAllBytes(from.resolve("revisions.json")));
		String slug = election.get("slug").asString();
		String recorded = checkRecord(from, slug, revisions);
		if (recorded != null) {
			return List.of(recorded);
		}
		this.setup.create(new CreateElectionRequest(slug, election.get("name").asString(),
				LocalDate.parse(election.get("date").asString()), election.get("kind").asString(),
				election.get("jurisdiction").asString(), election.get("test").asBoolean(), null,
				text(election, "language")), "replay");
		long electionId = this.jdbc.sql("select id from election where slug = ?")
			.param(slug)
			.query(Long.class)
			.single();
		for (JsonNode revision : revisions) {
			long number = revision.get("revision").asLong();
			String problem = apply(from, slug, revision);
			if (problem == null) {
				problem = compare(electionId, number, revision);
			}
			if (problem != null) {
				return List.of("revision " + number + ": " + problem);
			}
		}
		return List.of();
	}

	/**
	 * Recomputes every exported digest from the exported revisions and counts: a count
	 * changed in the original's database after its revision was sealed shows here.
	 */
	private String checkRecord(Path from, String slug, JsonNode revisions) throws IOException {
		String previous = RevisionDigest.GENESIS;
		for (JsonNode revision : revisions) {
			long number = revision.get("revision").asLong();
			JsonNode action = revision.get("action");
			RevisionDigest digest = new RevisionDigest(slug, number, revision.get("kind").asString(), previous,
					(action == null || action.isNull()) ? null
							: CanonicalJson.of(this.json.treeToValue(action, Object.class)),
					text(revision, "sourceSha256"));
			for (JsonNode count : this.json.readTree(Files.readAllBytes(from.resolve("counts/" + number + ".json")))) {
				digest.count(count.get(0).asString(), count.get(1).asString(), count.get(2).asString(),
						count.get(3).asString(), count.get(4).asLong());
			}
			String computed = digest.finish();
			if (!computed.equals(text(revision, "digest")) || !previous.equals(text(revision, "previousDigest"))) {
				return "revision " + number + ": the recorded counts give digest " + computed + ", the chain says "
						+ text(revision, "digest") + " (a stored count was changed after the revision was sealed)";
			}
			previous = computed;
		}
		return null;
	}

	private String apply(Path from, String slug, JsonNode revision) throws IOException {
		JsonNode action = revision.get("action");
		String role = (action != null && !action.isNull()) ? text(action, "role") : null;
		String who = actor((role != null) ? RecordedRole.fromCode(role) : RecordedRole.SYSTEM);
		Instant at = Instant.parse(revision.get("at").asString());
		String sha = text(revision, "sourceSha256");
		if (sha != null) {
			Path file = from.resolve("sources").resolve(sha);
			if (!Files.exists(file) || action == null || action.isNull()) {
				return "the file " + sha + " or its import parameters are not in the record";
			}
			String updated = text(revision, "sourceUpdatedAt");
			ImportCommand command = new ImportCommand(slug, text(revision, "sourceName"),
					ImportFormat.fromCode(text(action, "format")), ImportMode.fromCode(text(action, "mode")), false,
					text(action, "correction"), text(action, "county"),
					(updated != null) ? Instant.parse(updated) : null, who, action.get("calls").asBoolean(),
					(text(action, "charset") != null) ? Charset.forName(text(action, "charset")) : null);
			try (InputStream in = Files.newInputStream(file)) {
				this.imports.importFile(command, in);
			}
			return null;
		}
		String type = (action != null && !action.isNull()) ? text(action, "type") : null;
		if (type == null) {
			return "a staff action of kind " + revision.get("kind").asString() + " with no recorded action";
		}
		switch (type) {
			case "call" -> this.desk.call(
					slug, text(action, "contest"), new CallRequest(text(action, "status"),
							strings(action.get("winners")), strings(action.get("advancing")), text(action, "note")),
					who, at);
			case "concession" ->
				this.desk.concede(
						slug, text(action, "contest"), new ConcessionRequest(text(action, "candidate"),
								instant(action, "concededAt"), text(action, "statement"), text(action, "sourceUrl")),
						who);
			case "concession-edited" ->
				this.desk.editConcession(slug, text(action, "contest"), text(action, "candidate"), new ConcessionChange(
						instant(action, "concededAt"), text(action, "statement"), text(action, "sourceUrl")), who);
			case "concession-withdrawn" ->
				this.desk.withdrawConcession(slug, text(action, "contest"), text(action, "candidate"), who);
			case "status" -> this.setup.changeStatus(slug, text(action, "status"), who);
			case "opening" -> this.opener.open(slug, instant(action, "publishAfter"), who);
			default -> {
				return "the action '" + type + "' cannot be replayed (its record has a note, not the request)";
			}
		}
		return null;
	}

	/**
	 * Compares the replayed revision with the record, then gives it the recorded receipt
	 * time (outside the digest, but cdf.json's GeneratedDate is the last one).
	 */
	private String compare(long electionId, long number, JsonNode revision) {
		List<RevisionRecord> replayed = this.chain.revisions(electionId);
		if (replayed.size() != number) {
			return "the replay has " + replayed.size() + " revisions where the record has " + number;
		}
		RevisionRecord last = replayed.get(replayed.size() - 1);
		if (!last.digest().equals(text(revision, "digest"))) {
			return "replayed digest " + last.digest() + ", recorded " + text(revision, "digest");
		}
		Timestamp at = Timestamp.from(Instant.parse(revision.get("at").asString()));
		this.jdbc.sql("update revision set received_at = ? where election_id = ? and number = ?")
			.params(at, electionId, number)
			.update();
		this.jdbc.sql("update election set last_updated = ? where id = ?").params(at, electionId).update();
		this.jdbc.sql("update contest set last_updated = ? where election_id = ? and revision = ?")
			.params(at, electionId, number)
			.update();
		return null;
	}

	/**
	 * A name acting with the recorded role: a disabled account of that role, or Tally
	 * itself for {@code system}.
	 */
	private String actor(RecordedRole role) {
		Optional<StaffRole> account = StaffRole.recording(role);
		if (account.isEmpty()) {
			return "replay";
		}
		String name = "replay-" + role.code();
		this.jdbc.sql("""
				insert into staff_user (username, password_hash, role, enabled) values (?, '!', ?, false)
				on conflict (username) do nothing""").params(name, account.get().name()).update();
		return name;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static Instant instant(JsonNode node, String field) {
		String value = text(node, field);
		return (value != null) ? Instant.parse(value) : null;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array != null) {
			array.forEach((item) -> values.add(item.asString()));
		}
		return values;
	}

}
