package org.tally.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tally.kernel.Slugs;
import org.tally.results.UnitLevel;

/**
 * Body of {@code POST /api/v1/elections/{e}/reporting-units}; {@code parent} is the code
 * of the county a precinct belongs to. Without a code, the unit gets the one imports look
 * for: the county's slug ({@code los-angeles}), or {@code <county code>/<precinct name>}.
 */
public record ReportingUnitRequest(@Size(max = 300) String code, @NotBlank @Size(max = 300) String name,
		@NotBlank @Pattern(regexp = "state|county|precinct", message = "one of state, county, precinct") String level,
		@Size(max = 300) String parent) {

	public ReportingUnitRequest {
		name = (name != null) ? name.strip() : null;
		parent = (parent == null || parent.isBlank()) ? null : parent.strip();
		if ((code == null || code.isBlank()) && name != null) {
			code = (parent != null && UnitLevel.precinct(level)) ? parent + "/" + name : Slugs.of(name);
		}
		code = (code != null) ? code.strip() : null;
	}

}
