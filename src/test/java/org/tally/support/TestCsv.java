package org.tally.support;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 writes it (quoted cells, doubled quotes, CR, LF or CRLF), read apart
 * from Tally's own reader, so that a test comparing Tally with a source file does not
 * share Tally's bugs.
 */
public final class TestCsv {

	private TestCsv() {
	}

	/** The records of {@code text}, each a list of cells; a blank line has none. */
	public static List<List<String>> records(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		boolean started = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
				started = true;
			}
			else if (c == ',') {
				record.add(cell.toString());
				cell.setLength(0);
				started = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				if (started || cell.length() > 0) {
					record.add(cell.toString());
				}
				records.add(record);
				record = new ArrayList<>();
				cell.setLength(0);
				started = false;
			}
			else {
				cell.append(c);
				started = true;
			}
		}
		if (started || cell.length() > 0) {
			record.add(cell.toString());
			records.add(record);
		}
		return records;
	}

}
