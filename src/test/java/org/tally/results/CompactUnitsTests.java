package org.tally.results;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model's per-unit counts are held compactly ({@link CompactUnits}): each unit
 * reads back as the {@link UnitResult} made from the same numbers, and the units' names
 * are held once for all contests that name them, not once per contest (docs/import.md,
 * issue 27: 790,283 precinct counts held as results filled a 256 MB heap).
 */
class CompactUnitsTests {

	private static final List<CandidateResult> CANDIDATES = List.of(candidate(1, "Ann", "DEM"),
			candidate(2, "Bob", "REP"), candidate(3, "Cy", null));

	@Test
	void eachUnitReadsBackAsTheResultOfItsNumbers() {
		long[][] typed = VoteTypes.none();
		typed[0] = new long[] { 4, 3, 0 };
		UnitResult.UnitFigures figures = new UnitResult.UnitFigures(100L, 60L, 120L, false);
		CompactUnits units = new CompactUnits.Builder(CANDIDATES)
			.add("A-1", "Alpha 1", "precinct", "alpha", new long[] { 10, 5, 0 }, VoteTypes.none(), null)
			.add("A-2", "Alpha 2", "precinct", "alpha", new long[] { 0, 0, 0 }, typed, null)
			.add("B", "Beta", "county", null, new long[] { 7, 7, 1 }, VoteTypes.none(), figures)
			.build();

		assertThat(units).hasSize(3);
		assertThat(units).containsExactly(
				UnitResult.of("A-1", "Alpha 1", "precinct", "alpha", CANDIDATES, new long[] { 10, 5, 0 },
						VoteTypes.none(), null),
				UnitResult.of("A-2", "Alpha 2", "precinct", "alpha", CANDIDATES, new long[] { 0, 0, 0 }, typed, null),
				UnitResult.of("B", "Beta", "county", null, CANDIDATES, new long[] { 7, 7, 1 }, VoteTypes.none(),
						figures));
		assertThat(units.get(0).leader()).isEqualTo("Ann");
		assertThat(units.get(0).totalVotes()).isEqualTo(15);
		assertThat(units.get(1).voteTypes()).isNotEmpty();
		assertThat(units.get(2).tie()).isTrue();
		assertThat(units.parent(1)).isEqualTo("alpha");
	}

	@Test
	void theSameUnitInTwoContestsHoldsItsNamesOnce() {
		// names as the database driver gives them: a new string per row
		CompactUnits governor = new CompactUnits.Builder(CANDIDATES)
			.add(new String("A-1"), new String("Alpha precinct 1"), "precinct", new String("alpha"),
					new long[] { 1, 2, 3 }, VoteTypes.none(), null)
			.build();
		CompactUnits mayor = new CompactUnits.Builder(CANDIDATES.subList(0, 2))
			.add(new String("A-1"), new String("Alpha precinct 1"), "precinct", new String("alpha"),
					new long[] { 4, 5 }, VoteTypes.none(), null)
			.build();

		assertThat(mayor.get(0).code()).isSameAs(governor.get(0).code());
		assertThat(mayor.get(0).name()).isSameAs(governor.get(0).name());
		assertThat(mayor.get(0).parent()).isSameAs(governor.get(0).parent());
		assertThat(mayor.get(0).candidates()).extracting(UnitResult.Votes::votes).containsExactly(4L, 5L);
	}

	private static CandidateResult candidate(long id, String name, String party) {
		return new CandidateResult(id, name, party, false, false, (int) id, 0, BigDecimal.ZERO, BigDecimal.ZERO, false,
				false, false, null, Map.of(), null);
	}

}
