package org.tally.ingest.csv;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Recognises the files staff upload by mistake (a spreadsheet, a zip, Clarity's XML) from
 * their first bytes, so that they hear what they sent instead of a list of garbled rows.
 */
public final class BinaryFormats {

	public static final int MAGIC_LENGTH = 16;

	private BinaryFormats() {
	}

	/** What the file is, when it is plainly not CSV text, or {@code null}. */
	public static String describe(byte[] start) {
		if (startsWith(start, 'P', 'K', 3, 4)) {
			return "this is a ZIP archive or an Excel .xlsx workbook: unzip it, or save the sheet as CSV UTF-8";
		}
		if (startsWith(start, 0xD0, 0xCF, 0x11, 0xE0)) {
			return "this is an Excel .xls workbook: save the sheet as CSV UTF-8";
		}
		if (startsWith(start, '%', 'P', 'D', 'F')) {
			return "this is a PDF document";
		}
		if (startsWith(start, 0x1F, 0x8B)) {
			return "this is a gzip archive: unzip it first";
		}
		if (startsWith(start, 0xFF, 0xFE) || startsWith(start, 0xFE, 0xFF)) {
			return "this is UTF-16 text: save it as UTF-8";
		}
		String text = new String(start, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
		if (text.startsWith("<?xml")) {
			return "this is an XML file (Clarity's detail.xml?): import it with format=clarity-detail or auto";
		}
		if (text.startsWith("<!doctype html") || text.startsWith("<html")) {
			return "this is a web page, not the file it links to";
		}
		return null;
	}

	private static boolean startsWith(byte[] start, int... magic) {
		if (start.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((start[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
