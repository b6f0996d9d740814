package org.tally.ingest;

import java.util.Set;

import org.tally.ingest.kit.States;
import org.tally.results.ElectionKind;
import org.tally.results.Rule;

/**
 * The election an import applies to, as the import needs it: read once, before the body
 * is received, and trusted under the election's row lock.
 */
record ElectionRef(long id, String slug, String kind, String jurisdiction, boolean test) {

	/**
	 * The states whose primaries are top-two for every office they hold (California's and
	 * Washington's "top-two" primaries): their first two advance whatever their party.
	 */
	private static final Set<String> TOP_TWO_STATES = Set.of("CA", "WA");

	/**
	 * How a contest created by this import picks its winners when the file does not say
	 * (docs/import.md, "Rules of new contests"): a {@code primary} or
	 * {@code special-primary} of California or Washington is top-two, every other
	 * election plurality (a party primary's nominee is its top vote-getter).
	 */
	String winnerRule() {
		boolean primary = ElectionKind.find(this.kind).map(ElectionKind::primary).orElse(false);
		return (primary && TOP_TWO_STATES.contains(String.valueOf(States.postalCode(this.jurisdiction))))
				? Rule.TOP_TWO.code() : Rule.PLURALITY.code();
	}

}
