package org.tally.support;

/**
 * The admin account every test context starts with.
 */
public final class Staff {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "test-admin-password";

	private Staff() {
	}

}
