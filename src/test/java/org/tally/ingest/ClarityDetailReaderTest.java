package org.tally.ingest;

import org.tally.ingest.kit.OtherCountRow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.tally.results.VoteType;

import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clarity's detail.xml, read from cuts of real files: the values expected are the file's
 * own (its {@code totalVotes} attributes, or sums worked out by hand in the comments).
 */
class ClarityDetailReaderTest {

	@Test
	void aChoiceNamedLikeOverVotesIsTheContestsOtherCountsNotACandidate() {
		// Atkinson County's file with a choice some sites list beside the candidates
		String xml = new String(RecordingSink.resource("clarity-detail-ga-atkinson-2020-precinct.xml"),
				StandardCharsets.UTF_8);
		String jorgensen = "        <Choice key=\"3\" text=\"Jo Jorgensen (Lib)\"";
		String over = "        <Choice key=\"9\" text=\"Over Votes\" totalVotes=\"2\">\n"
				+ "            <VoteType name=\"Election Day\" votes=\"2\">\n"
				+ "                <Precinct name=\"Axson\" votes=\"2\" />\n            </VoteType>\n        </Choice>\n";
		assertThat(xml).contains(jorgensen);
		RecordingSink sink = RecordingSink.read(
				xml.replace(jorgensen, over + jorgensen).getBytes(StandardCharsets.UTF_8), ImportFormat.CLARITY_DETAIL);

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).extracting(CountRow::candidate)
			.containsOnly("Donald J. Trump", "Joseph R. Biden", "Jo Jorgensen");
		assertThat(sink.otherCounts).filteredOn((row) -> row.kind() == OtherCountRow.Kind.OVERVOTES && row.count() > 0)
			.extracting(OtherCountRow::precinct, OtherCountRow::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Axson", 2L));
		assertThat(sink.warningMessages()).anySatisfy((message) -> assertThat(message)
			.contains("a choice named 'Over Votes' is not a candidate: kept as the contest's overvotes"));
	}

	@Test
	void countySiteLayoutGivesPrecinctCountsThatAddUpToTheFilesTotals() {
		RecordingSink sink = RecordingSink.readResource("clarity-detail-nj-gloucester-2017-cut.xml");

		assertThat(sink.problems).isEmpty();
		// <Choice text="- PHILIP MURPHY" totalVotes="42349">, one "Election" vote type
		assertThat(sink.votes("PHILIP MURPHY", VoteType.TOTAL)).isEqualTo(42349);
		assertThat(sink.votes("PHILIP MURPHY", VoteType.ELECTION_DAY)).isEqualTo(42349);
		assertThat(sink.votes("KIM GUADAGNO", VoteType.TOTAL)).isEqualTo(32448);
		CountRow first = sink.counts.get(0);
		assertThat(first.county()).isNull();
		assertThat(first.precinct()).isEqualTo("Clayton District 1");
		assertThat(first.office()).isEqualTo("Governor");
		assertThat(first.candidate()).isEqualTo("PHILIP MURPHY");
		assertThat(first.writtenName()).isEqualTo("- PHILIP MURPHY");
		assertThat(first.votes()).isEqualTo(139);
		assertThat(sink.counts).noneMatch((count) -> count.candidate().toLowerCase().contains("vote"));
	}

