package org.tally.staff;

import java.math.BigDecimal;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A contest's stored setup as the staff API answers it.
 *
 * @param threshold the share to pass, in percent, for rule {@code threshold} only
 */
record ContestView(String slug, String office, String district, String name, @Schema(allowableValues = {
		"candidate", "measure" }) String kind, int seats,
		@Schema(allowableValues = { "plurality", "majority", "top-two", "threshold", "ranked-choice" }) String rule,
		@Nullable BigDecimal threshold, boolean uncontested, int ballotOrder, @Nullable Integer precinctsTotal,
		@Nullable Long registeredVoters, @Nullable Long ballotsOutstanding, @Nullable Long expectedVotes,
		@Nullable Long ballotsCast){

	/** From the setup service's row (camelCase columns). */
	static ContestView of(Map<String, Object> row) {
		return new ContestView((String) row.get("slug"), (String) row.get("office"), (String) row.get("district"),
				(String) row.get("name"), (String) row.get("kind"), ((Number) row.get("seats")).intValue(),
				(String) row.get("rule"), (BigDecimal) row.get("threshold"),
				Boolean.TRUE.equals(row.get("uncontested")), ((Number) row.get("ballotOrder")).intValue(),
				integer(row.get("precinctsTotal")), number(row.get("registeredVoters")),
				number(row.get("ballotsOutstanding")), number(row.get("expectedVotes")),
				number(row.get("ballotsCast")));
	}

	private static Integer integer(Object value) {
		return (value != null) ? ((Number) value).intValue() : null;
	}

	private static Long number(Object value) {
		return (value != null) ? ((Number) value).longValue() : null;
	}

}
