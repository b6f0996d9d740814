package org.tally.results;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class ReportingProgressPropertyTests {

	@Property
	void precinctPercentNeverShowsOneHundredUntilAllAreIn(@ForAll("progress") ReportingProgress progress) {
		boolean allIn = progress.precinctsReporting().equals(progress.precinctsTotal());

		assertThat(progress.percentLabel().equals("100")).isEqualTo(allIn);
		assertThat(progress.percent() == 100).isEqualTo(allIn);
	}

	@Property
	void precinctPercentIsFlooredAndShowsLessThanOneOnlyWhenSomeAreIn(@ForAll("progress") ReportingProgress progress) {
		long reporting = progress.precinctsReporting();
		long total = progress.precinctsTotal();
		int percent = progress.percent();

		assertThat(percent * total).isLessThanOrEqualTo(reporting * 100);
		assertThat((percent + 1) * total).isGreaterThan(reporting * 100);
		assertThat(progress.percentLabel()).isEqualTo((reporting > 0 && percent == 0) ? "<1" : String.valueOf(percent));
	}

	@Provide
	Arbitrary<ReportingProgress> progress() {
		Arbitrary<Integer> totals = Arbitraries.oneOf(Arbitraries.integers().between(1, 1000),
				Arbitraries.integers().between(1, Integer.MAX_VALUE));
		return totals.flatMap((total) -> Arbitraries
			.oneOf(Arbitraries.integers().between(0, total),
					Arbitraries.integers().between(Math.max(0, total - 3), total))
			.map((reporting) -> new ReportingProgress(reporting, total)));
	}

}
