package org.tally.results;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of displayed percentages over any vote vector of up to 40 choices with up to
 * a billion votes each. Small counts are drawn too, because they make ties common.
 */
class PercentagesPropertyTests {

	@Property
	void percentagesSumToExactlyOneHundredWhenNoTwoChoicesTie(@ForAll("countedVotes") long[] votes) {
		Assume.that(largestTiedGroup(votes) == 1);
		assertThat(Arrays.stream(Percentages.tenthsOfPercent(votes)).sum()).isEqualTo(1000);
	}

	@Property
	void tiesShortenTheSumByLessThanTheLargestTiedGroup(@ForAll("countedVotes") long[] votes) {
		int sum = Arrays.stream(Percentages.tenthsOfPercent(votes)).sum();
		assertThat(sum).isLessThanOrEqualTo(1000);
		assertThat(1000 - sum).isLessThanOrEqualTo(largestTiedGroup(votes) - 1);
	}

	@Property
	void remainderTiesBetweenUnequalChoicesGoToMoreVotesThenBallotOrder(@ForAll("countedVotes") long[] votes) {
		int[] tenths = Percentages.tenthsOfPercent(votes);
		long total = Arrays.stream(votes).sum();
		for (int i = 0; i < votes.length; i++) {
			for (int j = 0; j < votes.length; j++) {
				// same remainder of votes * 1000 / total, i rounded down while j rounded
				// up
				boolean sameRemainder = (votes[i] * 1000) % total == (votes[j] * 1000) % total;
				boolean iDown = tenths[i] * total == votes[i] * 1000 - (votes[i] * 1000) % total;
				boolean jUp = tenths[j] * total > votes[j] * 1000;
				if (i != j && votes[i] != votes[j] && sameRemainder && iDown && jUp) {
					assertThat(votes[j]).as("%s got the tenth before %s", j, i).isGreaterThan(votes[i]);
				}
			}
		}
	}

	@Property
	void eachPercentageIsWithinOneTenthOfTheExactPercentage(@ForAll("countedVotes") long[] votes) {
		int[] tenths = Percentages.tenthsOfPercent(votes);
		long total = Arrays.stream(votes).sum();
		for (int i = 0; i < votes.length; i++) {
			// |tenths - votes * 1000 / total| < 1, kept in integers
			assertThat(Math.abs(tenths[i] * total - votes[i] * 1000)).isLessThan(total);
		}
	}

	@Property
	void moreVotesNeverShowASmallerPercentage(@ForAll("countedVotes") long[] votes) {
		int[] tenths = Percentages.tenthsOfPercent(votes);
		for (int i = 0; i < votes.length; i++) {
			for (int j = 0; j < votes.length; j++) {
				if (votes[i] > votes[j]) {
					assertThat(tenths[i]).isGreaterThanOrEqualTo(tenths[j]);
				}
			}
		}
	}

	@Property
	void equalVotesShowEqualPercentages(@ForAll("countedVotes") long[] votes) {
		int[] tenths = Percentages.tenthsOfPercent(votes);
		for (int i = 0; i < votes.length; i++) {
			for (int j = 0; j < votes.length; j++) {
				if (votes[i] == votes[j]) {
					assertThat(tenths[i]).isEqualTo(tenths[j]);
				}
			}
		}
	}

	@Property
	void noVotesShowZeroEverywhere(@ForAll("noVotes") long[] votes) {
		assertThat(Percentages.tenthsOfPercent(votes)).isEqualTo(new int[votes.length]);
	}

	@Property
	void shareIsWithinHalfAMillionthOfTheExactFraction(@ForAll("countedVotes") long[] votes) {
		long total = Arrays.stream(votes).sum();
		for (long count : votes) {
			BigDecimal share = Percentages.share(count, total);
			// |share * total - votes| <= total / 2_000_000, kept exact
			BigDecimal error = share.multiply(BigDecimal.valueOf(total)).subtract(BigDecimal.valueOf(count)).abs();
			assertThat(error.multiply(BigDecimal.valueOf(2_000_000))).isLessThanOrEqualTo(BigDecimal.valueOf(total));
		}
	}

	@Provide
	Arbitrary<long[]> countedVotes() {
		Arbitrary<List<Long>> few = Arbitraries.longs().between(0, 20).list().ofMaxSize(40);
		Arbitrary<List<Long>> many = Arbitraries.longs().between(0, 1_000_000_000L).list().ofMaxSize(40);
		return Arbitraries.oneOf(few, many)
			.map((counts) -> counts.stream().mapToLong(Long::longValue).toArray())
			.filter((counts) -> Arrays.stream(counts).sum() > 0);
	}

	private static int largestTiedGroup(long[] votes) {
		int largest = 1;
		for (long v : votes) {
			largest = (int) Math.max(largest, Arrays.stream(votes).filter((w) -> w == v).count());
		}
		return largest;
	}

	@Provide
	Arbitrary<long[]> noVotes() {
		return Arbitraries.integers().between(0, 40).map(long[]::new);
	}

}
