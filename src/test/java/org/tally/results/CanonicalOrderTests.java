package org.tally.results;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical order of a revision's counts (docs/verify.md) is PostgreSQL's
 * {@code collate "C"} order of UTF-8 text, Unicode code points; the seal now sorts in
 * Java ({@link CanonicalCounts}), so Java's order is checked against PostgreSQL's on the
 * names where UTF-16 and code points disagree (past U+FFFF against U+E000-U+FFFF),
 * accents, case, spaces and prefixes.
 */
@TallyIntegrationTest
class CanonicalOrderTests {

	private static final List<String> NAMES = List.of("b", "B", "a", "", "a b", "ab", "a-b", "Ä", "ä", "é", "e",
			"\uE000", "\uFFFD", "\uD83D\uDE00", "\uD83D\uDE00a", "\uD800\uDC00", "z", "Z9", "Z10", "precinct 0001",
			"precinct 001", "Ω", "中");

	@Autowired
	JdbcClient jdbc;

	@Test
	void javaOrdersNamesAsPostgresqlCollateC() {
		List<String> java = new ArrayList<>(NAMES);
		java.sort(CanonicalCounts::byCodePoints);
		List<String> postgresql = this.jdbc.sql("select x from unnest(?::text[]) x order by x collate \"C\"")
			.param(NAMES.toArray(String[]::new))
			.query(String.class)
			.list();
		assertThat(java).containsExactlyElementsOf(postgresql);
		// the case the code point comparison exists for: String.compareTo would disagree
		assertThat("\uD83D\uDE00".compareTo("\uE000")).isNegative();
		assertThat(postgresql.indexOf("\uD83D\uDE00")).isGreaterThan(postgresql.indexOf("\uE000"));
	}

}
