package org.tally.ingest.csv;

import java.util.Objects;

import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.RowSink;

/**
 * The progress of a CSV file's rows, stated on every row of a precinct's contest: passed
 * on once per consecutive run of rows with the same county, precinct, office and
 * district, and a later row of the run that contradicts it is a problem. Only the current
 * run is remembered, so memory stays constant: a unit that comes back later in the file
 * starts a new run.
 */
final class ProgressRuns {

	private static final long NONE = RowCells.NONE;

	private final CsvRecord csv;

	private final RowCells cells;

	private final ContestUnits units;

	private final RowSink sink;

	private final long[] runProgress = new long[RowCells.PROGRESS_COUNT];

	private boolean inRun;

	private boolean runStated;

	private long runRow;

	private String runCounty;

	private String runPrecinct;

	private String runOffice;

	private String runDistrict;

	ProgressRuns(CsvRecord csv, RowCells cells, ContestUnits units, RowSink sink) {
		this.csv = csv;
		this.cells = cells;
		this.units = units;
		this.sink = sink;
	}

	/**
	 * Passes progress on at the first row of a run that states it, and checks later rows
	 * of the run against it.
	 * @param stated whether the row states progress (read into {@link RowCells#progress})
	 * @return whether the row agrees with its run
	 */
	boolean row(long row, String county, String precinct, String office, String district, boolean stated) {
		if (!this.inRun || !Objects.equals(county, this.runCounty) || !Objects.equals(precinct, this.runPrecinct)
				|| !office.equals(this.runOffice) || !district.equals(this.runDistrict)) {
			this.inRun = true;
			this.runStated = false;
			this.units.addUnit(county, precinct, office, district);
			this.runCounty = county;
			this.runPrecinct = precinct;
			this.runOffice = office;
			this.runDistrict = district;
		}
		if (!stated) {
			return true;
		}
		long[] progress = this.cells.progress;
		if (!this.runStated) {
			this.runStated = true;
			this.runRow = row;
			System.arraycopy(progress, 0, this.runProgress, 0, progress.length);
			this.sink.progress(
					new ProgressRow(row, county, precinct, office, district, integer(progress[0]), integer(progress[1]),
							boxed(progress[2]), boxed(progress[3]), boxed(progress[4]), boxed(progress[5])));
			return true;
		}
		boolean agrees = true;
		for (int i = 0; i < progress.length; i++) {
			if (progress[i] != this.runProgress[i]) {
				int column = this.cells.progressColumns[i];
				String was = (this.runProgress[i] != NONE) ? String.valueOf(this.runProgress[i]) : "blank";
				this.cells.report(row, column, this.csv.text(column), "differs from row " + this.runRow
						+ " of the same precinct and contest (" + was + "): progress must agree");
				agrees = false;
			}
		}
		return agrees;
	}

	private static Integer integer(long value) {
		return (value != NONE) ? (int) value : null;
	}

	private static Long boxed(long value) {
		return (value != NONE) ? value : null;
	}

}
