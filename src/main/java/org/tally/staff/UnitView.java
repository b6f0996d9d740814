package org.tally.staff;

/**
 * A reporting unit as staff read it on the election's setup page; {@code parent} is the
 * code of the unit it belongs to, or {@code null}. {@link ReportingUnitRequest} writes it
 * (and is the audit log's entry of the unit added).
 */
record UnitView(String code, String name, String level, String parent) {

}
