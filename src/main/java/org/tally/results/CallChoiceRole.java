package org.tally.results;

import java.util.Collection;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a race call names a choice: the values of {@code race_call_choice.role} (V1), each
 * by its {@link #code()}. The API lists them apart, as the call's {@code winners} and
 * {@code advancing}.
 */
public enum CallChoiceRole {

	/** The choice wins. */
	WINNER("winner"),

	/** The choice advances: to a runoff, or to the next election (top two). */
	ADVANCING("advancing");

	/**
	 * The names of a call's choices as two text arrays, {@code winners} and
	 * {@code advancing}, each in ballot order (V36's {@code call_choices}), for a query
	 * whose {@code race_call} is {@code rc}.
	 */
	public static final String COLUMNS = "call_choices(rc.id, " + WINNER.sql() + ") as winners, call_choices(rc.id, "
			+ ADVANCING.sql() + ") as advancing";

	private final String code;

	CallChoiceRole(String code) {
		this.code = code;
	}

	/** The role as the database spells it: {@code "winner"}. */
	public String code() {
		return this.code;
	}

	/**
	 * The role as an SQL string literal ({@code 'winner'}), for a query text written
	 * once.
	 */
	public String sql() {
		return "'" + this.code + "'";
	}

	/** Records that the call names each of the choices (by id) in this role. */
	public void record(JdbcClient jdbc, long callId, Collection<Long> choiceIds) {
		for (long choice : choiceIds) {
			jdbc.sql("insert into race_call_choice (call_id, choice_id, role) values (?, ?, ?)")
				.params(callId, choice, this.code)
				.update();
		}
	}

	/** The role {@code code} names, or empty for none. */
	public static Optional<CallChoiceRole> find(String code) {
		for (CallChoiceRole role : values()) {
			if (role.code.equals(code)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	/**
	 * The role {@code code} names.
	 * @throws IllegalArgumentException if no role has that code
	 */
	public static CallChoiceRole fromCode(String code) {
		return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown call choice role '" + code + "'"));
	}

}
