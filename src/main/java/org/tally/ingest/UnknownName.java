package org.tally.ingest;

import org.tally.ingest.kit.Problem;

/**
 * A name strict mode does not know: its first row (its line and, in XML and JSON, its
 * location) and the number of rows naming it, for the problem list.
 */
final class UnknownName {

	final long row;

	final String column;

	final String value;

	/** The element path or JSON pointer of the first row, or null (CSV). */
	final String location;

	long rows;

	UnknownName(long row, String column, String value, String location) {
		this.row = row;
		this.column = column;
		this.value = value;
		this.location = location;
	}

	Problem problem(String message) {
		return new Problem(this.row, this.column, this.value, message, this.location);
	}

}
