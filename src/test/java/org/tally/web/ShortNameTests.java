package org.tally.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short names as real files write the full ones: CA-34's candidates, Pennsylvania's
 * tickets (OpenElections, Chester County 2022), suffixes and measures, and names written
 * surname first as RCTab reports them (Maine's 2018 Democratic governor primary,
 * BrightSpots/rcv test data: "Mills, Janet T.").
 */
class ShortNameTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Jimmy Gomez                              | Gomez
			Robert Lee Ahn                           | Ahn
			Josh Shapiro and Austin Davis            | Shapiro
			Douglas V. Mastriano and Carrie Lewis    | Mastriano
			Joseph R. Biden / Kamala D. Harris       | Biden
			Biden/Harris                             | Biden
			Martin Luther King Jr.                   | King
			John Smith, III                          | Smith
			Yes                                      | Yes
			Write-In                                 | Write-In
			Mills, Janet T.                          | Mills
			Cote, Adam Roland                        | Cote
			Dion, Donna J.                           | Dion
			De La Cruz, Maria                        | De La Cruz
			John Smith, Jr.                          | Smith
			""")
	void isTheSurnameOfTheFirstPerson(String name, String expected) {
		assertThat(ShortName.of(name)).isEqualTo(expected);
	}

}
