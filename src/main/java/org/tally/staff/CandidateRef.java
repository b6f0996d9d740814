package org.tally.staff;

/**
 * The candidate a staff write created or changed.
 *
 * @param id the candidate's id, for later changes
 */
record CandidateRef(long id) {

}
