package org.tally.staff;

/**
 * The client's address alone (as {@link ClientAddresses#key(String)} keeps it), as the
 * audit log shows a sign-in and a refused password change.
 */
record AddressSnapshot(String address) {

}
