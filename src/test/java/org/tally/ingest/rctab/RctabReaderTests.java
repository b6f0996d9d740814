package org.tally.ingest.rctab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tally.ingest.ResultsFileReader;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.RankedRounds;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.kit.RowSink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The RCTab reader on the Maine 2018 Democratic primary for governor (BrightSpots/rcv
 * test data) and on the older summary.json layout with numbers for counts.
 */
class RctabReaderTests {

	@Test
	void readsMaineGovernorPrimaryDetectedFromItsFirstBytes() throws IOException {
		Sink sink = new Sink();

		ReadSummary summary = ResultsFileReader.read(RctabReaderTests.class
			.getResourceAsStream("/rctab/2018_maine_governor_primary_expected_detailed_report.json"), null, sink);

		assertThat(summary.format()).isEqualTo(ImportFormat.RCTAB);
		assertThat(sink.problems).isEmpty();
		// from the report: round 4 (final) Mills 63,387, Cote 53,866; round 1 had 8
		// choices
		assertThat(sink.counts).extracting(CountRow::office).containsOnly("Governor");
		assertThat(sink.counts).hasSize(8);
		assertThat(sink.counts).filteredOn((c) -> c.candidate().equals("Mills, Janet T."))
			.extracting(CountRow::votes)
			.containsExactly(63387L);
		assertThat(sink.counts).filteredOn((c) -> c.candidate().equals("Dion, Donna J."))
			.extracting(CountRow::votes)
			.containsExactly(0L);
		// where each count is: the final round's tally, else the last round that tallied
		// the choice (Eves went out in round 2, Sweet in round 3)
		assertThat(sink.counts).extracting(CountRow::candidate, CountRow::location)
			.contains(tuple("Mills, Janet T.", "/results/3/tally/Mills, Janet T."),
					tuple("Dion, Donna J.", "/results/0/tally/Dion, Donna J."),
					tuple("Eves, Mark W.", "/results/1/tally/Eves, Mark W."),
					tuple("Sweet, Elizabeth A.", "/results/2/tally/Sweet, Elizabeth A."));
		RankedRounds rounds = sink.rounds.get(0);
		assertThat(rounds.rounds()).hasSize(4);
		RankedRounds.Round first = rounds.rounds().get(0);
		assertThat(first.tallies().get("Mills, Janet T.")).isEqualByComparingTo("41735");
		assertThat(first.threshold()).isEqualByComparingTo("63070");
		// four eliminated at once in round 1; Donna Dion's 1,596 leave her
		// (390+196+362+273+375)
		assertThat(first.eliminated()).containsExactly("Dion, Donna J.", "Dion, Mark N.", "Russell, Diane Marie",
				"Write-in");
		assertThat(first.transfers().get("Dion, Donna J.")).isEqualByComparingTo("-1596");
		assertThat(first.transfers().get("Cote, Adam Roland")).isEqualByComparingTo("2065");
		assertThat(first.exhaustedTransfer()).isEqualByComparingTo("2046");
		assertThat(first.inactive().get("overvotes")).isEqualByComparingTo("430");
		assertThat(rounds.rounds().get(3).elected()).containsExactly("Mills, Janet T.");
	}

