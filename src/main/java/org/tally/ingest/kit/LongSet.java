package org.tally.ingest.kit;

import java.util.Arrays;

/**
 * A set of non-negative longs in one array (open addressing), for the distinct units a
 * contest's counts name: a {@code HashSet<Long>} would cost a boxed object per entry.
 */
public final class LongSet {

	private static final long EMPTY = -1;

	private long[] slots = new long[16];

	private int size;

	public LongSet() {
		Arrays.fill(this.slots, EMPTY);
	}

	/** Adds a value (zero or more); answers whether it was new. */
	public boolean add(long value) {
		if (value < 0) {
			throw new IllegalArgumentException("LongSet holds non-negative values, not " + value);
		}
		if ((this.size + 1) * 2 > this.slots.length) {
			grow();
		}
		int mask = this.slots.length - 1;
		int at = mix(value) & mask;
		while (this.slots[at] != EMPTY) {
			if (this.slots[at] == value) {
				return false;
			}
			at = (at + 1) & mask;
		}
		this.slots[at] = value;
		this.size++;
		return true;
	}

	public int size() {
		return this.size;
	}

	private void grow() {
		long[] old = this.slots;
		this.slots = new long[old.length * 2];
		Arrays.fill(this.slots, EMPTY);
		this.size = 0;
		for (long value : old) {
			if (value != EMPTY) {
				add(value);
			}
		}
	}

	private static int mix(long value) {
		long h = value * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32));
	}

}
