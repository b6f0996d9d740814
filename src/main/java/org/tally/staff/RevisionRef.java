package org.tally.staff;

/**
 * What a call or concession change answers.
 *
 * @param revision the election revision that carries the change
 */
record RevisionRef(long revision) {

}