	@Test
	void voteForSetsSeatsAndTimestampIsTheSourceTime() {
		RecordingSink sink = RecordingSink.readResource("clarity-detail-nj-gloucester-2017-cut.xml");

		assertThat(sink.contests).extracting(ContestRow::office, ContestRow::seats)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Governor", 1),
					org.assertj.core.groups.Tuple.tuple("State Senate 3rd Legislative District", 1),
					org.assertj.core.groups.Tuple.tuple("General Assembly 3rd Legislative District", 2));
		// <Timestamp>11/14/2017 12:31:01 PM EST</Timestamp>
		assertThat(sink.sourceUpdatedAt).isEqualTo(Instant.parse("2017-11-14T17:31:01Z"));
	}

	@Test
	void countySiteProgressIsTheContestsPrecinctsWithTurnoutOfItsPrecincts() {
		RecordingSink sink = RecordingSink.readResource("clarity-detail-nj-gloucester-2017-cut.xml");

		ProgressRow governor = sink.progress.stream()
			.filter((p) -> p.office().equals("Governor"))
			.findFirst()
			.orElseThrow();
		assertThat(governor.precinct()).isNull();
		assertThat(governor.precinctsReporting()).isEqualTo(229);
		assertThat(governor.precinctsTotal()).isEqualTo(229);
		// <VoterTurnout totalVoters="206681" ballotsCast="79138">: the governor's race is
		// county-wide
		assertThat(governor.registeredVoters()).isEqualTo(206681);
		assertThat(governor.ballotsCast()).isEqualTo(79138);
	}

	@Test
	void olderCountySiteLayoutSkipsOverAndUnderVotes() {
		RecordingSink sink = RecordingSink.readResource("clarity-detail-ky-greenup-2014-precinct.xml");

		assertThat(sink.problems).isEmpty();
		// <Choice text="Mitch McCONNELL" totalVotes="1135">
		assertThat(sink.votes("Mitch McCONNELL", VoteType.TOTAL)).isEqualTo(1135);
		assertThat(sink.votes("Matt BEVIN", VoteType.TOTAL)).isEqualTo(820);
		assertThat(sink.counts).extracting(CountRow::candidate)
			.containsOnly("Matt BEVIN", "Brad COPAS", "Mitch McCONNELL", "Chris PAYNE", "Shawna STERLING");
		// every precinct's totalVoters is 0: registered voters are unknown, not zero
		assertThat(sink.progress).singleElement().satisfies((progress) -> {
			assertThat(progress.precinctsReporting()).isEqualTo(32);
			assertThat(progress.registeredVoters()).isNull();
		});
	}

	@Test
	void stateSiteLayoutSplitsByVoteTypeAndTotalsTheirSum() {
		RecordingSink sink = RecordingSink.readResource("clarity-detail-ar-2014-county.xml");

		assertThat(sink.problems).isEmpty();
		// Tom Cotton: Election Day 248263, Early Vote 200430, Absentee 13319, Provisional
		// 111
		// (the cut keeps no County inside the vote types: the counts are the region's)
		assertThat(sink.votes("Tom Cotton", VoteType.ELECTION_DAY)).isEqualTo(248263);
		assertThat(sink.votes("Tom Cotton", VoteType.EARLY)).isEqualTo(200430);
		assertThat(sink.votes("Tom Cotton", VoteType.MAIL)).isEqualTo(13319);
		assertThat(sink.votes("Tom Cotton", VoteType.PROVISIONAL)).isEqualTo(111);
		assertThat(sink.votes("Tom Cotton", VoteType.TOTAL)).isEqualTo(248263 + 200430 + 13319 + 111);
		assertThat(sink.counts.get(0).party()).isEqualTo("REP");
		// <County name="Arkansas" totalVoters="10196" ballotsCast="5137" ...> and in the
		// contest <County name="Arkansas" precinctsParticipating="30"
		// precinctsReported="30">
		ProgressRow arkansas = sink.progress.stream()
			.filter((p) -> "Arkansas".equals(p.county()))
			.findFirst()
			.orElseThrow();
		assertThat(arkansas.precinctsTotal()).isEqualTo(30);
		assertThat(arkansas.registeredVoters()).isEqualTo(10196);
		assertThat(arkansas.ballotsCast()).isEqualTo(5137);
		assertThat(sink.progress).hasSize(75);
	}

	@Test
	void detailXmlZipIsReadLikeTheXml() {
		RecordingSink xml = RecordingSink.readResource("clarity-detail-nj-gloucester-2017-cut.xml");
		RecordingSink zip = RecordingSink.readResource("clarity-detailxml-nj-gloucester-2017-cut.zip");

		assertThat(zip.problems).isEmpty();
		assertThat(zip.counts).isEqualTo(xml.counts);
		assertThat(zip.summary.format()).isEqualTo(ImportFormat.CLARITY_DETAIL);
	}

	@Test
	void unknownVoteTypesCountTowardTheTotalAndAreNamed() {
		RecordingSink sink = read("""
				<ElectionResult><Contest text="Mayor" voteFor="1">
				<Choice text="Ann Lee (DEM)" totalVotes="17">
				<VoteType name="Election Day" votes="10"><Precinct name="P1" votes="10"/></VoteType>
				<VoteType name="Absentee by Mail" votes="3"><Precinct name="P1" votes="3"/></VoteType>
				<VoteType name="Federal Write-In Absentee" votes="1"><Precinct name="P1" votes="1"/></VoteType>
				<VoteType name="UOCAVA" votes="3"><Precinct name="P1" votes="3"/></VoteType>
				<VoteType name="Overvotes" votes="5"><Precinct name="P1" votes="5"/></VoteType>
				</Choice></Contest></ElectionResult>""");

		assertThat(sink.problems).isEmpty();
		assertThat(sink.votes("Ann Lee", VoteType.TOTAL)).isEqualTo(10 + 3 + 1 + 3);
		assertThat(sink.votes("Ann Lee", VoteType.MAIL)).isEqualTo(3 + 1);
		assertThat(sink.counts.get(0).party()).isEqualTo("DEM");
		assertThat(sink.warningMessages()).singleElement().asString().contains("'UOCAVA'");
	}

	@Test
	void georgiaPrecinctFileSplitsItsFourVoteTypesAndTakesThePartyFromTheName() {
		RecordingSink sink = RecordingSink.readResource("clarity-detail-ga-atkinson-2020-precinct.xml");

		assertThat(sink.problems).isEmpty();
		assertThat(sink.warnings).isEmpty();
		// <Choice text="Donald J. Trump (I) (Rep)" party="NP" totalVotes="2300">: "NP" is
		// Georgia's placeholder, the name says Rep and incumbent
		assertThat(sink.counts).filteredOn((row) -> row.candidate().equals("Donald J. Trump"))
			.extracting(CountRow::party, CountRow::incumbent, CountRow::writtenName)
			.containsOnly(org.assertj.core.groups.Tuple.tuple("Rep", true, "Donald J. Trump (I) (Rep)"));
		assertThat(sink.votes("Donald J. Trump", VoteType.TOTAL)).isEqualTo(2300);
		// its vote types' votes attributes: 716, 1419, 164 and 1 (716 + 1419 + 164 + 1 =
		// 2300)
		assertThat(sink.votes("Donald J. Trump", VoteType.ELECTION_DAY)).isEqualTo(716);
		assertThat(sink.votes("Donald J. Trump", VoteType.EARLY)).isEqualTo(1419);
		assertThat(sink.votes("Donald J. Trump", VoteType.MAIL)).isEqualTo(164);
		assertThat(sink.votes("Donald J. Trump", VoteType.PROVISIONAL)).isEqualTo(1);
		assertThat(sink.votes("Joseph R. Biden", VoteType.TOTAL)).isEqualTo(825);
		assertThat(sink.votes("Jo Jorgensen", VoteType.TOTAL)).isEqualTo(30);
		assertThat(sink.counts).filteredOn((row) -> row.candidate().equals("Joseph R. Biden"))
			.extracting(CountRow::party, CountRow::incumbent)
			.containsOnly(org.assertj.core.groups.Tuple.tuple("Dem", null));
		// the contest's Undervotes (15) are nobody's votes: its other counts, by precinct
		assertThat(sink.counts).extracting(CountRow::candidate)
			.containsOnly("Donald J. Trump", "Joseph R. Biden", "Jo Jorgensen");
		assertThat(sink.otherCounts).filteredOn((row) -> row.kind() == OtherCountRow.Kind.UNDERVOTES)
			.extracting(OtherCountRow::precinct, OtherCountRow::count, OtherCountRow::office)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("Pearson County", 4L, "President of the United States"),
					org.assertj.core.groups.Tuple.tuple("Axson", 0L, "President of the United States"),
					org.assertj.core.groups.Tuple.tuple("Willacoochee", 5L, "President of the United States"),
					org.assertj.core.groups.Tuple.tuple("Pearson City", 6L, "President of the United States"));
		assertThat(sink.otherCounts).filteredOn((row) -> row.kind() == OtherCountRow.Kind.OVERVOTES)
			.extracting(OtherCountRow::count)
			.containsExactly(0L, 0L, 0L, 0L);
		assertThat(sink.otherCounts).extracting(OtherCountRow::location)
			.contains("/ElectionResult/Contest[@key='1'][@text='President of the United States']"
					+ "/VoteType[@name='Undervotes']/Precinct[@name='Willacoochee']");
		assertThat(sink.progress).singleElement().satisfies((progress) -> {
			assertThat(progress.precinctsReporting()).isEqualTo(4);
			assertThat(progress.precinctsTotal()).isEqualTo(4);
			assertThat(progress.registeredVoters()).isEqualTo(4799);
			assertThat(progress.ballotsCast()).isEqualTo(3172);
		});
		assertThat(sink.sourceUpdatedAt).isEqualTo(Instant.parse("2020-11-06T18:05:50Z"));
	}

	@Test
	void coloradoStateFileWithOnlyTotalVotesGivesCountyTotalsAndEachCountysProgress() {
		RecordingSink sink = RecordingSink.readResource("clarity-detail-co-2024-county-cut.xml");

		assertThat(sink.problems).isEmpty();
		assertThat(sink.counts).allMatch((row) -> row.voteType() == VoteType.TOTAL && row.precinct() == null);
		assertThat(sink.counts).filteredOn((row) -> row.candidate().equals("Kamala D. Harris / Tim Walz"))
			.extracting(CountRow::county, CountRow::votes, CountRow::party)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Adams", 124056L, "DEM"),
					org.assertj.core.groups.Tuple.tuple("Alamosa", 3244L, "DEM"),
					org.assertj.core.groups.Tuple.tuple("Arapahoe", 190725L, "DEM"));
		// each county's own progress for the contest (278 of Adams' 283 precincts vote
		// on it), with the county's turnout
		assertThat(sink.progress)
			.extracting(ProgressRow::county, ProgressRow::precinctsReporting, ProgressRow::precinctsTotal,
					ProgressRow::registeredVoters, ProgressRow::ballotsCast)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Adams", 278, 278, 320225L, 236899L),
					org.assertj.core.groups.Tuple.tuple("Alamosa", 8, 8, 10321L, 7671L),
					org.assertj.core.groups.Tuple.tuple("Arapahoe", 398, 398, 426537L, 330745L));
		assertThat(sink.sourceUpdatedAt).isEqualTo(Instant.parse("2024-12-06T20:20:51Z"));
	}

	@Test
	void questionsAreMeasuresAndAChoiceWithOnlyItsTotalVotesIsCountedForTheRegion() {
		// written by hand in the Colorado file's layout: a question, and a choice that
		// gives only its totalVotes (no VoteType), as some sites' files do
		RecordingSink sink = read("""
				<ElectionResult><Timestamp>12/6/2024 1:20:51 PM MST</Timestamp>
				<Contest key="30" text="Amendment G (Constitutional)" voteFor="1" isQuestion="true">
				<Choice key="1" text="Yes/For" totalVotes="120">
				<VoteType name="Total Votes" votes="120"><County name="Adams" votes="120"/></VoteType></Choice>
				<Choice key="2" text="No/Against" totalVotes="80">
				<VoteType name="Total Votes" votes="80"><County name="Adams" votes="80"/></VoteType></Choice>
				</Contest>
				<Contest key="31" text="County Clerk (Vote For 1)" isQuestion="false">
				<Choice key="1" text="Ann Lee (DEM)" totalVotes="55"/>
				<Choice key="2" text="" totalVotes="3"/>
				</Contest></ElectionResult>""");

		assertThat(sink.problems).isEmpty();
		assertThat(sink.contests).extracting(ContestRow::office, ContestRow::measure, ContestRow::seats)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Amendment G (Constitutional)", true, null),
					org.assertj.core.groups.Tuple.tuple("County Clerk", false, 1));
		assertThat(sink.votes("Yes/For", VoteType.TOTAL)).isEqualTo(120);
		assertThat(sink.counts).filteredOn((row) -> row.candidate().equals("Ann Lee"))
			.extracting(CountRow::county, CountRow::precinct, CountRow::votes, CountRow::party)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(null, null, 55L, "DEM"));
		// each count's element path: the unit's element, or the choice with only its
		// totalVotes (the choice as written, the contest without "(Vote For 1)")
		assertThat(sink.counts).extracting(CountRow::candidate, CountRow::location)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Yes/For",
					"/ElectionResult/Contest[@key='30'][@text='Amendment G (Constitutional)']/Choice[@text='Yes/For']"
							+ "/VoteType[@name='Total Votes']/County[@name='Adams']"),
					org.assertj.core.groups.Tuple.tuple("No/Against",
							"/ElectionResult/Contest[@key='30'][@text='Amendment G (Constitutional)']/Choice[@text='No/Against']"
									+ "/VoteType[@name='Total Votes']/County[@name='Adams']"),
					org.assertj.core.groups.Tuple.tuple("Ann Lee",
							"/ElectionResult/Contest[@key='31'][@text='County Clerk']/Choice[@text='Ann Lee (DEM)']"));
		// the blank choice is left out with a warning, not a problem
		assertThat(sink.warnings).singleElement()
			.satisfies((warning) -> assertThat(warning.message()).contains("without its text"));
	}

	@Test
	void statedTotalWinsOverItsPartsWithAWarning() {
		RecordingSink sink = read("""
				<ElectionResult><Contest text="Mayor">
				<Choice text="Ann Lee">
				<VoteType name="Early Voting" votes="4"><Precinct name="P1" votes="4"/></VoteType>
				<VoteType name="Total Votes" votes="9"><Precinct name="P1" votes="9"/></VoteType>
				</Choice></Contest></ElectionResult>""");

		assertThat(sink.votes("Ann Lee", VoteType.TOTAL)).isEqualTo(9);
		assertThat(sink.votes("Ann Lee", VoteType.EARLY)).isEqualTo(4);
		assertThat(sink.warningMessages()).singleElement().asString().contains("P1").contains("(9)").contains("(4)");
	}

	@Test
	void externalEntitiesAndBombsAreRefusedBeforeAnyCount() {
		RecordingSink xxe = read("""
				<?xml version="1.0"?>
				<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<ElectionResult><Contest text="&x;"><Choice text="A">
				<VoteType name="Election" votes="1"/></Choice></Contest></ElectionResult>""");
		RecordingSink bomb = read("""
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
				<ElectionResult><Contest text="&lol3;"/></ElectionResult>""");

		assertThat(xxe.counts).isEmpty();
		assertThat(xxe.problemMessages()).singleElement().asString().contains("DOCTYPE is not allowed");
		assertThat(bomb.counts).isEmpty();
		assertThat(bomb.problemMessages()).singleElement().asString().contains("DOCTYPE is not allowed");
	}

	@Test
	void badCountsAreProblemsWithTheirElementPath() {
		RecordingSink sink = read("""
				<ElectionResult><Contest text="Mayor">
				<Choice text="Ann Lee">
				<VoteType name="Election Day" votes="1">
				<Precinct name="P1" votes="-3"/>
				<Precinct name="P2" votes="12x"/>
				</VoteType></Choice></Contest></ElectionResult>""");

		assertThat(sink.counts).isEmpty();
		assertThat(sink.problems).extracting(Problem::row, Problem::value, Problem::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "-3", "negative votes"),
					org.assertj.core.groups.Tuple.tuple(5L, "12x", "not a whole number"));
		assertThat(sink.problems.get(0).location()).isEqualTo(
				"/ElectionResult/Contest[@text='Mayor']/Choice[@text='Ann Lee']/VoteType[@name='Election Day']/Precinct[@name='P1']");
	}

	@Test
	void truncatedFilesAndZipsAndOtherSchemasAreProblems() throws IOException {
		byte[] zip = RecordingSink.resource("clarity-detailxml-nj-gloucester-2017-cut.zip");
		RecordingSink truncatedZip = RecordingSink.read(Arrays.copyOf(zip, zip.length / 2), null);
		byte[] xml = RecordingSink.resource("clarity-detail-nj-gloucester-2017-cut.xml");
		RecordingSink truncatedXml = RecordingSink.read(Arrays.copyOf(xml, xml.length / 2), null);
		RecordingSink otherSchema = read("<ElectionReport><Contest/></ElectionReport>");
		RecordingSink noDetail = RecordingSink.read(zipOf("summary.csv", "a,b\n"), null);

		assertThat(truncatedZip.problemMessages()).singleElement().asString().contains("truncated");
		assertThat(truncatedXml.problemMessages()).singleElement().asString().contains("truncated");
		assertThat(otherSchema.problemMessages()).singleElement()
			.isEqualTo("not a Clarity detail.xml: the root element is <ElectionReport>, expected <ElectionResult>");
		assertThat(noDetail.problemMessages()).singleElement().asString().contains("no detail.xml");
	}

	static RecordingSink read(String xml) {
		return RecordingSink.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), null);
	}

	static byte[] zipOf(String name, String content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
