package org.tally.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * An election's settings as staff read them to change them, and as the audit log shows
 * the election before and after a change. The API answers {@link ElectionView}, which
 * leaves out {@code sourcesPublic}.
 *
 * @param id the row's id, for the change; not in the audit log
 * @param revision the election's revision; {@code null}, and left out of the entry, when
 * the election is being created (its first revision follows)
 */
record ElectionSettings(@JsonIgnore long id, String slug, String name, LocalDate date, String kind, String jurisdiction,
		String status, boolean test, String timeZone, String language, boolean sourcesPublic,
		@Nullable Instant publishAfter, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long revision) {

	/**
	 * The columns {@link #read(ResultSet, int)} reads, for a select from
	 * {@code election}.
	 */
	static final String COLUMNS = """
			id, slug, name, election_date, kind, jurisdiction, status, test, time_zone, language, sources_public,
			publish_after, revision""";

	/**
	 * The election just inserted, as its audit entry shows it: before its first revision.
	 */
	ElectionSettings beforeFirstRevision() {
		return new ElectionSettings(this.id, this.slug, this.name, this.date, this.kind, this.jurisdiction, this.status,
				this.test, this.timeZone, this.language, this.sourcesPublic, this.publishAfter, null);
	}

	/** A row of {@link #COLUMNS}. */
	static ElectionSettings read(ResultSet rs, int row) throws SQLException {
		Timestamp publishAfter = rs.getTimestamp("publish_after");
		return new ElectionSettings(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
				rs.getObject("election_date", LocalDate.class), rs.getString("kind"), rs.getString("jurisdiction"),
				rs.getString("status"), rs.getBoolean("test"), rs.getString("time_zone"), rs.getString("language"),
				rs.getBoolean("sources_public"), (publishAfter != null) ? publishAfter.toInstant() : null,
				rs.getLong("revision"));
	}

}
