package org.tally.staff;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.tally.kernel.AuditLog;
import org.tally.kernel.ElectionNotFoundException;
import org.tally.kernel.InvalidRequestException;
import org.tally.results.ElectionKind;
import org.tally.results.ElectionStatus;
import org.tally.results.ReaderLanguages;
import org.tally.results.RevisionAction;
import org.tally.results.Revisions;
import org.tally.results.StateZones;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and edits elections. Every change after creation is a {@code setup} revision,
 * so the feed's ETags move, and an audit entry with the values before and after.
 */
@Service
public class ElectionSetupService {

	static final List<String> STATUSES = Arrays.stream(ElectionStatus.values()).map(ElectionStatus::code).toList();

	static final List<String> KINDS = Arrays.stream(ElectionKind.values()).map(ElectionKind::code).toList();

	private final JdbcClient jdbc;

	private final Revisions revisions;

	private final AuditLog audit;

	private final ReaderLanguages languages;

	ElectionSetupService(JdbcClient jdbc, Revisions revisions, AuditLog audit, ReaderLanguages languages) {
		this.jdbc = jdbc;
		this.revisions = revisions;
		this.audit = audit;
		this.languages = languages;
	}

	/** Creates the election on behalf of Tally itself (the demo loader). */
	@Transactional
	public ElectionSettings create(CreateElectionRequest request) {
		return create(request, "system");
	}

	/** Moves the election to another status on behalf of Tally itself. */
	@Transactional
	public ElectionSettings changeStatus(String slug, String status) {
		return changeStatus(slug, status, "system");
	}

	/**
	 * Creates the election (status scheduled, revision 0), or throws
	 * {@link ElectionExistsException} when the slug is taken. This class is the one
	 * writer of an election's row and its settings (the revision's columns are
	 * {@link Revisions}' and the chain's).
	 */
	@Transactional
	public ElectionSettings create(CreateElectionRequest request, String who) {
		if (exists(request.slug())) {
			throw ElectionExistsException.forSlug(request.slug());
		}
		// docs/data-model.md, "Time zones": the state's zone, else UTC
		String zone = (request.timeZone() != null && !request.timeZone().isBlank()) ? zone(request.timeZone())
				: StateZones.of(request.jurisdiction()).orElse("UTC");
		String language = (request.language() != null && !request.language().isBlank()) ? language(request.language())
				: "en";
		ElectionSettings created = this.jdbc.sql("""
				insert into election (slug, name, election_date, kind, jurisdiction, status, test, time_zone, language,
				                      sources_public, publish_after)
				values (:slug, :name, :date, :kind, :jurisdiction, :status, :test, :zone, :language, :sourcesPublic,
				        :publishAfter)
				returning\s""" + ElectionSettings.COLUMNS)
			.param("slug", request.slug())
			.param("name", request.name().strip())
			.param("date", Date.valueOf(request.date()))
			.param("kind", request.kind())
			.param("jurisdiction", request.jurisdiction().strip())
			.param("status", ElectionStatus.SCHEDULED.code())
			.param("test", Boolean.TRUE.equals(request.test()))
			.param("zone", zone)
			.param("language", language)
			.param("sourcesPublic", !Boolean.FALSE.equals(request.sourcesPublic()))
			.param("publishAfter", (request.publishAfter() != null) ? Timestamp.from(request.publishAfter()) : null,
					java.sql.Types.TIMESTAMP)
			.query(ElectionSettings::read)
			.single();
		if (created.publishAfter() != null) {
			openedAfter(created.id(), created.publishAfter());
		}
		this.revisions.created(created.slug());
		this.audit.record(who, "election-created", "election " + created.slug(), null, created.beforeFirstRevision(),
				null);
		return created;
	}

