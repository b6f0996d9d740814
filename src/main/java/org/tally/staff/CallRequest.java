package org.tally.staff;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST .../contests/{c}/call}.
 */
public record CallRequest(
		@NotBlank @Pattern(regexp = "not-called|too-early|too-close|called|runoff|uncalled",
				message = "one of not-called, too-early, too-close, called, runoff, uncalled") String status,
		List<String> winners, List<String> advancing, @Size(max = 2000) String note) {

	public CallRequest {
		winners = (winners != null) ? List.copyOf(winners) : List.of();
		advancing = (advancing != null) ? List.copyOf(advancing) : List.of();
		note = (note == null || note.isBlank()) ? null : note.strip();
	}

}
