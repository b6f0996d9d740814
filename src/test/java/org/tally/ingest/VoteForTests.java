package org.tally.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.tally.ingest.kit.VoteFor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seats stated in a contest's name, as real files write them (Clarity summaries and
 * detail.xml, ES&amp;S exports, Nevada's OpenElections files).
 */
class VoteForTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Member of the Board of Chosen Freeholders (Vote For 2)   | Member of the Board of Chosen Freeholders | 2
			County Clerk (Vote For 1)                                | County Clerk                              | 1
			City Council (Vote for not more than 3)                  | City Council                              | 3
			School Board (Vote for no more than 2)                   | School Board                              | 2
			Hospital District (Vote for up to 4)                     | Hospital District                         | 4
			Board of School Trustees - Vote for 4                    | Board of School Trustees                  | 4
			TOWN COUNCIL, VOTE FOR 2                                 | TOWN COUNCIL                              | 2
			""")
	void namesStateTheirSeats(String name, String office, int seats) {
		assertThat(VoteFor.in(name)).isEqualTo(new VoteFor(office, seats));
	}

	@ParameterizedTest
	@ValueSource(strings = { "President", "(Vote For 2)", "Vote for Change Party", "Proposition 64 (Yes/No)" })
	void otherNamesStateNone(String name) {
		assertThat(VoteFor.in(name)).isNull();
	}

}
