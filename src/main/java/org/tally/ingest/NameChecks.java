package org.tally.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tally.ingest.kit.ChoiceNameNormaliser;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProblemCollector;

/**
 * The names of every row, whatever its format, checked and cleaned at the one place all
 * rows pass ({@link StagingSink}) before they become contests, choices and units
 * (docs/import.md, "Names a reader can trust"): a bidi control or a control character is
 * a problem naming the row and the column; zero-width characters are removed with a
 * warning; every name is NFC-normalised. Each distinct text is reported once, at its
 * first row.
 */
final class NameChecks {

	/** Distinct texts remembered, so a hostile file cannot grow the sets without end. */
	private static final int MAX_REMEMBERED = 10_000;

	private final ProblemCollector problems;

	private final List<Problem> warnings;

	private final Set<String> reported = new HashSet<>();

	NameChecks(ProblemCollector problems, List<Problem> warnings) {
		this.problems = problems;
		this.warnings = warnings;
	}

	/**
	 * The text as Tally keeps it, or {@code null} when it must not be kept (the problem
	 * is then reported); {@code null} in, {@code null} out.
	 */
	String text(long row, String location, String column, String written) {
		return (written != null) ? check(row, location, column, written) : null;
	}

	/**
	 * Checks a choice's name as the file wrote it; its normalised name is already clean.
	 * @return whether the name may be kept
	 */
	boolean choice(CountRow row) {
		String written = (row.writtenName() != null) ? row.writtenName() : row.candidate();
		return text(row.row(), row.location(), "candidate", written) != null;
	}

	private String check(long row, String location, String column, String written) {
		String unsafe = ChoiceNameNormaliser.unsafe(written);
		if (unsafe != null) {
			if (remember(column + "\u0000" + written)) {
				this.problems.add(new Problem(row, column, escaped(written),
						"the name holds " + unsafe
								+ ": control and bidi characters can make a name read as another; remove it",
						location));
			}
			return null;
		}
		if (ChoiceNameNormaliser.hasZeroWidth(written) && remember(column + "\u0000" + written)) {
			this.warnings.add(new Problem(row, column, escaped(written),
					"zero-width characters removed from the name (it reads \"" + ChoiceNameNormaliser.clean(written)
							+ "\")",
					location));
		}
		return ChoiceNameNormaliser.clean(written);
	}

	private boolean remember(String key) {
		return this.reported.size() < MAX_REMEMBERED && this.reported.add(key);
	}

	/**
	 * The text with what cannot be shown safely written as {@code <U+202E>}, so that a
	 * problem never carries the character it warns about.
	 */
	static String escaped(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			String one = String.valueOf(c);
			if (ChoiceNameNormaliser.unsafe(one) != null || ChoiceNameNormaliser.hasZeroWidth(one)) {
				out.append(String.format("<U+%04X>", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
