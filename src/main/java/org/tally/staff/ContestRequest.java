package org.tally.staff;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/elections/{e}/contests} and {@code PUT .../contests/{c}}.
 * The slug comes from office and district at creation and never changes; an empty name is
 * made from them.
 */
public record ContestRequest(@NotBlank @Size(max = 300) String office, @Size(max = 100) String district,
		@Size(max = 400) String name,
		@Pattern(regexp = "candidate|measure", message = "one of candidate, measure") String kind,
		@Min(1) @Max(100) Integer seats,
		@Pattern(regexp = "plurality|majority|top-two|threshold",
				message = "one of plurality, majority, top-two, threshold") String rule,
		@DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal threshold, Boolean uncontested,
		Integer ballotOrder, @PositiveOrZero Integer precinctsTotal, @PositiveOrZero Long registeredVoters,
		@PositiveOrZero Long ballotsOutstanding) {

	public ContestRequest {
		district = (district != null) ? district.strip() : "";
		office = (office != null) ? office.strip() : null;
		name = (name == null || name.isBlank()) ? null : name.strip();
		kind = (kind == null || kind.isBlank()) ? "candidate" : kind;
		seats = (seats != null) ? seats : 1;
		rule = (rule == null || rule.isBlank()) ? "plurality" : rule;
		uncontested = Boolean.TRUE.equals(uncontested);
		ballotOrder = (ballotOrder != null) ? ballotOrder : 0;
	}

	String displayName() {
		if (this.name != null) {
			return this.name;
		}
		return this.district.isEmpty() ? this.office : this.office + ", District " + this.district;
	}

}
