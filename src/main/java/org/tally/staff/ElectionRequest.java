package org.tally.staff;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/v1/elections/{e}}: everything but the slug, which never
 * changes. A missing {@code timeZone}, {@code language} or {@code sourcesPublic} keeps
 * the election's.
 */
public record ElectionRequest(@NotBlank @Size(max = 300) String name, @NotNull LocalDate date,
		@NotNull @Pattern(regexp = "general|primary|special-primary|special-general|runoff",
				message = "one of general, primary, special-primary, special-general, runoff") String kind,
		@NotBlank @Size(max = 300) String jurisdiction, Boolean test, String timeZone,
		@Pattern(regexp = "[a-z]{2,3}(-[A-Z][a-z]{3})?", message = "a language code such as en or es") String language,
		Boolean sourcesPublic) {

	public ElectionRequest(String name, LocalDate date, String kind, String jurisdiction, Boolean test, String timeZone,
			String language) {
		this(name, date, kind, jurisdiction, test, timeZone, language, null);
	}

}