	@Test
	void readsTheOlderSummaryLayoutWithNumbersAndFractions() throws IOException {
		Sink sink = new Sink();

		ResultsFileReader.read(
				stream("""
						{"config":{"contest":"City Council","jurisdiction":"Town","office":"","date":"2017-11-07"},
						 "results":[
						  {"round":1,"tally":{"Ann":50,"Bo":30.5,"Cy":19.5},"tallyResults":[{"eliminated":"Cy","transfers":{"Ann":12,"exhausted":7.5}}]},
						  {"round":2,"tally":{"Ann":62,"Bo":30.5},"tallyResults":[{"elected":"Ann","transfers":{}}]}],
						 "summary":{"finalThreshold":46.26}}
						"""),
				ImportFormat.RCTAB, sink);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::office).containsOnly("City Council");
		assertThat(sink.counts).extracting(CountRow::candidate, CountRow::votes)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Ann", 62L),
					org.assertj.core.groups.Tuple.tuple("Bo", 30L), org.assertj.core.groups.Tuple.tuple("Cy", 0L));
		assertThat(sink.warnings).singleElement().extracting(Problem::message).asString().contains("fractional");
		RankedRounds.Round last = sink.rounds.get(0).rounds().get(1);
		assertThat(last.threshold()).isEqualByComparingTo("46.26");
		assertThat(sink.rounds.get(0).rounds().get(0).transfers().get("Cy"))
			.isEqualByComparingTo(new BigDecimal("-19.5"));
	}

	@Test
	void namesWhatIsWrongByJsonPointer() throws IOException {
		Sink sink = new Sink();

		ResultsFileReader.read(stream("""
				{"config":{"contest":"Mayor"},"results":[{"round":2,"tally":{"A/B":"ten"}}]}
				"""), null, sink);

		assertThat(sink.problems).extracting(Problem::location)
			.containsExactly("/results/0/round", "/results/0/tally/A~1B");
		assertThat(sink.problems).extracting(Problem::column).containsExactly("round", "A/B");
		assertThat(sink.problems).extracting(Problem::value).containsExactly("2", "ten");
		assertThat(sink.counts).isEmpty();
		assertThat(sink.rounds).isEmpty();
	}

	@Test
	void choiceNamesGoThroughTheOneNormaliserInCountsAndRoundsAlike() throws IOException {
		Sink sink = new Sink();

		ResultsFileReader.read(stream("""
				{"config":{"contest":"Mayor"},"results":[
				 {"round":1,"tally":{"Ann Lee (DEM)":"50","- Bo Park (I)":"40","Cy Dunn":"10"},
				  "tallyResults":[{"eliminated":"Cy Dunn","transfers":{"Ann Lee (DEM)":"6","exhausted":"4"}}]},
				 {"round":2,"tally":{"Ann Lee (DEM)":"56","- Bo Park (I)":"40"},
				  "tallyResults":[{"elected":"Ann Lee (DEM)","transfers":{}}]}]}
				"""), null, sink);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::candidate, CountRow::writtenName, CountRow::votes)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Ann Lee", "Ann Lee (DEM)", 56L),
					org.assertj.core.groups.Tuple.tuple("Bo Park", "- Bo Park (I)", 40L),
					org.assertj.core.groups.Tuple.tuple("Cy Dunn", "Cy Dunn", 0L));
		RankedRounds.Round first = sink.rounds.get(0).rounds().get(0);
		assertThat(first.tallies()).containsOnlyKeys("Ann Lee", "Bo Park", "Cy Dunn");
		assertThat(first.eliminated()).containsExactly("Cy Dunn");
		assertThat(first.transfers().get("Ann Lee")).isEqualByComparingTo("6");
		assertThat(sink.rounds.get(0).rounds().get(1).elected()).containsExactly("Ann Lee");
	}

	@Test
	void aCsvIsNotTakenForAReport() {
		assertThat(RctabReader.looksLike("county,office\n".getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(RctabReader.looksLike("{\"Election\":{}}".getBytes(StandardCharsets.UTF_8))).isFalse();
		assertThat(
				RctabReader.looksLike("\uFEFF {\n \"config\" : {}, \"results\": []}".getBytes(StandardCharsets.UTF_8)))
			.isTrue();
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	static final class Sink implements RowSink {

		final List<CountRow> counts = new ArrayList<>();

		final List<RankedRounds> rounds = new ArrayList<>();

		final List<Problem> problems = new ArrayList<>();

		final List<Problem> warnings = new ArrayList<>();

		@Override
		public void count(CountRow row) {
			this.counts.add(row);
		}

		@Override
		public void progress(ProgressRow row) {
		}

		@Override
		public void rounds(RankedRounds rounds) {
			this.rounds.add(rounds);
		}

		@Override
		public void problem(Problem problem) {
			this.problems.add(problem);
		}

		@Override
		public void warning(Problem warning) {
			this.warnings.add(warning);
		}

	}

}
