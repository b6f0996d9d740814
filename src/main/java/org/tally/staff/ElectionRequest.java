package org.tally.staff;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/v1/elections/{e}}: everything but the slug, which never
 * changes. Every field is optional: an absent one keeps the election's value. An explicit
 * {@code null} {@code publishAfter} lifts the embargo (docs/contract.md §7); an absent
 * one keeps it.
 */
public record ElectionRequest(@Size(max = 300) String name, LocalDate date,
		@Pattern(regexp = "general|primary|special-primary|special-general|runoff",
				message = "one of general, primary, special-primary, special-general, runoff") String kind,
		@Size(max = 300) String jurisdiction, Boolean test, String timeZone,
		@Pattern(regexp = "[a-z]{2,3}(-[A-Z][a-z]{3})?", message = "a language code such as en or es") String language,
		Boolean sourcesPublic,
		@Schema(implementation = Instant.class, nullable = true,
				description = "no counts on any public surface before this instant (ISO-8601); null lifts the embargo, "
						+ "absent keeps it") PublishAfterChange publishAfter) {

	public ElectionRequest(String name, LocalDate date, String kind, String jurisdiction, Boolean test, String timeZone,
			String language) {
		this(name, date, kind, jurisdiction, test, timeZone, language, null, null);
	}

	public ElectionRequest(String name, LocalDate date, String kind, String jurisdiction, Boolean test, String timeZone,
			String language, Boolean sourcesPublic) {
		this(name, date, kind, jurisdiction, test, timeZone, language, sourcesPublic, null);
	}

}
