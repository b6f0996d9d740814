package org.tally.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.ReadContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * No input makes the JSON readers throw (NIST, AP, RCTab): the real fixtures, damaged the
 * ways files get damaged (cut short, a byte changed, a stretch lost, a value of the wrong
 * type or out of range), and bytes at random, are read into problems, never an exception;
 * and a file read without problems only ever yields counts of 0 votes or more.
 */
class JsonReadersPropertyTests {

	private static final List<byte[]> FIXTURES = List.of(RecordingSink.json("nist-composed-units.json"),
			RecordingSink.json("nist-err-gen-01-cut.json"), RecordingSink.json("ap-20151103-national-cut.json"),
			RecordingSink.json("ap-00000000-fake-cut.json"),
			rctab("2013_minneapolis_mayor_expected_detailed_report.json"),
			// AP's expected vote percentage on a race and a unit, so that damage reaches
			// it
			new String(RecordingSink.json("ap-20160201-district.json"), StandardCharsets.UTF_8)
				.replace("\"raceID\":\"16957\",", "\"raceID\":\"16957\",\"eevp\":95,")
				.replaceFirst("\"level\":\"district\",", "\"level\":\"district\",\"eevp\":40,")
				.getBytes(StandardCharsets.UTF_8));

	private static final String[] VALUES = { "-1", "1e30", "1.5", "\"x\"", "null", "true", "[]", "{}",
			"99999999999999999999", "\"\"", "[[[[[[[[", "\"ElectionResults.ElectionReport\"", "-0", "0.0",
			"\"\\u0000\"", "1000000000001", "[1,2]", "{\"@id\":\"st\"}", "\"p1\"", "\"total\"", "\"1e-9\"" };

	private static final Pattern SCALAR = Pattern.compile("(?<=: ?)(-?[0-9][0-9.eE+-]*|\"[^\"]*\"|true|false|null)");

	// 3 ms a try on an idle machine, up to 18 ms on the shared one under load: 500 tries
	// stay under 10 s
	@Property(tries = 500)
	void damagedFilesGiveProblemsNeverExceptions(@ForAll @IntRange(min = 0, max = 5) int fixture,
			@ForAll @IntRange(min = 0, max = 4) int damage, @ForAll @IntRange(min = 0, max = 1 << 30) int at,
			@ForAll @IntRange(min = 0, max = 20) int value, @ForAll @IntRange(min = 0, max = 3) int format) {
		byte[] file = damage(FIXTURES.get(fixture), damage, at, value);

		readsWithoutThrowing(file, format);
	}

	@Property(tries = 1000)
	void randomBytesGiveProblemsNeverExceptions(@ForAll("jsonish") String text,
			@ForAll @IntRange(min = 0, max = 3) int format) {
		readsWithoutThrowing(text.getBytes(StandardCharsets.UTF_8), format);
	}

	@Provide
	Arbitrary<String> jsonish() {
		return Arbitraries.strings()
			.withChars("{}[]\":,0123456789-.eE tnrufalsGpUId@yRcVoC")
			.ofMaxLength(200)
			.map((text) -> (text.startsWith("{") || text.startsWith("[")) ? text : "{" + text);
	}

	private static byte[] rctab(String name) {
		try (java.io.InputStream in = JsonReadersPropertyTests.class.getResourceAsStream("/rctab/" + name)) {
			return in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void readsWithoutThrowing(byte[] file, int format) {
		ImportFormat named = switch (format) {
			case 1 -> ImportFormat.NIST_CDF;
			case 2 -> ImportFormat.AP_JSON;
			default -> null;
		};
		for (ReadContext context : List.of(new ReadContext("Kentucky", false), new ReadContext("Virginia", true))) {
			List<RecordingSink> read = new ArrayList<>();
			assertThatNoException().isThrownBy(() -> read.add(RecordingSink.readFile(file, named, context)));
			RecordingSink sink = read.get(0);
			assertThat(sink.summary.problems()).isEqualTo(sink.problems.size());
			if (sink.problems.isEmpty()) {
				assertThat(sink.counts).allMatch((count) -> count.votes() >= 0 && count.votes() <= 1_000_000_000_000L);
			}
		}
	}

	private static byte[] damage(byte[] file, int damage, int at, int value) {
		int position = at % file.length;
		return switch (damage) {
			case 0 -> java.util.Arrays.copyOf(file, position);
			case 1 -> {
				byte[] changed = file.clone();
				changed[position] = "{}[]\":,-0x\\".getBytes(StandardCharsets.UTF_8)[value % 11];
				yield changed;
			}
			case 2 -> {
				int end = Math.min(file.length, position + 1 + value * 7);
				byte[] cut = new byte[file.length - (end - position)];
				System.arraycopy(file, 0, cut, 0, position);
				System.arraycopy(file, end, cut, position, file.length - end);
				yield cut;
			}
			default -> {
				String text = new String(file, StandardCharsets.UTF_8);
				Matcher scalars = SCALAR.matcher(text);
				List<int[]> spans = new ArrayList<>();
				while (scalars.find()) {
					spans.add(new int[] { scalars.start(), scalars.end() });
				}
				int[] span = spans.get(at % spans.size());
				yield (text.substring(0, span[0]) + VALUES[value] + text.substring(span[1]))
					.getBytes(StandardCharsets.UTF_8);
			}
		};
	}

}
