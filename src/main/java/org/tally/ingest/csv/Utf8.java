package org.tally.ingest.csv;

/**
 * Checks UTF-8 strictly (no overlong forms, no surrogates, nothing above U+10FFFF),
 * because a file saved as Latin-1 must be reported, not silently read with replacement
 * characters.
 */
final class Utf8 {

	private Utf8() {
	}

	/** Index of the first byte that does not belong to valid UTF-8, or -1. */
	static int firstInvalid(byte[] b, int start, int end) {
		int i = start;
		while (i < end) {
			int c = b[i] & 0xFF;
			if (c < 0x80) {
				i++;
				continue;
			}
			int length;
			int min = 0x80;
			int max = 0xBF;
			if (c >= 0xC2 && c <= 0xDF) {
				length = 2;
			}
			else if (c >= 0xE0 && c <= 0xEF) {
				length = 3;
				if (c == 0xE0) {
					min = 0xA0;
				}
				else if (c == 0xED) {
					max = 0x9F;
				}
			}
			else if (c >= 0xF0 && c <= 0xF4) {
				length = 4;
				if (c == 0xF0) {
					min = 0x90;
				}
				else if (c == 0xF4) {
					max = 0x8F;
				}
			}
			else {
				return i;
			}
			if (i + length > end) {
				return i;
			}
			int second = b[i + 1] & 0xFF;
			if (second < min || second > max) {
				return i;
			}
			for (int k = 2; k < length; k++) {
				if ((b[i + k] & 0xC0) != 0x80) {
					return i;
				}
			}
			i += length;
		}
		return -1;
	}

	/** Characters in valid UTF-8 (each code point counts once). */
	static int codePoints(byte[] b, int start, int end) {
		int count = 0;
		for (int i = start; i < end; i++) {
			if ((b[i] & 0xC0) != 0x80) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Whether the text looks like UTF-8 that was decoded as Latin-1 and encoded again
	 * ("AngÃ©lica" for "Angélica"): a Ã or Â followed by a character from U+0080 to
	 * U+00BF.
	 */
	static boolean looksDoubleEncoded(String text) {
		for (int i = 0; i < text.length() - 1; i++) {
			char c = text.charAt(i);
			if (c == '\u00C3' || c == '\u00C2') {
				char next = text.charAt(i + 1);
				if (next >= '\u0080' && next <= '\u00BF') {
					return true;
				}
			}
		}
		return false;
	}

}
