package org.tally.web.map;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tally.results.ContestResult;
import org.tally.results.UnitResult;
import org.tally.results.projection.ContestShift;
import org.tally.web.text.ReaderFormat;

import org.springframework.stereotype.Component;

/**
 * Builds the county maps pages show: the state from the election's jurisdiction, the
 * shapes from the {@link CountyAtlas}, and a warning in the log (once per county) where a
 * county of the results has no shape.
 */
@Component
public class CountyMaps {

	private static final Logger log = LoggerFactory.getLogger(CountyMaps.class);

	private final CountyAtlas atlas;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	CountyMaps(CountyAtlas atlas) {
		this.atlas = atlas;
	}

	/**
	 * The contest's county map, or empty when the jurisdiction names no state or no
	 * county of the contest has a shape.
	 * @param jurisdiction the election's jurisdiction ("California")
	 * @param contest the contest
	 * @param counties its county units, as {@code ResultsService.reportingUnits} reads
	 * them
	 * @param format the reader's language
	 */
	public Optional<CountyMap> map(String jurisdiction, ContestResult contest, List<UnitResult> counties,
			ReaderFormat format) {
		return map(jurisdiction, contest, counties, format, null);
	}

	/**
	 * The contest's county map, which can also be coloured by each county's shift since
	 * the baseline when {@code shift} is given.
	 */
	public Optional<CountyMap> map(String jurisdiction, ContestResult contest, List<UnitResult> counties,
			ReaderFormat format, ContestShift shift) {
		if (!contest.notes().votes()) {
			// a map of leads in votes would call delegate equivalents votes
			return Optional.empty();
		}
		Optional<CountyMap> map = this.atlas.state(jurisdiction)
			.flatMap((state) -> CountyMap.of(contest, counties, state, format, shift));
		map.ifPresent((shown) -> shown.missing().forEach((county) -> {
			if (this.warned.add(shown.state() + ":" + county) && this.warned.size() < 10_000) {
				log.warn("No map shape for county '{}' in {}: add it to map/county-aliases.csv if it has another name",
						county, shown.state());
			}
		}));
		return map;
	}

	/**
	 * Whether the map covers (nearly) every county of its state: the election page shows
	 * maps only for such statewide contests.
	 */
	public boolean statewide(CountyMap map) {
		return this.atlas.state(map.state())
			.map((state) -> map.areas().size() * 10 >= state.counties().size() * 9)
			.orElse(false);
	}

}
