package org.tally.ingest.kit;

import org.jspecify.annotations.Nullable;

/**
 * A file's own key for one of its contests, choices or reporting units, with the names
 * the rows use for it: the import identifies by the key what it identified by name, and
 * keeps the key (V18, {@code source_key}) so that a later file of the same source decides
 * identity by it (docs/import.md, Identity by key). A reader sends each key to
 * {@link RowSink#key(SourceKey)} before the rows that use it.
 *
 * @param kind what the key names
 * @param scope the source the key is unique within ("clarity:Allegheny",
 * "nist:&lt;issuer&gt;", "ap:KY", "rctab"); keys of two scopes never meet
 * @param key the key as the file writes it; a choice's key includes its contest's
 * ("0382/001") where the format's choice keys are unique only within a contest
 * @param office the contest's office as the rows give it (after any relabelling), for
 * contests and choices
 * @param district the contest's district as the rows give it ("" when none)
 * @param choice the choice's name as the rows give it, for choices
 * @param county the unit's county as the rows give it, for units
 * @param precinct the unit's precinct, or {@code null} for a county-level unit
 * @param written the name as the file writes it for this key (the contest's text before
 * any relabelling, the choice's name before normalising): what is kept and compared with
 * a later file's
 * @param row the line of the element or object holding the key
 * @param location its element path or JSON pointer
 */
public record SourceKey(Kind kind, String scope, String key, @Nullable String office, @Nullable String district,
		@Nullable String choice, @Nullable String county, @Nullable String precinct, String written, long row,
		@Nullable String location) {

	/** A contest's key. */
	public static SourceKey contest(String scope, String key, String office, String district, String written, long row,
			String location) {
		return new SourceKey(Kind.CONTEST, scope, key, office, district, null, null, null, written, row, location);
	}

	/** A choice's key, within its contest. */
	public static SourceKey choice(String scope, String key, String office, String district, String choice,
			String written, long row, String location) {
		return new SourceKey(Kind.CHOICE, scope, key, office, district, choice, null, null, written, row, location);
	}

	/** A reporting unit's key. */
	public static SourceKey unit(String scope, String key, String county, String precinct, String written, long row,
			String location) {
		return new SourceKey(Kind.UNIT, scope, key, null, null, null, county, precinct, written, row, location);
	}

	/** What a key names, as {@code source_key.kind} spells it. */
	public enum Kind {

		CONTEST("contest"), CHOICE("choice"), UNIT("unit");

		private final String code;

		Kind(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

	}

}
