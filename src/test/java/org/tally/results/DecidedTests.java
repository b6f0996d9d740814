package org.tally.results;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DecidedTests {

	private static final Margin CA34_ELECTION_NIGHT = Margin.of(Ca34.ELECTION_NIGHT);

	@Test
	void fewerBallotsOutstandingThanTheMarginIsDecided() {
		assertThat(Decided.isDecided(CA34_ELECTION_NIGHT, 6_652L)).isTrue();
		assertThat(Decided.isDecided(CA34_ELECTION_NIGHT, 0L)).isTrue();
	}

	@Test
	void ballotsOutstandingEqualToTheMarginCouldStillTie() {
		assertThat(Decided.isDecided(CA34_ELECTION_NIGHT, 6_653L)).isFalse();
	}

	@Test
	void ca34CertifiedCountWasNotDecidedOnElectionNight() {
		// 10,310 more ballots were counted after election night than the margin of 6,653
		long counted = (25_569 + 17_610) - (19_761 + 13_108);

		assertThat(Decided.isDecided(CA34_ELECTION_NIGHT, counted)).isFalse();
	}

	@Test
	void unknownBallotsOutstandingIsNeverDecided() {
		assertThat(Decided.isDecided(CA34_ELECTION_NIGHT, null)).isFalse();
	}

	@Test
	void contestWithoutARunnerUpIsNeverDecided() {
		assertThat(Decided.isDecided(Margin.of(new long[] { 500 }), 0L)).isFalse();
	}

	@Test
	void tiedContestIsNeverDecided() {
		assertThat(Decided.isDecided(new Margin(0, BigDecimal.ZERO, 0, 1), 0L)).isFalse();
	}

	@Test
	void rejectsNegativeBallotsOutstanding() {
		assertThatIllegalArgumentException().isThrownBy(() -> Decided.isDecided(CA34_ELECTION_NIGHT, -1L));
	}

	@Test
	void votesStillExpectedStandInForBallotsOutstanding() {
		// margin 6,653: 6,652 votes still expected cannot change it, whatever is
		// outstanding
		assertThat(Decided.isDecided(CA34_ELECTION_NIGHT, 50_000L, 6_652L)).isTrue();
		assertThat(Decided.isDecided(CA34_ELECTION_NIGHT, 0L, 6_653L)).isFalse();
		assertThat(Decided.isDecided(CA34_ELECTION_NIGHT, 6_652L, null)).isTrue();
	}

	@Test
	void rejectsNegativeVotesRemaining() {
		assertThatIllegalArgumentException().isThrownBy(() -> Decided.isDecided(CA34_ELECTION_NIGHT, null, -1L));
	}

}
