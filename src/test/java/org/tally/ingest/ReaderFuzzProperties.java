package org.tally.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.tally.ingest.kit.ReadSummary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No input makes a reader throw: whatever the bytes, the answer is counts or problems.
 * Real files are cut, damaged and spliced at random positions.
 */
class ReaderFuzzProperties {

	private static final byte[][] DETAIL = { RecordingSink.resource("clarity-detail-ky-greenup-2014-precinct.xml"),
			RecordingSink.resource("clarity-detail-ga-atkinson-2020-precinct.xml"),
			RecordingSink.resource("clarity-detail-co-2024-county-cut.xml") };

	private static final byte[] ZIP = RecordingSink.resource("clarity-detailxml-nj-gloucester-2017-cut.zip");

	private static final byte[] SUMMARY = RecordingSink.resource("clarity-summary-nj-gloucester-2017.csv");

	// a few milliseconds a try: each property stays within a few seconds
	@Property(tries = 1500)
	void damagedDetailXmlGivesProblemsNotExceptions(@ForAll @IntRange(min = 0, max = 2) int fixture,
			@ForAll @IntRange(min = 0, max = 16749) int at, @ForAll @Size(max = 8) byte[] noise) throws IOException {
		byte[] detail = DETAIL[fixture];
		assertReadsWithoutThrowing(splice(detail, at % detail.length, noise));
	}

	@Property(tries = 500)
	void damagedZipGivesProblemsNotExceptions(@ForAll @IntRange(min = 0, max = 21000) int at,
			@ForAll @Size(max = 8) byte[] noise) throws IOException {
		assertReadsWithoutThrowing(splice(ZIP, at, noise));
	}

	@Property(tries = 1000)
	void damagedSummaryGivesProblemsNotExceptions(@ForAll @IntRange(min = 0, max = 29000) int at,
			@ForAll @Size(max = 8) byte[] noise) throws IOException {
		assertReadsWithoutThrowing(splice(SUMMARY, at, noise));
	}

	@Property(tries = 1000)
	void anyBytesGiveProblemsNotExceptions(@ForAll @Size(max = 300) byte[] bytes) throws IOException {
		assertReadsWithoutThrowing(bytes);
	}

	private static void assertReadsWithoutThrowing(byte[] bytes) throws IOException {
		RecordingSink sink = new RecordingSink();
		ReadSummary summary = ResultsFileReader.read(new ByteArrayInputStream(bytes), null, sink);
		assertThat(summary.problems()).isEqualTo(sink.problems.size());
		assertThat(sink.counts).allSatisfy((count) -> assertThat(count.votes()).isNotNegative());
	}

	/** The file cut at {@code at}, the noise put there, the rest after it. */
	private static byte[] splice(byte[] file, int at, byte[] noise) {
		int cut = Math.min(at, file.length);
		byte[] spliced = Arrays.copyOf(file, file.length + noise.length);
		System.arraycopy(noise, 0, spliced, cut, noise.length);
		System.arraycopy(file, cut, spliced, cut + noise.length, file.length - cut);
		return (at % 3 == 0) ? Arrays.copyOf(spliced, cut + noise.length) : spliced;
	}

}
