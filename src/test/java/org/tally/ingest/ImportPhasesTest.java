package org.tally.ingest;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's phases add up to its time, and time moved out of one phase into another
 * (the waits on PostgreSQL out of the reading) keeps the sum.
 */
class ImportPhasesTest {

	@Test
	void phasesEndWhereTheNextBeginsAndAddUpToTheWhole() {
		AtomicLong clock = new AtomicLong(1_000);
		ImportPhases phases = new ImportPhases(clock::get);
		clock.addAndGet(2_000_000);
		phases.end(ImportPhases.RECEIVE);
		clock.addAndGet(10_000_000);
		phases.end(ImportPhases.PARSE);
		phases.moveFromLast(ImportPhases.PARSE, ImportPhases.STAGE, 4_000_000);
		clock.addAndGet(1_500_000);
		phases.end(ImportPhases.MERGE);
		clock.addAndGet(500_000);
		phases.end(ImportPhases.MERGE);
		assertThat(phases.nanos()).containsExactly(java.util.Map.entry("receive", 2_000_000L),
				java.util.Map.entry("parse", 6_000_000L), java.util.Map.entry("stage", 4_000_000L),
				java.util.Map.entry("merge", 2_000_000L));
		assertThat(phases.totalNanos()).isEqualTo(14_000_000L);
		assertThat(phases).hasToString("receive 2.0 ms, parse 6.0 ms, stage 4.0 ms, merge 2.0 ms, total 14.0 ms");
	}

	@Test
	void nothingMovesWhenNothingWasMeasured() {
		AtomicLong clock = new AtomicLong();
		ImportPhases phases = new ImportPhases(clock::get);
		clock.addAndGet(1_000_000);
		phases.end(ImportPhases.PARSE);
		phases.moveFromLast(ImportPhases.PARSE, ImportPhases.NAMES, 0);
		assertThat(phases.nanos()).containsOnlyKeys("parse");
	}

}
