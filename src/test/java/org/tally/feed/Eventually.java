package org.tally.feed;

import java.util.function.Supplier;

/**
 * Retries an assertion for a few seconds: a change reaches the readers of an instance
 * through PostgreSQL NOTIFY, a few milliseconds after its commit.
 */
final class Eventually {

	private Eventually() {
	}

	static <T> T get(Supplier<T> attempt) {
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (true) {
			try {
				return attempt.get();
			}
			catch (AssertionError ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	/** Retries the check until it passes or the time is up (then its last failure). */
	static void within(java.time.Duration time, Check check) throws Exception {
		long deadline = System.nanoTime() + time.toNanos();
		while (true) {
			try {
				check.run();
				return;
			}
			catch (AssertionError | RuntimeException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				Thread.sleep(100);
			}
		}
	}

	interface Check {

		void run() throws Exception;

	}

}