	/** Whether an election has the slug. */
	public boolean exists(String slug) {
		return this.jdbc.sql("select exists (select 1 from election where slug = ?)")
			.param(slug)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Changes what the request gives of name, date, kind, jurisdiction, the test mark,
	 * the time zone, the pages' default language, whether sources are public and the
	 * embargo ({@code publishAfter}); an absent field keeps its value. Answers the
	 * election as it is now.
	 */
	@Transactional
	public ElectionSettings update(String slug, ElectionRequest request, String who) {
		ElectionSettings before = settings(slug);
		long id = before.id();
		notBlank("name", request.name());
		notBlank("jurisdiction", request.jurisdiction());
		boolean embargoGiven = request.publishAfter() != null;
		Instant publishAfter = embargoGiven ? request.publishAfter().value() : null;
		this.jdbc
			.sql("""
					update election set name = coalesce(:name, name), election_date = coalesce(:date, election_date),
					       kind = coalesce(:kind, kind), jurisdiction = coalesce(:jurisdiction, jurisdiction),
					       test = coalesce(:test, test), time_zone = :zone, language = :language,
					       sources_public = coalesce(:sourcesPublic, sources_public),
					       publish_after = case when :embargoGiven then cast(:publishAfter as timestamptz) else publish_after end
					where id = :id""")
			.param("sourcesPublic", request.sourcesPublic(), java.sql.Types.BOOLEAN)
			.param("name", (request.name() != null) ? request.name().strip() : null, java.sql.Types.VARCHAR)
			.param("date", (request.date() != null) ? Date.valueOf(request.date()) : null, java.sql.Types.DATE)
			.param("kind", request.kind(), java.sql.Types.VARCHAR)
			.param("jurisdiction", (request.jurisdiction() != null) ? request.jurisdiction().strip() : null,
					java.sql.Types.VARCHAR)
			.param("test", request.test(), java.sql.Types.BOOLEAN)
			.param("zone",
					(request.timeZone() == null || request.timeZone().isBlank()) ? before.timeZone()
							: zone(request.timeZone()))
			.param("language",
					(request.language() == null || request.language().isBlank()) ? before.language()
							: language(request.language()))
			.param("embargoGiven", embargoGiven)
			.param("publishAfter", (publishAfter != null) ? Timestamp.from(publishAfter) : null,
					java.sql.Types.TIMESTAMP)
			.param("id", id)
			.update();
		if (publishAfter != null) {
			openedAfter(id, publishAfter);
		}
		this.revisions.next(id, "setup", who, "election edited", null, Instant.now(), List.of());
		ElectionSettings after = settings(slug);
		this.audit.record(who, "election-updated", "election " + slug, before, after, null);
		return after;
	}

	/**
	 * An embargo set to end at an instant already past has nothing to open: it is marked
	 * opened, so no opening revision follows (docs/contract.md §7). One still ahead is
	 * opened at its time by {@link org.tally.results.EmbargoOpener}.
	 */
	private void openedAfter(long id, Instant publishAfter) {
		this.jdbc.sql("""
				update election set opened_after = case when publish_after <= now() then publish_after else null end
				where id = ?""").param(id).update();
	}

	private static void notBlank(String field, String value) {
		if (value != null && value.isBlank()) {
			throw new InvalidRequestException(field + ": must not be blank");
		}
	}

	/**
	 * Moves the election to another status (scheduled, counting, paused,
	 * unofficial-complete, certified); answers the election as it is now.
	 */
	@Transactional
	public ElectionSettings changeStatus(String slug, String status, String who) {
		if (!STATUSES.contains(status)) {
			throw new InvalidRequestException("status: must be one of " + String.join(", ", STATUSES));
		}
		ElectionSettings election = settings(slug);
		long id = election.id();
		String before = election.status();
		if (before.equals(status)) {
			return election;
		}
		this.jdbc.sql("update election set status = ? where id = ?").params(status, id).update();
		this.revisions.next(id, "setup", who, "status " + before + " to " + status, null, Instant.now(), List.of(),
				new StatusAction("status", status));
		this.audit.record(who, "election-status", "election " + slug, new StatusSnapshot(before),
				new StatusSnapshot(status), null);
		return settings(slug);
	}

	/** The election's settings, its row locked until the transaction ends. */
	private ElectionSettings settings(String slug) {
		return this.jdbc.sql("select " + ElectionSettings.COLUMNS + " from election where slug = ? for update")
			.param(slug)
			.query(ElectionSettings::read)
			.optional()
			.orElseThrow(() -> ElectionNotFoundException.forSlug(slug));
	}

	private String language(String language) {
		return this.languages.forTag(language)
			.map(ReaderLanguages::code)
			.orElseThrow(() -> new InvalidRequestException("language: one of "
					+ String.join(", ", this.languages.locales().stream().map(ReaderLanguages::code).toList())));
	}

	private static String zone(String timeZone) {
		try {
			return ZoneId.of(timeZone.strip()).getId();
		}
		catch (DateTimeException ex) {
			throw new InvalidRequestException("timeZone: unknown time zone '" + timeZone + "'");
		}
	}

	/** A status change as the chain records it; {@code type} says so. */
	private record StatusAction(String type, String status) implements RevisionAction {
	}

}
