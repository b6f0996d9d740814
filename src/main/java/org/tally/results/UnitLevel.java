package org.tally.results;

import java.util.Optional;

/**
 * The level of a reporting unit: the values of {@code reporting_unit.level} (V1) and of
 * the API's {@code level}, each by its {@link #code()}.
 */
public enum UnitLevel {

	STATE("state"), COUNTY("county"), PRECINCT("precinct");

	private final String code;

	UnitLevel(String code) {
		this.code = code;
	}

	/** The level as the database and the API spell it. */
	public String code() {
		return this.code;
	}

	/**
	 * The level as an SQL string literal ({@code 'precinct'}), for a query text written
	 * once: the planner sees the value, as with a literal.
	 */
	public String sql() {
		return "'" + this.code + "'";
	}

	/** NIST 1500-100's {@code ReportingUnitType} of the level. */
	public String nistType() {
		return switch (this) {
			case STATE -> "state";
			case COUNTY -> "county";
			case PRECINCT -> "precinct";
		};
	}

	/** The level {@code code} names, or empty for none. */
	public static Optional<UnitLevel> find(String code) {
		for (UnitLevel level : values()) {
			if (level.code.equals(code)) {
				return Optional.of(level);
			}
		}
		return Optional.empty();
	}

	/** Whether {@code code} is the precinct level. */
	public static boolean precinct(String code) {
		return PRECINCT.code.equals(code);
	}

}
