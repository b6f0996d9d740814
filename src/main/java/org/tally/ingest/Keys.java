package org.tally.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.SourceKey;

/**
 * The keys of one import (docs/import.md, Identity by key): those earlier files of the
 * election gave its contests, choices and units ({@code source_key}, V18), and those this
 * file gives the names its rows use ({@link SourceKey}). {@link ElectionNames} asks here
 * first: a key an earlier file used names the same row again, whatever name the file now
 * writes (a changed name is a warning naming the row); a new key is matched by name and
 * kept with what it matched ({@link #used()}). The stored keys are read as the file
 * brings its own ({@link Loader}): those it noted, in one query when the first is looked
 * up, and a contest's bound keys when its name is matched by a new key.
 */
final class Keys {

	/** What Keys reads of {@code source_key}. */
	interface Loader {

		/** An election without keys: nothing to read. */
		Loader NONE = new Loader() {

			@Override
			public List<Stored> stored(List<SourceKey> keys) {
				return List.of();
			}

			@Override
			public List<Stored> contestKeys(long contestId) {
				return List.of();
			}

			@Override
			public List<Stored> choiceKeys(long choiceId) {
				return List.of();
			}

		};

		/** The rows of these keys that earlier files kept. */
		List<Stored> stored(List<SourceKey> keys);

		/** The contest keys earlier files bound this contest to, in every scope. */
		List<Stored> contestKeys(long contestId);

		/** The choice keys earlier files bound this choice to, in every scope. */
		List<Stored> choiceKeys(long choiceId);

	}

	/** Keys one file may bring; beyond, names decide (with the keys kept so far). */
	private static final int MAX_KEYS = 200_000;

	private final Map<String, Stored> stored = new HashMap<>();

	/** Per scope and contest id, the contest key an earlier file bound it to. */
	private final Map<String, String> boundContests = new HashMap<>();

	private final Map<Label, SourceKey> contests = new HashMap<>();

	private final Map<Label, SourceKey> choices = new HashMap<>();

	private final Map<Label, SourceKey> units = new HashMap<>();

	private final Map<String, Long> choiceIds = new HashMap<>();

	private final Map<String, Used> used = new LinkedHashMap<>();

	private final Set<String> warned = new HashSet<>();

	private final List<Problem> warnings = new ArrayList<>();

	private final Loader loader;

	/** Keys this file noted that are not looked up in {@code source_key} yet. */
	private final Map<String, SourceKey> pending = new LinkedHashMap<>();

	/** Keys looked up already. */
	private final Set<String> read = new HashSet<>();

	/** Contests whose bound keys were read. */
	private final Set<Long> boundRead = new HashSet<>();

	/**
	 * Per scope and choice id, the choice key an earlier file or this one bound it to.
	 */
	private final Map<String, String> boundChoices = new HashMap<>();

	/** Choices whose bound keys were read. */
	private final Set<Long> boundChoicesRead = new HashSet<>();

	Keys(Loader loader) {
		this.loader = loader;
	}

	/** Reads the stored rows of the keys noted since the last lookup, in one query. */
	private void readPending() {
		if (this.pending.isEmpty()) {
			return;
		}
		for (Stored key : this.loader.stored(List.copyOf(this.pending.values()))) {
			this.stored.put(id(key.kind(), key.scope(), key.key()), key);
			if (key.kind() == SourceKey.Kind.CHOICE) {
				this.boundChoices.putIfAbsent(key.scope() + "\u0000" + key.id(), key.key());
			}
		}
		this.read.addAll(this.pending.keySet());
		this.pending.clear();
	}

	/** Notes a key of this file for the names its rows use. */
	void file(SourceKey key) {
		int size = this.contests.size() + this.choices.size() + this.units.size();
		if (size >= MAX_KEYS || key.key() == null || key.key().isBlank()) {
			return;
		}
		switch (key.kind()) {
			case CONTEST -> this.contests.put(new Label(key.office(), key.district(), null), key);
			case CHOICE -> this.choices.put(new Label(key.office(), key.district(), key.choice()), key);
			case UNIT -> this.units.put(new Label(key.county(), key.precinct(), null), key);
		}
		String id = id(key.kind(), key.scope(), key.key());
		if (!this.read.contains(id)) {
			this.pending.putIfAbsent(id, key);
		}
	}

	/** This file's key for a contest's names, or {@code null}. */
	SourceKey contest(String office, String district) {
		return this.contests.isEmpty() ? null : this.contests.get(new Label(office, district, null));
	}

	/** This file's key for a choice's names, or {@code null}. */
	SourceKey choice(String office, String district, String choice) {
		return this.choices.isEmpty() ? null : this.choices.get(new Label(office, district, choice));
	}

	/** This file's key for a unit's names, or {@code null}. */
	SourceKey unit(String county, String precinct) {
		return this.units.isEmpty() ? null : this.units.get(new Label(county, precinct, null));
	}

	/**
	 * What an earlier file's key named, or {@code null} for a key new to the election.
	 */
	Stored stored(SourceKey key) {
		readPending();
		return this.stored.get(id(key.kind(), key.scope(), key.key()));
	}

