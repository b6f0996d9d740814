package org.tally.staff;

/**
 * An account change refused for want of proof or right: a missing or wrong current
 * password, someone else's account, or a throttled address. Answered 403 (429 with
 * {@code Retry-After} when throttled) on the API, an error message on the pages.
 */
public class AccountChangeRefusedException extends RuntimeException {

	private final long retryAfterSeconds;

	private AccountChangeRefusedException(String message, long retryAfterSeconds) {
		super(message);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	static AccountChangeRefusedException because(String message) {
		return new AccountChangeRefusedException(message, 0);
	}

	static AccountChangeRefusedException throttled(long seconds) {
		return new AccountChangeRefusedException(
				"Too many wrong passwords for this account from this address; try again in " + seconds + " s.",
				seconds);
	}

	/** Seconds to wait, or 0 when the refusal is not a throttle. */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
