package org.tally.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An election's default zone comes from its state, the majority zone where a state has
 * two (docs/data-model.md, "Time zones").
 */
class StateZonesTests {

	@Test
	void aPennsylvaniaElectionReadsInEasternTimeNotPacific() {
		assertThat(StateZones.of("Pennsylvania")).hasValue("America/New_York");
		assertThat(StateZones.of("PA")).hasValue("America/New_York");
		assertThat(StateZones.of("Commonwealth of Pennsylvania")).hasValue("America/New_York");
		assertThat(StateZones.of("Chester County, Pennsylvania")).hasValue("America/New_York");
	}

	@Test
	void twoZoneStatesTakeTheZoneMostVotersLiveIn() {
		assertThat(StateZones.of("Texas")).hasValue("America/Chicago");
		assertThat(StateZones.of("Florida")).hasValue("America/New_York");
		assertThat(StateZones.of("Tennessee")).hasValue("America/Chicago");
		assertThat(StateZones.of("Idaho")).hasValue("America/Boise");
		assertThat(StateZones.of("Oregon")).hasValue("America/Los_Angeles");
	}

	@Test
	void aJurisdictionThatNamesNoStateHasNoZone() {
		assertThat(StateZones.of("Atlantis")).isEmpty();
		assertThat(StateZones.of(null)).isEmpty();
	}

}
