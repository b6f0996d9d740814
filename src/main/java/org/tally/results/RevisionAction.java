package org.tally.results;

/**
 * The fields of a revision's action in the chain (docs/verify.md): a record whose
 * components are the action's members, written as canonical JSON ({@link CanonicalJson}).
 * {@link Revisions} adds the actor's {@code role}, and the revision's kind as
 * {@code type} where the record has no {@code type}.
 */
public interface RevisionAction {

	/**
	 * A change staff or a file made that a note describes: {@code {"note","role","type"}}
	 * with the revision's kind as type.
	 */
	record Note(String note) implements RevisionAction {
	}

	/**
	 * The opening of an embargo: {@code {"publishAfter","role","type":"opening"}}.
	 *
	 * @param publishAfter the instant the embargo ended, in UTC as ISO-8601
	 */
	record Opening(String publishAfter) implements RevisionAction {
	}

}
