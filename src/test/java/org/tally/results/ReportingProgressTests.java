package org.tally.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReportingProgressTests {

	@Test
	void ca34CertifiedCanvassShowsOneHundredWithAllPrecinctsIn() {
		ReportingProgress progress = new ReportingProgress(195, 195);

		assertThat(progress.percent()).isEqualTo(100);
		assertThat(progress.percentLabel()).isEqualTo("100");
	}

	@Test
	void lastPrecinctOutShowsNinetyNine() {
		assertThat(new ReportingProgress(999, 1000).percentLabel()).isEqualTo("99");
		assertThat(new ReportingProgress(194, 195).percentLabel()).isEqualTo("99");
	}

	@Test
	void someButUnderOnePercentShowsLessThanOne() {
		ReportingProgress progress = new ReportingProgress(1, 195);

		assertThat(progress.percent()).isZero();
		assertThat(progress.percentLabel()).isEqualTo("<1");
	}

	@Test
	void noPrecinctsInShowsZero() {
		ReportingProgress progress = new ReportingProgress(0, 195);

		assertThat(progress.percent()).isZero();
		assertThat(progress.percentLabel()).isEqualTo("0");
	}

	@Test
	void percentIsFloored() {
		// 2 of 195 is 1.03%, 117 of 195 is exactly 60%, 199 of 200 is 99.5%
		assertThat(new ReportingProgress(2, 195).percentLabel()).isEqualTo("1");
		assertThat(new ReportingProgress(117, 195).percentLabel()).isEqualTo("60");
		assertThat(new ReportingProgress(199, 200).percentLabel()).isEqualTo("99");
	}

	@Test
	void unknownOrEmptyTotalShowsNothing() {
		assertThat(new ReportingProgress(3, null).percent()).isNull();
		assertThat(new ReportingProgress(3, null).percentLabel()).isNull();
		assertThat(new ReportingProgress(0, 0).percent()).isNull();
		assertThat(new ReportingProgress(0, 0).percentLabel()).isNull();
		assertThat(new ReportingProgress(null, 195).percentLabel()).isNull();
	}

	@Test
	void largeCountsDoNotOverflow() {
		assertThat(new ReportingProgress(Integer.MAX_VALUE - 1, Integer.MAX_VALUE).percentLabel()).isEqualTo("99");
		assertThat(new ReportingProgress(Integer.MAX_VALUE / 2, Integer.MAX_VALUE).percentLabel()).isEqualTo("49");
	}

	@Test
	void rejectsNegativeCounts() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReportingProgress(-1, 195));
		assertThatIllegalArgumentException().isThrownBy(() -> new ReportingProgress(null, -1));
	}

	@Test
	void rejectsMorePrecinctsReportingThanExist() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReportingProgress(196, 195))
			.withMessageContaining("196");
	}

}
