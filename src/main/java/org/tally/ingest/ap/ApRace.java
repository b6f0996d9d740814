package org.tally.ingest.ap;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import org.tally.ingest.kit.ChoiceNameNormaliser;
import org.tally.ingest.kit.JsonFiles;
import org.tally.ingest.kit.ReaderReport;
import org.tally.results.ContestNotes;
import org.tally.results.Rule;

/**
 * One race of an AP results file as {@link ApJsonReader}'s first reading keeps it: its
 * few fields, the levels of its reporting units, and each choice's votes in its state row
 * and summed over its counties, to compare the two (docs/import.md, "ap-json").
 */
final class ApRace {

	static final Set<String> COUNTY_LEVELS = Set.of("subunit", "county", "township", "fipscode");

	final long line;

	final String at;

	final Set<String> levels = new HashSet<>();

	/** Each choice's votes in the state row, by name as Tally keeps it. */
	final Map<String, Long> stateVotes = new LinkedHashMap<>();

	/** Each choice's votes summed over the county-level units. */
	final Map<String, Long> unitVotes = new LinkedHashMap<>();

	int counties;

	/**
	 * Whether a county-level unit bears the state's name (Alaska's only "subunit" is
	 * Alaska): its rows and the state row's would be one unit's.
	 */
	boolean stateNamedUnit;

	Boolean test;

	String id;

	String raceType;

	String raceTypeId;

	String officeId;

	String officeName;

	String seatName;

	String seatNum;

	String party;

	String state;

	Integer seats;

	/** AP's race-wide expected vote percentage, as written. */
	String eevp;

	boolean measure;

	boolean skipped;

	String office;

	String district;

	ApRace(long line, String at) {
		this.line = line;
		this.at = at;
	}

	/** The one level the race's units are counted at. */
	String countedLevel() {
		for (String level : this.levels) {
			if (COUNTY_LEVELS.contains(level)) {
				return "subunit";
			}
		}
		if (this.levels.contains("state")) {
			return "state";
		}
		return this.levels.contains("district") ? "district" : "none";
	}

	/**
	 * Whether the race's totals are its state row's while its counties keep their own
	 * rows: it has both (AP's state row is its tabulation of record).
	 */
	boolean stateTotals() {
		return this.levels.contains("state") && "subunit".equals(countedLevel()) && !this.stateNamedUnit;
	}

	/** Adds one unit's votes (first reading), by its level. */
	void add(String level, Map<String, Long> votes) {
		if ("state".equals(level)) {
			votes.forEach((name, count) -> this.stateVotes.merge(name, count, Long::sum));
		}
		else if (level != null && COUNTY_LEVELS.contains(level)) {
			this.counties++;
			votes.forEach((name, count) -> this.unitVotes.merge(name, count, Long::sum));
		}
	}

	/**
	 * Per choice, the state row's votes minus the counties' sum, where they differ; empty
	 * when they agree; {@code null} when the race does not have both.
	 */
	Map<String, Long> unitsDifferBy() {
		if (!stateTotals()) {
			return null;
		}
		Map<String, Long> differences = new LinkedHashMap<>();
		Set<String> names = new LinkedHashSet<>(this.stateVotes.keySet());
		names.addAll(this.unitVotes.keySet());
		for (String name : names) {
			long difference = this.stateVotes.getOrDefault(name, 0L) - this.unitVotes.getOrDefault(name, 0L);
			if (difference != 0) {
				differences.put(name, difference);
			}
		}
		return differences;
	}

	/**
	 * What the race's figures are: AP reports Iowa's Democratic caucuses (race type
	 * "Caucus" with party "Dem", or type id "E") in state delegate equivalents, not
	 * votes. {@code null} for votes.
	 */
	String countsAre() {
		boolean caucus = "E".equals(this.raceTypeId)
				|| (this.raceType != null && this.raceType.toLowerCase(Locale.ROOT).contains("caucus"));
		boolean democratic = "E".equals(this.raceTypeId) || "dem".equalsIgnoreCase(this.party);
		return (caucus && democratic && "IA".equalsIgnoreCase(this.state)) ? ContestNotes.STATE_DELEGATE_EQUIVALENTS
				: null;
	}

