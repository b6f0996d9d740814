package org.tally.results.projection;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;

/**
 * Body of {@code PUT .../contests/{c}/baseline}: the baseline contest and, per choice,
 * the baseline choice or party it is compared with (each choice's own party when
 * {@code choices} is omitted or does not name it).
 *
 * @param election the baseline election's slug
 * @param contest the baseline contest's slug
 * @param choices choice name to baseline choice name or party, or null
 */
public record BaselineRequest(@NotBlank String election, @NotBlank String contest, Map<String, String> choices) {

	public BaselineRequest {
		choices = (choices != null) ? Map.copyOf(choices) : Map.of();
	}

}
