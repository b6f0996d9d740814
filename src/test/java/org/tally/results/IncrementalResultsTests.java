package org.tally.results;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision that touched one county reads again only the contests it changed: the others
 * keep their results and what was read for them (breakdowns, history), so time and memory
 * follow the change, not the election.
 */
@TallyIntegrationTest
class IncrementalResultsTests {

	@Autowired
	ResultsService results;

	final TallyApi api;

	IncrementalResultsTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void anImportInOneCountyRereadsOnlyItsContests() {
		String election = this.api.createElection("incremental-results", "general");
		this.api.importCsv(election, """
				county,precinct,office,district,party,candidate,votes
				Alpha,A-1,Governor,,,Ann,10
				Alpha,A-1,Governor,,,Bob,5
				Alpha,A-1,Mayor,1,,Cy,7
				Beta,B-1,Governor,,,Ann,3
				Beta,B-1,Governor,,,Bob,4
				Beta,B-1,Sheriff,2,,Di,9
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().is2xxSuccessful();
		ElectionResults before = this.results.results(this.results.current(election));
		ContestResult sheriff = before.contest("sheriff-2").orElseThrow();
		List<UnitResult> sheriffPrecincts = this.results.reportingUnits(before, sheriff, UnitLevel.PRECINCT);
		List<HistoryPoint> sheriffHistory = this.results.history(before, sheriff);
		ContestResult governor = before.contest("governor").orElseThrow();

		// Alpha's file: the governor and Alpha's mayor, not Beta's sheriff
		this.api.importCsv(election, """
				county,precinct,office,district,party,candidate,votes
				Alpha,A-1,Governor,,,Ann,20
				Alpha,A-1,Governor,,,Bob,6
				Alpha,A-1,Mayor,1,,Cy,8
				""".getBytes(StandardCharsets.UTF_8), "").expectStatus().is2xxSuccessful();
		ElectionResults after = this.results.results(this.results.current(election));

		assertThat(after.revision()).isEqualTo(before.revision() + 1);
		assertThat(after.contests()).extracting(ContestResult::slug)
			.containsExactly("governor", "mayor-1", "sheriff-2");
		// changed contests read again: Ann 20 + 3, Bob 6 + 4; Cy 8
		assertThat(after.contest("governor").orElseThrow().candidates()).extracting(CandidateResult::votes)
			.containsExactly(23L, 10L);
		assertThat(after.contest("governor").orElseThrow()).isNotSameAs(governor);
		assertThat(after.contest("mayor-1").orElseThrow().totalVotes()).isEqualTo(8);
		// the untouched contest, and what was read for it, carried over as they were
		assertThat(after.contest("sheriff-2").orElseThrow()).isSameAs(sheriff);
		assertThat(this.results.reportingUnits(after, sheriff, UnitLevel.PRECINCT)).isSameAs(sheriffPrecincts);
		assertThat(this.results.history(after, sheriff)).isSameAs(sheriffHistory);
		assertThat(this.results.reportingUnits(after, after.contest("governor").orElseThrow(), UnitLevel.COUNTY))
			.extracting(UnitResult::totalVotes)
			.containsExactly(26L, 7L);
	}

	@Test
	void readersRacingForOneRevisionShareWhatIsKept() {
		String election = this.api.createElection("incremental-race", "general");
		this.api.importCsv(election, """
				county,precinct,office,district,party,candidate,votes
				Alpha,A-1,Governor,,,Ann,10
				Alpha,A-1,Governor,,,Bob,5
				""".getBytes(StandardCharsets.UTF_8), "mode=setup").expectStatus().is2xxSuccessful();
		this.api.importCsv(election, """
				county,precinct,office,district,party,candidate,votes
				Alpha,A-1,Governor,,,Ann,12
				Alpha,A-1,Governor,,,Bob,6
				""".getBytes(StandardCharsets.UTF_8), "").expectStatus().is2xxSuccessful();
		ElectionResults current = this.results.results(this.results.current(election));
		ContestResult governor = current.contest("governor").orElseThrow();
		CyclicBarrier start = new CyclicBarrier(6);
		// six readers (the warmer may be a seventh) ask at once; all get the one kept
		// list
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			List<CompletableFuture<List<HistoryPoint>>> readers = IntStream.range(0, 6)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> {
					await(start);
					return this.results.history(current, governor);
				}, threads))
				.toList();
			List<HistoryPoint> kept = this.results.history(current, governor);
			assertThat(readers).allSatisfy((reader) -> assertThat(reader.join()).isSameAs(kept));
			assertThat(kept).extracting(HistoryPoint::totalVotes).containsExactly(15L, 18L);
		}
		finally {
			threads.shutdown();
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
