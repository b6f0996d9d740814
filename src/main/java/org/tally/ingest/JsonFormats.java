package org.tally.ingest;

import java.io.IOException;
import java.io.InputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import org.tally.ingest.kit.FileSource;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.JsonFiles;
import org.tally.ingest.kit.Problem;

/**
 * Tells the JSON formats apart by the bytes: a file whose first character (after a byte
 * order mark and white space) is <code>{</code> or <code>[</code> is JSON; a NIST report
 * says {@code "@type": "ElectionResults.ElectionReport"}, an AP file has {@code races}.
 */
public final class JsonFormats {

	private static final int PEEK = 4096;

	private JsonFormats() {
	}

	/** The format found, or the problem that says why none was. */
	public record Detection(ImportFormat format, Problem problem) {
	}

	/** Whether the file starts like JSON. */
	public static boolean looksLikeJson(FileSource source) throws IOException {
		try (InputStream in = source.open()) {
			byte[] head = in.readNBytes(PEEK);
			int at = (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB
					&& (head[2] & 0xff) == 0xBF) ? 3 : 0;
			while (at < head.length && (head[at] == ' ' || head[at] == '\t' || head[at] == '\r' || head[at] == '\n')) {
				at++;
			}
			return at < head.length && (head[at] == '{' || head[at] == '[');
		}
	}

	/** Which JSON format the file is, from its top-level keys. */
	public static Detection detect(FileSource source) throws IOException {
		JsonParser parser = null;
		try (InputStream in = source.open()) {
			parser = JsonFiles.parser(in);
			if (parser.nextToken() == JsonToken.START_OBJECT) {
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					parser.nextToken();
					if (name.equals("@type") && parser.currentToken() == JsonToken.VALUE_STRING
							&& parser.getString().startsWith("ElectionResults.")) {
						return new Detection(ImportFormat.NIST_CDF, null);
					}
					if (name.equals("GpUnit") || name.equals("Election")) {
						return new Detection(ImportFormat.NIST_CDF, null);
					}
					if (name.equals("races")) {
						return new Detection(ImportFormat.AP_JSON, null);
					}
					parser.skipChildren();
				}
			}
			return new Detection(null, new Problem(1, null, null, "a JSON file that is neither a NIST SP 1500-100 "
					+ "ElectionReport (\"@type\": \"ElectionResults.ElectionReport\") nor AP results (\"races\")",
					"/"));
		}
		catch (JacksonException ex) {
			return new Detection(null, JsonFiles.unreadable(ex, parser));
		}
		finally {
			if (parser != null) {
				parser.close();
			}
		}
	}

}
