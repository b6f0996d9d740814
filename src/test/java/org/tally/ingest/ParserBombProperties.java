package org.tally.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.ReadContext;
import org.tally.ingest.kit.ReadSummary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bombs of every shape answer a problem, quickly, in bounded memory (issue 21): one huge
 * text node, a huge attribute, a run of whitespace before the root, deep nesting, many
 * elements, for detail.xml plain and zipped (a zip holding hundreds of MB that compress
 * to a few hundred KB); a huge string, deep nesting, a long number for NIST, AP and RCTab
 * JSON; a huge cell for CSV. The bombs are streamed, never held: the test's heap stays
 * small, and so must the reader's.
 */
class ParserBombProperties {

	/** Each read is answered well within this (a busy shared machine included). */
	private static final Duration QUICKLY = Duration.ofSeconds(20);

	@Property(tries = 12)
	void xmlBombsAreRefusedAsProblems(@ForAll("xmlShapes") String shape, @ForAll @IntRange(min = 2, max = 300) int mb,
			@ForAll boolean zipped) throws IOException {
		// many elements: past the element cap (5 million) when plain, the ratio cap
		// zipped
		long size = ("elements".equals(shape) ? Math.max(mb, 24) : mb) * (1L << 20);
		byte[] zip = zipped ? zip(xml(shape, size)) : null;
		InputStream in = zipped ? new ByteArrayInputStream(zip) : xml(shape, size);
		if (zipped) {
			// a bomb: hundreds of MB in a small upload
			assertThat(zip.length).isLessThan((int) (size / 50) + 4096);
		}
		RecordingSink sink = new RecordingSink();
		long start = System.nanoTime();
		ReadSummary summary = ResultsFileReader.read(in, null, sink);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
		assertThat(summary.problems()).as(shape).isPositive();
		assertThat(sink.problems.toString()).as(shape).contains("refused");
	}

	@Property(tries = 12)
	void jsonAndCsvBombsAreRefusedAsProblems(@ForAll("jsonShapes") String shape,
			@ForAll("jsonFormats") ImportFormat format) throws IOException {
		byte[] bomb = json(shape, format);
		RecordingSink sink = new RecordingSink();
		long start = System.nanoTime();
		ReadSummary summary = ResultsFileReader.read(() -> new ByteArrayInputStream(bomb), format, ReadContext.NONE,
				sink);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
		assertThat(summary.problems()).as(shape + " " + format).isPositive();
	}

	@Provide
	Arbitrary<String> xmlShapes() {
		return Arbitraries.of("text", "attribute", "whitespace", "depth", "elements", "comment");
	}

	@Provide
	Arbitrary<String> jsonShapes() {
		return Arbitraries.of("string", "depth", "number", "name");
	}

	@Provide
	Arbitrary<ImportFormat> jsonFormats() {
		return Arbitraries.of(ImportFormat.NIST_CDF, ImportFormat.AP_JSON, ImportFormat.RCTAB,
				ImportFormat.OPENELECTIONS);
	}

	/** A detail.xml-like document of about {@code size} bytes in the given shape. */
	static InputStream xml(String shape, long size) {
		String head = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";
		return switch (shape) {
			case "text" ->
				stream(head + "<ElectionResult><ElectionName>", "x", size, "</ElectionName></ElectionResult>");
			case "attribute" -> stream(head + "<ElectionResult><Contest text=\"", "x", size, "\"/></ElectionResult>");
			case "whitespace" -> stream(head, " ", size, "<ElectionResult/>");
			case "depth" -> stream(head + "<ElectionResult>", "<a>", size, "");
			case "elements" -> stream(head + "<ElectionResult>", "<a/>", size, "</ElectionResult>");
			default -> stream(head + "<ElectionResult><!--", "c", size, "--></ElectionResult>");
		};
	}

	/** A JSON (or CSV) document in the given shape, a few MB. */
	static byte[] json(String shape, ImportFormat format) {
		if (format == ImportFormat.OPENELECTIONS) {
			return ("county,office,district,party,candidate,votes\nA,B,1,C,"
					+ "x".repeat(("depth".equals(shape)) ? 600 : 3 << 20) + ",1\n")
				.getBytes(StandardCharsets.UTF_8);
		}
		String key = switch (format) {
			case NIST_CDF -> "{\"@type\":\"ElectionReport\",\"Election\":";
			case AP_JSON -> "{\"electionDate\":\"2024-11-05\",\"races\":";
			default -> "{\"config\":{\"contest\":\"x\"},\"results\":";
		};
		String value = switch (shape) {
			case "string" -> "\"" + "x".repeat(3 << 20) + "\"";
			case "depth" -> "[".repeat(5000) + "]".repeat(5000);
			case "number" -> "1" + "0".repeat(100_000);
			default -> "{\"" + "k".repeat(100_000) + "\":1}";
		};
		return (key + value + "}").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The head, {@code body} repeated to about {@code size} bytes, the tail: streamed.
	 */
	static InputStream stream(String head, String body, long size, String tail) {
		byte[] start = head.getBytes(StandardCharsets.UTF_8);
		byte[] unit = body.repeat(Math.max(1, 8192 / body.length())).getBytes(StandardCharsets.UTF_8);
		byte[] end = tail.getBytes(StandardCharsets.UTF_8);
		return new InputStream() {

			private long at;

			private final long total = start.length + (size / unit.length) * unit.length + end.length;

			@Override
			public int read() {
				byte[] one = new byte[1];
				return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
			}

			@Override
			public int read(byte[] b, int off, int len) {
				if (this.at >= this.total) {
					return -1;
				}
				int n = 0;
				while (n < len && this.at < this.total) {
					b[off + n++] = byteAt(this.at++);
				}
				return n;
			}

			private byte byteAt(long i) {
				if (i < start.length) {
					return start[(int) i];
				}
				long j = i - start.length;
				long bodyBytes = this.total - start.length - end.length;
				return (j < bodyBytes) ? unit[(int) (j % unit.length)] : end[(int) (j - bodyBytes)];
			}

		};
	}

	/** The stream deflated into a detailxml.zip, streamed in. */
	static byte[] zip(InputStream xml) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes); xml) {
			zip.setLevel(9);
			zip.putNextEntry(new ZipEntry("detail.xml"));
			xml.transferTo(zip);
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
