package org.tally.staff;

import java.time.Instant;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT .../contests/{c}/concessions/{candidate}}: the corrected time,
 * statement or source of a concession already recorded.
 */
public record ConcessionChange(Instant concededAt, @Size(max = 5000) String statement,
		@Pattern(regexp = "https?://\\S{1,2000}", message = "an http or https URL") String sourceUrl) {
}
