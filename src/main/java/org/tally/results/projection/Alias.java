package org.tally.results.projection;

import java.util.SplittableRandom;

/**
 * Walker's alias table: draws an index with probability proportional to its weight in
 * O(1), whatever the number of units.
 */
final class Alias {

	private final double[] keep;

	private final int[] alias;

	Alias(double[] weights) {
		int n = weights.length;
		this.keep = new double[n];
		this.alias = new int[n];
		double sum = 0;
		for (double w : weights) {
			sum += w;
		}
		int[] small = new int[n];
		int[] large = new int[n];
		int smalls = 0;
		int larges = 0;
		for (int i = 0; i < n; i++) {
			this.keep[i] = weights[i] * n / sum;
			this.alias[i] = i;
			if (this.keep[i] < 1) {
				small[smalls++] = i;
			}
			else {
				large[larges++] = i;
			}
		}
		while (smalls > 0 && larges > 0) {
			int less = small[--smalls];
			int more = large[larges - 1];
			this.alias[less] = more;
			this.keep[more] -= 1 - this.keep[less];
			if (this.keep[more] < 1) {
				larges--;
				small[smalls++] = more;
			}
		}
		while (larges > 0) {
			this.keep[large[--larges]] = 1;
		}
		while (smalls > 0) {
			this.keep[small[--smalls]] = 1;
		}
	}

	/** An index drawn in proportion to its weight. */
	int draw(SplittableRandom random) {
		int unit = random.nextInt(this.keep.length);
		return (random.nextDouble() < this.keep[unit]) ? unit : this.alias[unit];
	}

}
