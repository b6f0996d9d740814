package org.tally.results;

import java.math.BigDecimal;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PercentagesTests {

	@Test
	void ca34ElectionNightShowsSixtyPointOne() {
		int[] tenths = Percentages.tenthsOfPercent(Ca34.ELECTION_NIGHT);

		assertThat(tenths).containsExactly(601, 399);
		assertThat(Percentages.format(tenths[0])).isEqualTo("60.1");
		assertThat(Percentages.format(tenths[1])).isEqualTo("39.9");
	}

	@Test
	void ca34CertifiedCanvassShowsFiftyNinePointTwo() {
		int[] tenths = Percentages.tenthsOfPercent(Ca34.CERTIFIED);

		assertThat(tenths).containsExactly(592, 408);
		assertThat(Percentages.format(tenths[0])).isEqualTo("59.2");
		assertThat(Percentages.format(tenths[1])).isEqualTo("40.8");
	}

	@Test
	void ca34PrimaryPercentagesSumToExactlyOneHundred() {
		int[] tenths = Percentages.tenthsOfPercent(Ca34.PRIMARY);

		assertThat(tenths).hasSize(24);
		assertThat(Arrays.stream(tenths).sum()).isEqualTo(1000);
		assertThat(tenths[Ca34.PRIMARY_GOMEZ]).isEqualTo(254);
	}

	@Test
	void ca34PrimaryGivesLeftoverTenthsToLargestRemaindersNotToHalves() {
		// Ahn has 22.2535%, but twelve choices have larger remainders than .535
		int[] tenths = Percentages.tenthsOfPercent(Ca34.PRIMARY);

		assertThat(tenths).containsExactly(4, 24, 7, 3, 52, 254, 46, 101, 10, 2, 0, 12, 8, 4, 222, 16, 56, 16, 2, 25,
				20, 52, 32, 32);
	}

	@Test
	void aThreeWayTieShowsEqualPercentagesEvenThoughTheyMissOneHundred() {
		assertThat(Percentages.tenthsOfPercent(new long[] { 1, 1, 1 })).containsExactly(333, 333, 333);
	}

	@Test
	void equalRemaindersFavourTheLargerVoteCountBeforeTheLowerIndex() {
		// 1, 4 and 2995 of 3000 all leave the same remainder after 0.0, 0.1 and 99.8
		assertThat(Percentages.tenthsOfPercent(new long[] { 1, 4, 2995 })).containsExactly(0, 1, 999);
	}

	@Test
	void largestRemainderDiffersFromHalfUpWhereRemaindersTie() {
		// 311/298/34/7 of 650: 478.46, 458.46, 52.31, 10.77 tenths; the two tenths left
		// go
		// to 7 (remainder .77) and, of the equal remainders .46, to 311 (more votes)
		assertThat(Percentages.tenthsOfPercent(new long[] { 311, 298, 34, 7 })).containsExactly(479, 458, 52, 11);
	}

	@Test
	void aTiedGroupThatCannotAllTakeATenthTakesNoneAndRoundingStops() {
		// 2/2/2/1 of 7: 285.71 three times and 142.86, three tenths left: 1 (remainder
		// .86)
		// takes one, then the three-way tie cannot share the two left and takes none
		assertThat(Percentages.tenthsOfPercent(new long[] { 2, 2, 2, 1 })).containsExactly(285, 285, 285, 143);
		// 1/1/2/2/3 of 9: 111.1, 111.1, 222.2, 222.2, 333.3: the one tenth left goes to 3
		assertThat(Percentages.tenthsOfPercent(new long[] { 1, 1, 2, 2, 3 })).containsExactly(111, 111, 222, 222, 334);
		// 1/1/5 of 7: 142.86, 142.86, 714.29: two left, the pair takes one each
		assertThat(Percentages.tenthsOfPercent(new long[] { 1, 1, 5 })).containsExactly(143, 143, 714);
	}

	@Test
	void noVotesShowZeroEverywhere() {
		assertThat(Percentages.tenthsOfPercent(new long[] { 0, 0, 0 })).containsExactly(0, 0, 0);
		assertThat(Percentages.tenthsOfPercent(new long[0])).isEmpty();
	}

	@Test
	void oneCandidateShowsOneHundred() {
		assertThat(Percentages.tenthsOfPercent(new long[] { 42 })).containsExactly(1000);
	}

	@Test
	void choiceWithoutVotesShowsZero() {
		assertThat(Percentages.tenthsOfPercent(new long[] { 0, 7, 0 })).containsExactly(0, 1000, 0);
	}

	@Test
	void hugeCountsDoNotOverflow() {
		assertThat(Percentages.tenthsOfPercent(new long[] { 2_000_000_000_000L, 1_000_000_000_000L }))
			.containsExactly(667, 333);
		assertThat(Percentages.tenthsOfPercent(new long[] { Long.MAX_VALUE / 2, Long.MAX_VALUE / 2 }))
			.containsExactly(500, 500);
		assertThat(Percentages.tenthsOfPercent(new long[] { Long.MAX_VALUE - 1, 1 })).containsExactly(1000, 0);
	}

	@Test
	void rejectsATotalBeyondLong() {
		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> Percentages.tenthsOfPercent(new long[] { Long.MAX_VALUE, 1 }));
	}

	@Test
	void rejectsNegativeVotes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Percentages.tenthsOfPercent(new long[] { 10, -1 }))
			.withMessageContaining("-1");
	}

	@Test
	void shareIsTheUnroundedFractionToSixDecimals() {
		assertThat(Percentages.share(19_761, 32_869)).isEqualTo(new BigDecimal("0.601205"));
		assertThat(Percentages.share(1, 3)).isEqualTo(new BigDecimal("0.333333"));
		assertThat(Percentages.share(7, 7)).isEqualTo(new BigDecimal("1.000000"));
	}

	@Test
	void shareRoundsHalfToEven() {
		// 1/128 = 0.0078125 and 3/128 = 0.0234375: the halves go to the even neighbour
		assertThat(Percentages.share(1, 128)).isEqualTo(new BigDecimal("0.007812"));
		assertThat(Percentages.share(3, 128)).isEqualTo(new BigDecimal("0.023438"));
	}

	@Test
	void shareOfNoVotesIsZero() {
		assertThat(Percentages.share(0, 0)).isEqualTo(new BigDecimal("0.000000"));
		assertThat(Percentages.share(0, 10)).isEqualTo(new BigDecimal("0.000000"));
	}

	@Test
	void shareRejectsImpossibleCounts() {
		assertThatIllegalArgumentException().isThrownBy(() -> Percentages.share(-1, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> Percentages.share(11, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> Percentages.share(1, 0));
	}

	@Test
	void formatsTenthsWithOneDecimal() {
		assertThat(Percentages.format(601)).isEqualTo("60.1");
		assertThat(Percentages.format(1000)).isEqualTo("100.0");
		assertThat(Percentages.format(5)).isEqualTo("0.5");
		assertThat(Percentages.format(0)).isEqualTo("0.0");
		assertThat(Percentages.format(-5)).isEqualTo("-0.5");
		assertThat(Percentages.format(Integer.MIN_VALUE)).isEqualTo("-214748364.8");
	}

}
