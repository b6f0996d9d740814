package org.tally.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/elections/{e}/reporting-units}; {@code parent} is the code
 * of the county a precinct belongs to.
 */
public record ReportingUnitRequest(@NotBlank @Size(max = 300) String code, @NotBlank @Size(max = 300) String name,
		@NotBlank @Pattern(regexp = "state|county|precinct", message = "one of state, county, precinct") String level,
		@Size(max = 300) String parent) {

	public ReportingUnitRequest {
		code = (code != null) ? code.strip() : null;
		name = (name != null) ? name.strip() : null;
		parent = (parent == null || parent.isBlank()) ? null : parent.strip();
	}

}
