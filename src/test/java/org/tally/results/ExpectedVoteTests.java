package org.tally.results;

import java.math.BigDecimal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expected-vote arithmetic of docs/contract.md §2, with values worked by hand.
 */
class ExpectedVoteTests {

	@Test
	void ca34ElectionNightAgainstTheCanvassAsEstimate() {
		// 32,869 of an expected 43,179 = 76.12%, floored; 10,310 remaining;
		// Ahn needs (19,761 - 13,108 + 10,310) / (2 x 10,310) = 16,963 / 20,620 = 82.26%
		ExpectedVote vote = new ExpectedVote(43_179L, 32_869, false);
		assertThat(vote.percentLabel()).isEqualTo("76");
		assertThat(vote.votesRemaining()).isEqualTo(10_310);
		assertThat(vote.needsPctOfRemaining(19_761, 13_108)).isEqualByComparingTo("82.3");
	}

	@Test
	void aTrickleShowsLessThanOne() {
		assertThat(new ExpectedVote(100_000L, 5, false).percentLabel()).isEqualTo("<1");
		assertThat(new ExpectedVote(100_000L, 0, false).percentLabel()).isEqualTo("0");
	}

	@Test
	void staysAtNinetyNineUntilCertified() {
		assertThat(new ExpectedVote(1_000L, 1_000, false).percentLabel()).isEqualTo("99");
		assertThat(new ExpectedVote(1_000L, 1_200, false).percentLabel()).isEqualTo("99");
		assertThat(new ExpectedVote(1_000L, 1_000, true).percentLabel()).isEqualTo("100");
		assertThat(new ExpectedVote(1_000L, 1_200, false).votesRemaining()).isZero();
	}

	@Test
	void withoutAnEstimateEverythingIsNull() {
		ExpectedVote vote = new ExpectedVote(null, 500, false);
		assertThat(vote.percentLabel()).isNull();
		assertThat(vote.votesRemaining()).isNull();
		assertThat(vote.needsPctOfRemaining(300, 200)).isNull();
	}

	@Test
	void aLeadLargerThanWhatRemainsNeedsMoreThanAHundred() {
		// leader 600, trailing 300, 1,000 expected: 100 remain; (600 - 300 + 100) / 200 =
		// 200%
		assertThat(new ExpectedVote(1_000L, 900, false).needsPctOfRemaining(600, 300)).isEqualByComparingTo("200.0");
		assertThat(new ExpectedVote(1_000L, 1_000, false).needsPctOfRemaining(600, 400)).isNull();
	}

	@Property
	void neverShowsAHundredBeforeCertification(@ForAll @LongRange(min = 1, max = 10_000_000) long expected,
			@ForAll @LongRange(min = 0, max = 20_000_000) long counted) {
		String label = new ExpectedVote(expected, counted, false).percentLabel();
		assertThat(label).isNotEqualTo("100");
		if (!label.equals("<1")) {
			long percent = Long.parseLong(label);
			assertThat(percent).isLessThanOrEqualTo(99);
			// floored: percent <= counted * 100 / expected
			assertThat(percent * expected).isLessThanOrEqualTo(counted * 100);
		}
	}

	@Property
	void drawingLevelAtTheNeededShareEndsInATie(@ForAll @LongRange(min = 0, max = 1_000_000) long trailing,
			@ForAll @LongRange(min = 0, max = 1_000_000) long lead,
			@ForAll @LongRange(min = 1, max = 1_000_000) long remaining) {
		long leader = trailing + lead;
		ExpectedVote vote = new ExpectedVote(leader + trailing + remaining, leader + trailing, false);
		BigDecimal needed = vote.needsPctOfRemaining(leader, trailing);
		// at exactly (lead + remaining) / 2 of the remaining votes the two end level
		BigDecimal exact = BigDecimal.valueOf(lead + remaining)
			.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(2 * remaining), 10, java.math.RoundingMode.HALF_UP);
		assertThat(needed.subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.05"));
		assertThat(needed.compareTo(BigDecimal.valueOf(50))).isGreaterThanOrEqualTo(0);
	}

}
