package org.tally.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSV cells: formulas become text, separators are quoted, plain values stay as they are.
 */
class ResultsCsvCellTests {

	@Test
	void leavesPlainValuesAlone() {
		assertThat(ResultsCsv.cell("Jimmy Gomez")).isEqualTo("Jimmy Gomez");
		assertThat(ResultsCsv.cell("0850001A")).isEqualTo("0850001A");
		assertThat(ResultsCsv.cell(null)).isEmpty();
	}

	@Test
	void turnsEveryFormulaStartIntoQuotedText() {
		assertThat(ResultsCsv.cell("=SUM(A1:A9)")).isEqualTo("\"'=SUM(A1:A9)\"");
		assertThat(ResultsCsv.cell("+1")).isEqualTo("\"'+1\"");
		assertThat(ResultsCsv.cell("-1")).isEqualTo("\"'-1\"");
		assertThat(ResultsCsv.cell("@cmd")).isEqualTo("\"'@cmd\"");
		assertThat(ResultsCsv.cell("\t=1")).isEqualTo("\"'\t=1\"");
		assertThat(ResultsCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
	}

	@Test
	void quotesSeparatorsAndDoublesQuotes() {
		assertThat(ResultsCsv.cell("Ahn, Robert Lee")).isEqualTo("\"Ahn, Robert Lee\"");
		assertThat(ResultsCsv.cell("Robert \"Bob\" Ahn")).isEqualTo("\"Robert \"\"Bob\"\" Ahn\"");
		assertThat(ResultsCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
	}

	@Test
	void leavesAFormulaCharacterInsideAValueAlone() {
		assertThat(ResultsCsv.cell("Smith-Jones")).isEqualTo("Smith-Jones");
		assertThat(ResultsCsv.cell("a=b")).isEqualTo("a=b");
	}

}
