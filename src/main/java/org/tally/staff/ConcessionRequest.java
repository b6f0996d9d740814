package org.tally.staff;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST .../contests/{c}/concessions}.
 */
public record ConcessionRequest(@NotBlank String candidate, Instant concededAt, @Size(max = 5000) String statement,
		@Pattern(regexp = "https?://\\S{1,2000}", message = "an http or https URL") String sourceUrl) {
}
