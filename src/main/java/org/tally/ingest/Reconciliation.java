package org.tally.ingest;

import java.util.ArrayList;
import java.util.List;

import org.tally.ingest.kit.StatedTotal;

/**
 * What an import found when it compared every total the file states with what Tally
 * computes from the file's rows: how many it checked, how many agreed, and each one that
 * did not (the first {@value #LISTED}). Part of every import result and kept with the
 * import in its history (docs/import.md, Reconciliation).
 *
 * @param checked the stated totals compared
 * @param agreed those equal to what Tally computes
 * @param disagreements the first disagreements, in file order
 */
public record Reconciliation(long checked, long agreed, List<StatedTotal> disagreements) {

	/** How many disagreements are listed; {@code checked - agreed} counts all. */
	public static final int LISTED = 100;

	public static final Reconciliation NONE = new Reconciliation(0, 0, List.of());

	public Reconciliation {
		disagreements = List.copyOf(disagreements);
	}

	/** Whether every stated total agrees. */
	public boolean allAgree() {
		return this.checked == this.agreed;
	}

	/** Collects the stated totals of one reading of a file. */
	public static final class Tally {

		private long checked;

		private long agreed;

		private final List<StatedTotal> disagreements = new ArrayList<>();

		public void add(StatedTotal total) {
			this.checked++;
			if (total.agrees()) {
				this.agreed++;
			}
			else if (this.disagreements.size() < LISTED) {
				this.disagreements.add(total);
			}
		}

		/** Forgets what a first reading found, before the file is read again. */
		public void clear() {
			this.checked = 0;
			this.agreed = 0;
			this.disagreements.clear();
		}

		public Reconciliation result() {
			return new Reconciliation(this.checked, this.agreed, this.disagreements);
		}

	}

}
