package org.tally.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST .../contests/{c}/candidates} and {@code PUT .../candidates/{id}}.
 */
public record CandidateRequest(@NotBlank @Size(max = 300) String name, @Size(max = 100) String party, Boolean incumbent,
		Boolean writeIn, Integer ballotOrder) {

	public CandidateRequest {
		name = (name != null) ? name.strip() : null;
		party = (party == null || party.isBlank()) ? null : party.strip();
		incumbent = Boolean.TRUE.equals(incumbent);
		writeIn = Boolean.TRUE.equals(writeIn);
		ballotOrder = (ballotOrder != null) ? ballotOrder : 0;
	}

}
