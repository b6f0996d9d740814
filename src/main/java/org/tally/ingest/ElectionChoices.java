package org.tally.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.NameSkeleton;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProblemCollector;
import org.tally.ingest.kit.SourceKey;

/**
 * The choices of one election's contests under the names files use (part of
 * {@link ElectionNames}): found by the key an earlier file gave them, else by name in
 * their contest. Setup mode creates the choices a file names and a contest lacks, warning
 * of one that reads like another; strict mode keeps the unknown ones for the problem
 * list.
 */
final class ElectionChoices {

	private final boolean setup;

	private final ElectionNames.Ids ids;

	private final Keys keys;

	/** Problems with names setup mode cannot create, shared with units and contests. */
	private final List<Problem> badNames;

	private final List<ElectionNames.NewChoice> newChoices = new ArrayList<>();

	private final Map<ChoiceKey, UnknownName> unknownChoices = new LinkedHashMap<>();

	private final List<Problem> lookalikes = new ArrayList<>();

	ElectionChoices(boolean setup, ElectionNames.Ids ids, Keys keys, List<Problem> badNames) {
		this.setup = setup;
		this.ids = ids;
		this.keys = keys;
		this.badNames = badNames;
	}

	/**
	 * The id of the choice a count row names, or -1 when strict mode does not know it.
	 */
	long choice(ElectionNames.Contest contest, CountRow count) {
		SourceKey key = this.keys.choice(count.office(), count.district(), count.candidate());
		if (key != null) {
			Long keyed = this.keys.choiceId(key, contest.id);
			if (keyed != null) {
				return keyed;
			}
		}
		long id = choiceByName(contest, count);
		if (key != null && id >= 0) {
			// a new key with the name of a choice another key holds: a choice of its own
			String bound = this.keys.choiceBoundToAnother(key, id);
			CountRow own = (bound != null) ? count.named(count.candidate() + " (" + Keys.shortKey(key) + ")") : count;
			id = (bound != null) ? choiceByName(contest, own) : id;
			this.keys.choiceGiven(key, id, contest.id, bound, own.candidate());
		}
		return id;
	}

	private long choiceByName(ElectionNames.Contest contest, CountRow count) {
		Long id = contest.choices.get(count.candidate());
		if (id != null) {
			return id;
		}
		if (!this.setup) {
			this.unknownChoices.computeIfAbsent(new ChoiceKey(contest, count.candidate()),
					(key) -> new UnknownName(count.row(), "candidate", count.candidate(), count.location())).rows++;
			return -1;
		}
		if (count.candidate().length() > 300 || (count.party() != null && count.party().length() > 100)) {
			this.badNames.add(new Problem(count.row(), "candidate", count.candidate(),
					"cannot name a candidate: at most 300 characters, party at most 100"));
			contest.choices.put(count.candidate(), -1L);
			return -1;
		}
		lookalike(contest, count);
		long created = this.ids.next(ElectionNames.Sequence.CHOICE);
		this.newChoices.add(new ElectionNames.NewChoice(created, contest.id, count.candidate(), count.party(),
				Boolean.TRUE.equals(count.incumbent()), Boolean.TRUE.equals(count.writeIn()), count.row(),
				count.writtenName()));
		contest.choices.put(count.candidate(), created);
		return created;
	}

	/**
	 * Warns when a new choice reads like one the contest has under another name ("Аnn
	 * Lee" with a Cyrillic А beside "Ann Lee"): same {@link NameSkeleton}, other letters.
	 */
	private void lookalike(ElectionNames.Contest contest, CountRow count) {
		if (this.lookalikes.size() >= 1_000 || contest.choices.size() > 1_000) {
			return;
		}
		String skeleton = NameSkeleton.of(count.candidate());
		for (String known : contest.choices.keySet()) {
			if (!known.equals(count.candidate()) && NameSkeleton.of(known).equals(skeleton)) {
				this.lookalikes.add(new Problem(count.row(), "candidate", NameChecks.escaped(count.candidate()),
						"a new candidate in " + contest.name + " that reads like \"" + known
								+ "\" but is written with other characters (look-alike letters, e.g. Cyrillic or "
								+ "Greek, or another case): check it is not the same person",
						count.location()));
				return;
			}
		}
	}

	/** The warnings about new choices that read like others. */
	List<Problem> lookalikes() {
		return this.lookalikes;
	}

	/**
	 * The choices strict mode does not know, in the order of their first row, each with
	 * the closest name its contest has.
	 */
	void unknown(ProblemCollector problems) {
		this.unknownChoices
			.forEach((key, unknown) -> problems.add(unknown.problem("unknown candidate in " + key.contest().name + " ("
					+ unknown.rows + " rows)" + Closest.suggestion(unknown.value, key.contest().choices.keySet()))));
	}

	/** The choices setup mode creates. */
	List<ElectionNames.NewChoice> created() {
		return this.newChoices;
	}

	private record ChoiceKey(ElectionNames.Contest contest, String name) {
	}

}