	/**
	 * The choice an earlier file gave this key, when it is a choice of the contest;
	 * {@code null} when the key is new (the name then decides).
	 */
	Long choiceId(SourceKey key, long contestId) {
		String id = id(key.kind(), key.scope(), key.key());
		Long known = this.choiceIds.get(id);
		if (known != null || this.choiceIds.containsKey(id)) {
			return known;
		}
		readPending();
		Stored stored = this.stored.get(id);
		Long choice = null;
		if (stored != null && Objects.equals(stored.contestId(), contestId)) {
			choice = stored.id();
			found(key, stored, choice, contestId);
		}
		this.choiceIds.put(id, choice);
		return choice;
	}

	/**
	 * Notes that an earlier file's key found its row again: kept, and a warning naming
	 * the row when the file now writes another name for it.
	 */
	void found(SourceKey key, Stored stored, long id, Long contestId) {
		use(key, id, contestId);
		if (!stored.label().equals(key.written()) && this.warned.add(id(key.kind(), key.scope(), key.key()))
				&& this.warnings.size() < 100) {
			this.warnings.add(new Problem(key.row(), "key", key.key(),
					key.kind().code() + " key " + key.key() + " was '" + stored.label()
							+ "' in an earlier file and is '" + key.written() + "' in this one: read as the same "
							+ key.kind().code() + " as before (the key decides, the name is a label)",
					key.location()));
		}
	}

	/**
	 * Whether an earlier file bound the contest to another key of this key's scope: two
	 * keys with one name stay two contests.
	 */
	boolean boundToAnother(SourceKey key, long contestId) {
		if (this.boundRead.add(contestId)) {
			for (Stored bound : this.loader.contestKeys(contestId)) {
				this.boundContests.putIfAbsent(bound.scope() + "\u0000" + contestId, bound.key());
			}
		}
		String bound = this.boundContests.get(key.scope() + "\u0000" + contestId);
		return bound != null && !bound.equals(key.key());
	}

	/**
	 * Warns that a new key with a known contest's name was given a contest of its own.
	 */
	void relabelled(SourceKey key, long contestId, String label) {
		if (this.warnings.size() < 100) {
			this.warnings.add(new Problem(key.row(), "key", key.key(),
					"contest key " + key.key() + " has the name of contest key "
							+ this.boundContests.get(key.scope() + "\u0000" + contestId) + " ('" + key.written()
							+ "') of an earlier file: two contests, this one read as '" + label + "'",
					key.location()));
		}
	}

	/**
	 * The key another choice key of this key's scope bound the choice to (an earlier
	 * file's, or this file's), or {@code null}: a new key with a bound choice's name is a
	 * choice of its own (docs/import.md, Identity by key).
	 */
	String choiceBoundToAnother(SourceKey key, long choiceId) {
		if (this.boundChoicesRead.add(choiceId)) {
			for (Stored stored : this.loader.choiceKeys(choiceId)) {
				this.boundChoices.putIfAbsent(stored.scope() + "\u0000" + choiceId, stored.key());
			}
		}
		String bound = this.boundChoices.get(key.scope() + "\u0000" + choiceId);
		return (bound != null && !bound.equals(key.key())) ? bound : null;
	}

	/**
	 * Notes the choice a new choice key was given (its own, when the name was another
	 * key's), so its next rows find it by the key, and warns once when it was relabelled.
	 */
	void choiceGiven(SourceKey key, long id, long contestId, String boundKey, String label) {
		this.choiceIds.put(id(key.kind(), key.scope(), key.key()), (id >= 0) ? id : null);
		if (boundKey != null && this.warned.add(id(key.kind(), key.scope(), key.key())) && this.warnings.size() < 100) {
			this.warnings.add(new Problem(key.row(), "key", key.key(),
					"choice key " + key.key() + " has the name of choice key " + boundKey + " ('" + key.choice()
							+ "'): two choices, this one read as '" + label
							+ "' (the key decides, the name is a label)",
					key.location()));
		}
		use(key, id, contestId);
	}

	/** Keeps a key of this file with the id it names (the first id wins). */
	void use(SourceKey key, long id, Long contestId) {
		if (id < 0 || this.used.size() >= MAX_KEYS) {
			return;
		}
		if (this.used.putIfAbsent(id(key.kind(), key.scope(), key.key()), new Used(key, id, contestId)) == null
				&& key.kind() == SourceKey.Kind.CHOICE) {
			this.boundChoices.putIfAbsent(key.scope() + "\u0000" + id, key.key());
		}
	}

	List<Used> used() {
		return List.copyOf(this.used.values());
	}

	List<Problem> warnings() {
		return this.warnings;
	}

	private static String id(SourceKey.Kind kind, String scope, String key) {
		return kind.code() + "\u0000" + scope + "\u0000" + key;
	}

	/**
	 * A key an earlier file gave: the id of the contest, choice or unit it names, the
	 * choice's contest, and the name last written for it.
	 */
	record Stored(SourceKey.Kind kind, String scope, String key, long id, Long contestId, String label) {
	}

	/** A key this file used, with the id it names (and a choice's contest). */
	record Used(SourceKey key, long id, Long contestId) {
	}

	private record Label(String first, String second, String third) {
	}

	/**
	 * A choice key as a label shows it: its last part ("004" of Clarity's "0381/004", a
	 * candidateID of AP's "raceID/candidateID").
	 */
	static String shortKey(SourceKey key) {
		return key.key().substring(key.key().lastIndexOf('/') + 1);
	}

}