	/**
	 * The rule the race says it is decided by: a party's primary or caucus nominates its
	 * top vote-getter (plurality) even in a top-two state; AP's "top two" race types
	 * advance two. {@code null} when the race does not say.
	 */
	String rule() {
		String type = (this.raceType != null) ? this.raceType.toLowerCase(Locale.ROOT) : "";
		if (type.contains("top two") || type.contains("top-two")) {
			return Rule.TOP_TWO.code();
		}
		return (this.party != null && !this.measure) ? Rule.PLURALITY.code() : null;
	}

	/** "Yes +4385, No +3625": what {@link #unitsDifferBy} holds, or {@code null}. */
	String differences() {
		Map<String, Long> differ = unitsDifferBy();
		if (differ == null || differ.isEmpty()) {
			return null;
		}
		StringBuilder by = new StringBuilder();
		differ.forEach((name, votes) -> by.append((by.length() > 0) ? ", " : "")
			.append(name)
			.append(' ')
			.append((votes > 0) ? "+" : "")
			.append(votes));
		return by.toString();
	}

	/**
	 * The first reading of one of the race's reporting units: its level and state, and
	 * its votes, to compare a state row with its counties.
	 */
	void readUnit(JsonParser p, String jurisdiction, ReaderReport report) {
		if (p.currentToken() != JsonToken.START_OBJECT) {
			report.problem(JsonFiles.problem(p, "a reporting unit should be a JSON object"));
			p.skipChildren();
			return;
		}
		String level = null;
		Map<String, Long> votes = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		while (p.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = p.currentName();
			p.nextToken();
			if (name.equals("level") && p.currentToken() == JsonToken.VALUE_STRING) {
				level = p.getString().toLowerCase(Locale.ROOT);
				this.levels.add(level);
			}
			else if (name.equals("candidates") && p.currentToken() == JsonToken.START_ARRAY) {
				votes(JsonFiles.tree(p), votes);
			}
			else if ((name.equals("reportingunitName") || name.equals("stateName"))
					&& p.currentToken() == JsonToken.VALUE_STRING) {
				names.put(name, p.getString().strip().toLowerCase(Locale.ROOT));
			}
			else if (name.equals("statePostal") && this.state == null && p.currentToken() == JsonToken.VALUE_STRING) {
				this.state = JsonFiles.blankToNull(p.getString());
			}
			else {
				p.skipChildren();
			}
		}
		add(level, votes);
		String unitName = names.get("reportingunitName");
		if (level != null && COUNTY_LEVELS.contains(level) && unitName != null) {
			this.stateNamedUnit |= unitName.equals(names.get("stateName"))
					|| unitName.equals(jurisdiction.strip().toLowerCase(Locale.ROOT));
		}
	}

	/** A candidate's name as AP writes it: first, middle, last and suffix. */
	static String name(JsonNode candidate) {
		StringBuilder name = new StringBuilder();
		for (String part : new String[] { "first", "middle", "last", "suffix" }) {
			String text = JsonFiles.string(candidate, part);
			if (text != null) {
				name.append((name.length() > 0) ? " " : "").append(text);
			}
		}
		return (name.length() > 0) ? name.toString() : null;
	}

	/** One of the race's own scalar fields (first reading). */
	void field(String name, JsonParser p) {
		String value = JsonFiles.blankToNull(p.getValueAsString());
		switch (name) {
			case "test" -> this.test = p.currentToken().isBoolean() ? p.currentToken() == JsonToken.VALUE_TRUE : null;
			case "raceID" -> this.id = value;
			case "raceType" -> this.raceType = value;
			case "raceTypeID" -> this.raceTypeId = value;
			case "officeID" -> this.officeId = value;
			case "officeName" -> this.officeName = value;
			case "seatName" -> this.seatName = value;
			case "seatNum" -> this.seatNum = value;
			case "party" -> this.party = value;
			case "statePostal" -> this.state = value;
			case "numWinners" -> this.seats = seats(value);
			case "eevp" -> this.eevp = value;
			default -> {
			}
		}
	}

	private static Integer seats(String value) {
		if (value != null && value.matches("[0-9]{1,3}")) {
			int seats = Integer.parseInt(value);
			return (seats >= 1 && seats <= 100) ? seats : null;
		}
		return null;
	}

	/** A unit's votes by choice name as Tally keeps it (first reading). */
	static void votes(JsonNode candidates, Map<String, Long> votes) {
		for (JsonNode candidate : candidates) {
			String written = name(candidate);
			Long count = JsonFiles.count(candidate.get("voteCount"));
			if (written != null && count != null) {
				votes.merge(ChoiceNameNormaliser.name(written), count, Long::sum);
			}
		}
	}

}
