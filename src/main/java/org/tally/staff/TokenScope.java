package org.tally.staff;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.tally.kernel.InvalidRequestException;
import org.tally.kernel.PublicHttpPolicy;

/**
 * What an API token may do (docs/security.md, "API tokens"). {@link #required} maps every
 * API request to the scopes it needs, so a write endpoint cannot be forgotten: anything
 * that is not a read or an import needs {@link #CALLS}, and managing users and tokens
 * needs every scope. The paths are {@link PublicHttpPolicy}'s.
 */
public enum TokenScope {

	/** Every {@code GET}/{@code HEAD} made with the token. */
	READ,

	/** Imports: {@code POST /api/v1/elections/{e}/imports}. */
	IMPORT,

	/**
	 * The race desk and setup: calls, concessions, elections, contests, candidates,
	 * reporting units, status.
	 */
	CALLS;

	/**
	 * The name in the API and the database: {@code read}, {@code import}, {@code calls}.
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses {@code read}, {@code import}, {@code calls}; anything else is a 400. */
	static TokenScope of(String value) {
		for (TokenScope scope : values()) {
			if (scope.value().equals(value)) {
				return scope;
			}
		}
		throw new InvalidRequestException("scopes: '" + value + "' is not one of read, import, calls");
	}

	/** Every scope, when none is asked for (tokens made before scopes existed). */
	static List<String> all() {
		return List.of(READ.value(), IMPORT.value(), CALLS.value());
	}

	/** The scopes a request needs. */
	public static Set<TokenScope> required(String method, String path) {
		boolean read = PublicHttpPolicy.safe(method);
		if (PublicHttpPolicy.accounts(path)) {
			return read ? EnumSet.of(READ) : EnumSet.allOf(TokenScope.class);
		}
		if (read) {
			return EnumSet.of(READ);
		}
		if (PublicHttpPolicy.imports(path)) {
			return EnumSet.of(IMPORT);
		}
		return EnumSet.of(CALLS);
	}

	/**
	 * The election a write is about ({@code /api/v1/elections/{slug}/...}), or empty for
	 * one that is about no single election (creating one, users, tokens).
	 */
	public static Optional<String> electionOf(String path) {
		return PublicHttpPolicy.election(path);
	}

}
