package org.tally.staff;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/elections}. {@code language} is the pages' default language
 * ("en" when absent), one of {@code tally.languages}. Without a {@code timeZone} the
 * election takes its state's (docs/data-model.md, "Time zones"). {@code sourcesPublic}
 * false keeps the applied files for staff (docs/verify.md); true when absent.
 * {@code publishAfter} embargoes the counts until that instant (docs/contract.md §7).
 */
public record CreateElectionRequest(
		@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}",
				message = "lowercase letters, digits and dashes, at most 100") String slug,
		@NotBlank @Size(max = 300) String name, @NotNull LocalDate date,
		@NotNull @Pattern(regexp = "general|primary|special-primary|special-general|runoff",
				message = "one of general, primary, special-primary, special-general, runoff") String kind,
		@NotBlank @Size(max = 300) String jurisdiction, Boolean test, String timeZone,
		@Pattern(regexp = "[a-z]{2,3}(-[A-Z][a-z]{3})?", message = "a language code such as en or es") String language,
		Boolean sourcesPublic, @Nullable Instant publishAfter) {

	public CreateElectionRequest(String slug, String name, LocalDate date, String kind, String jurisdiction,
			Boolean test, String timeZone, String language) {
		this(slug, name, date, kind, jurisdiction, test, timeZone, language, null, null);
	}

	public CreateElectionRequest(String slug, String name, LocalDate date, String kind, String jurisdiction,
			Boolean test, String timeZone, String language, Boolean sourcesPublic) {
		this(slug, name, date, kind, jurisdiction, test, timeZone, language, sourcesPublic, null);
	}

}
