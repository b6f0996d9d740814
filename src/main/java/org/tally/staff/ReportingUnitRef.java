package org.tally.staff;

/**
 * The reporting unit a staff write created.
 *
 * @param code the unit's code in the election (a county or precinct code)
 */
record ReportingUnitRef(String code) {

}
