package org.tally.staff;

/**
 * A status alone, as the audit log shows it: an election's status before and after a
 * change, and a contest's call before the first one ({@code not-called}).
 */
record StatusSnapshot(String status) {

}
