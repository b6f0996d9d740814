package org.tally.ingest.rctab;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.tally.ingest.kit.ChoiceNameNormaliser;
import org.tally.ingest.kit.JsonFiles;
import org.tally.ingest.kit.NameKeys;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.RankedRounds;

/**
 * One round of an RCTab report read into {@link RankedRounds.Round}: its tallies,
 * transfers, elected and eliminated choices, inactive ballots and threshold, and the
 * report's counts and problems as {@link RctabReader} reads them.
 */
final class RctabRound {

	/**
	 * The inactive pile under the names reports give it (RCVis's RCTab-style JSON keeps
	 * it in the tally as "Inactive ballots"), in letters only, lower case: never a
	 * candidate.
	 */
	private static final Set<String> INACTIVE = Set.of("exhausted", "exhaustedballots", "exhaustedchoices", "inactive",
			"inactiveballots", "inactiveballot", "inactivevotes");

	/** STV's rounding remainder ("residual surplus"): moves to nobody. */
	static final String RESIDUAL = "residualsurplus";

	private RctabRound() {
	}

	static RankedRounds.Round round(JsonNode node, String at, int expected, List<Problem> problems,
			Map<String, String> written) {
		if (!node.isObject()) {
			problems.add(problemAt(at, null, "a round must be an object"));
			return null;
		}
		int number = node.path("round").asInt(-1);
		if (number != expected) {
			problems.add(problemAt(at + "/round", node.path("round").asString(""),
					"rounds must be numbered 1, 2, 3... in order (expected " + expected + ")"));
		}
		Map<String, BigDecimal> tallies = new LinkedHashMap<>();
		JsonNode tally = node.path("tally");
		if (!tally.isObject() || tally.isEmpty()) {
			problems.add(problemAt(at + "/tally", null, "a round needs a tally of its choices"));
		}
		BigDecimal pile = null;
		for (Map.Entry<String, JsonNode> entry : tally.properties()) {
			BigDecimal votes = number(entry.getValue(), at + "/tally/" + JsonFiles.pointerStep(entry.getKey()),
					problems, false);
			if (votes != null && isInactive(entry.getKey())) {
				pile = votes;
			}
			else if (votes != null) {
				if (entry.getKey().isBlank() || entry.getKey().length() > 300) {
					problems
						.add(problemAt(at + "/tally", entry.getKey(), "a choice needs a name of 1 to 300 characters"));
				}
				tallies.put(choice(entry.getKey(), written), votes);
			}
		}
		Map<String, BigDecimal> transfers = new LinkedHashMap<>();
		List<String> elected = new ArrayList<>();
		List<String> eliminated = new ArrayList<>();
		BigDecimal exhausted = results(node.path("tallyResults"), at, tallies, transfers, elected, eliminated, problems,
				written);
		Map<String, BigDecimal> inactive = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.path("inactiveBallots").properties()) {
			BigDecimal votes = number(entry.getValue(),
					at + "/inactiveBallots/" + JsonFiles.pointerStep(entry.getKey()), problems, false);
			if (votes != null) {
				inactive.put(entry.getKey(), votes);
			}
		}
		if (pile != null) {
			// RCVis's layout: the pile's size so far, without reasons
			inactive.putIfAbsent("exhaustedChoices", pile);
		}
		BigDecimal threshold = number(node.path("threshold"), at + "/threshold", problems, true);
		return new RankedRounds.Round(number, threshold, tallies, transfers, exhausted, elected, eliminated, inactive);
	}

	/**
	 * A round's {@code tallyResults}: who was elected or eliminated and where their
	 * ballots went.
	 * @return the ballots that went to the inactive pile
	 */
	private static BigDecimal results(JsonNode results, String at, Map<String, BigDecimal> tallies,
			Map<String, BigDecimal> transfers, List<String> elected, List<String> eliminated, List<Problem> problems,
			Map<String, String> written) {
		BigDecimal exhausted = BigDecimal.ZERO;
		for (int r = 0; r < results.size(); r++) {
			JsonNode result = results.get(r);
			String from = null;
			if (result.hasNonNull("elected")) {
				from = choice(result.path("elected").asString(""), written);
				elected.add(from);
			}
			if (result.hasNonNull("eliminated")) {
				from = choice(result.path("eliminated").asString(""), written);
				eliminated.add(from);
			}
			if (from != null && !tallies.containsKey(from)) {
				problems.add(problemAt(at + "/tallyResults/" + r, from, "names a choice this round has no tally for"));
			}
			BigDecimal moved = BigDecimal.ZERO;
			for (Map.Entry<String, JsonNode> entry : result.path("transfers").properties()) {
				BigDecimal votes = number(entry.getValue(),
						at + "/tallyResults/" + r + "/transfers/" + JsonFiles.pointerStep(entry.getKey()), problems,
						false);
				if (votes == null) {
					continue;
				}
				moved = moved.add(votes);
				if (isInactive(entry.getKey())) {
					exhausted = exhausted.add(votes);
				}
				else if (!NameKeys.letters(entry.getKey()).equals(RESIDUAL)) {
					transfers.merge(choice(entry.getKey(), written), votes, BigDecimal::add);
				}
			}
			if (from != null) {
				transfers.merge(from, moved.negate(), BigDecimal::add);
			}
		}
		return exhausted;
	}

	/** Whether a tally or transfer key names the inactive pile, not a candidate. */
	static boolean isInactive(String key) {
		return key.length() <= 40 && INACTIVE.contains(NameKeys.letters(key));
	}

	/**
	 * A choice's name through the one normaliser, the first way the report wrote it kept
	 * for audit.
	 */
	static String choice(String name, Map<String, String> written) {
		String stripped = name.strip();
		if (stripped.isEmpty()) {
			return stripped;
		}
		String normalised = ChoiceNameNormaliser.name(stripped);
		written.putIfAbsent(normalised, stripped);
		return normalised;
	}

	/** A count written as a string ("28951") or a number; {@code null} when missing. */
	static BigDecimal number(JsonNode node, String at, List<Problem> problems, boolean optional) {
		if (node.isMissingNode() || node.isNull()) {
			if (!optional) {
				problems.add(problemAt(at, null, "missing count"));
			}
			return null;
		}
		String text = node.isNumber() ? node.decimalValue().toPlainString() : node.asString("").strip();
		try {
			BigDecimal value = new BigDecimal(text);
			if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
				problems.add(problemAt(at, text, "a count must be between 0 and 10^12"));
				return null;
			}
			return value;
		}
		catch (NumberFormatException ex) {
			problems.add(problemAt(at, text, "not a number"));
			return null;
		}
	}

	/**
	 * A problem at a JSON pointer: RCTab reports have no lines worth naming, so the
	 * pointer says where (docs/contract.md §3's {@code location}), and {@code column}
	 * names the member.
	 */
	static Problem problemAt(String pointer, String value, String message) {
		String member = (pointer != null) ? pointer.substring(pointer.lastIndexOf('/') + 1) : null;
		return new Problem(0, (member == null || member.isEmpty() || member.chars().allMatch(Character::isDigit)) ? null
				: member.replace("~1", "/").replace("~0", "~"), value, message, pointer);
	}

}
