package org.tally.staff;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST .../contests/{c}/call}.
 */
public record CallRequest(
		@NotBlank @Pattern(regexp = "not-called|too-early|too-close|called|runoff|uncalled",
				message = "one of not-called, too-early, too-close, called, runoff, uncalled") String status,
		List<String> winners, List<String> advancing, @Size(max = 2000) String note,
		@Size(max = 2000) @Schema(nullable = true,
				description = "Why call while the estimate's margin range includes zero or a known remainder is at least the margin (required then)") String override) {

	public CallRequest {
		winners = (winners != null) ? List.copyOf(winners) : List.of();
		advancing = (advancing != null) ? List.copyOf(advancing) : List.of();
		note = (note == null || note.isBlank()) ? null : note.strip();
		override = (override == null || override.isBlank()) ? null : override.strip();
	}

	/** A call without an override reason. */
	public CallRequest(String status, List<String> winners, List<String> advancing, String note) {
		this(status, winners, advancing, note, null);
	}

}
