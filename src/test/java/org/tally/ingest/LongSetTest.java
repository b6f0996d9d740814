package org.tally.ingest;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.tally.ingest.kit.LongSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LongSetTest {

	@Test
	void countsEachValueOnceThroughGrowth() {
		LongSet set = new LongSet();
		Set<Long> expected = new HashSet<>();
		Random random = new Random(34);
		for (int i = 0; i < 100_000; i++) {
			long value = (i % 3 == 0) ? i : random.nextInt(50_000);
			assertThat(set.add(value)).isEqualTo(expected.add(value));
		}
		assertThat(set.size()).isEqualTo(expected.size());
	}

	@Test
	void holdsZeroAndLargeIds() {
		LongSet set = new LongSet();
		assertThat(set.add(0)).isTrue();
		assertThat(set.add(Long.MAX_VALUE)).isTrue();
		assertThat(set.add(0)).isFalse();
		assertThat(set.size()).isEqualTo(2);
	}

	@Test
	void refusesNegativeValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LongSet().add(-1));
	}

}
