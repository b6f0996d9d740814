package org.tally.web.map;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tally.kernel.Slugs;
import org.tally.results.CandidateResult;
import org.tally.results.ContestResult;
import org.tally.results.Margin;
import org.tally.results.ResultsService;
import org.tally.results.UnitResult;
import org.tally.results.projection.ContestShift;
import org.tally.web.text.ReaderFormat;

/**
 * A contest's counties as an SVG map for a page: each county filled by its leader and the
 * size of its lead, drawn inside its state's outline. Who leads and by how much come from
 * the read model ({@link ResultsService#reportingUnits} and {@link Margin}); this only
 * chooses colours, marks and words. Colour is never the only signal: each leader has its
 * own mark (plain, stripes, dots, cross-hatch) shown in the legend, every county names
 * its numbers in its {@code <title>}, and the table beside the map says it all as text.
 *
 * @param id prefix of the ids in the SVG (patterns), unique on the page
 * @param state the state's name
 * @param width the view box's width
 * @param height the view box's height
 * @param outline the state's outline path
 * @param tile the size of a pattern's tile, in view-box units
 * @param stroke county borders' width, in view-box units
 * @param areas one per county with a shape
 * @param leaders the legend: each leader's colour and mark
 * @param buckets the legend's margin steps
 * @param rows the text alternative, a row per county, in name order
 * @param missing counties of the contest that have no shape
 * @param shifts the legend of the map by shift (the two choices the shift is toward),
 * empty when the contest has no baseline
 * @param shiftBuckets the shift's steps in the legend, empty without a baseline
 * @param baseline the baseline election's slug, or {@code null}
 */
public record CountyMap(String id, String state, int width, int height, String outline, int tile, double stroke,
		List<Area> areas, List<Leader> leaders, List<Bucket> buckets, List<Row> rows, List<String> missing,
		List<Leader> shifts, List<Bucket> shiftBuckets, String baseline) {

	/**
	 * Neutral colours for non-partisan contests, in the order of the contest's choices.
	 */
	static final String[] PALETTE = { "#6a4c93", "#c77d0a", "#1b8a7a", "#b03a6f", "#4d6a8a", "#7a7a2a" };

	static final String DEMOCRATIC = "#2166ac";

	static final String REPUBLICAN = "#c0392b";

	static final String TIE = "#8a8a8a";

	/** The marks that tell leaders apart without colour, by leader slot. */
	static final String[] MARKS = { "plain", "stripes", "dots", "cross", "rings", "bars" };

	/** Margin steps in points: under 5, 5 to 15, 15 to 30, 30 and more. */
	static final int[] STEPS = { 5, 15, 30 };

	static final String[] OPACITY = { "0.35", "0.55", "0.75", "0.95" };

	/** Shift steps in points: under 2, 2 to 5, 5 to 10, 10 and more. */
	static final int[] SHIFT_STEPS = { 2, 5, 10 };

	/** The id of a county's row in the table beside the map. */
	public static String anchor(String county) {
		return "county-" + Slugs.of(county);
	}

	/**
	 * The map of the contest's counties, or empty when the state has no shapes or none of
	 * the contest's counties has one.
	 * @param contest the contest, its choices in the read model's order
	 * @param counties its counties as {@link ResultsService#reportingUnits} reads them
	 * @param state the state the election's jurisdiction names
	 * @param format the reader's language: every word and number of the map and its table
	 */
	public static Optional<CountyMap> of(ContestResult contest, List<UnitResult> counties, StateShapes state,
			ReaderFormat format) {
		return of(contest, counties, state, format, null);
	}

	/**
	 * The map, each county also filled by its shift since the baseline when {@code shift}
	 * is given (the numbers {@link ContestShift} computed; only colours and words here).
	 */
	public static Optional<CountyMap> of(ContestResult contest, List<UnitResult> counties, StateShapes state,
			ReaderFormat format, ContestShift shift) {
		List<UnitResult> shown = counties.stream().filter((unit) -> "county".equals(unit.level())).toList();
		if (shown.isEmpty()) {
			return Optional.empty();
		}
		List<Standing> standings = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (UnitResult county : shown) {
			Optional<StateShapes.CountyShape> shape = state.county(county.name());
			if (shape.isEmpty()) {
				missing.add(county.name());
			}
			standings.add(Standing.of(county, shape.orElse(null)));
		}
		if (missing.size() == shown.size()) {
			return Optional.empty();
		}
		Map<String, Leader> leaders = leaders(contest, standings);
		String id = "map-" + contest.slug();
		int tile = Math.max(8, Math.round(state.width() / 90f));
		double stroke = Math.max(1, Math.round(state.width() / 400f));
		List<Leader> shifts = (shift != null) ? shiftLeaders(contest, shift) : List.of();
		List<Area> areas = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		for (Standing standing : standings) {
			Leader leader = (standing.leader != null) ? leaders.get(standing.leader) : null;
			String fill = fill(id, standing, leader);
			String title = title(standing, format);
			ContestShift.Unit moved = (shift != null) ? shift.unit(standing.unit.code()) : null;
			String shiftFill = (shift != null) ? shiftFill(id, moved) : null;
			String shiftLabel = (moved != null) ? shiftLabel(shift, moved, format) : "—";
			if (shift != null) {
				title = title + ". " + shiftTitle(standing.unit.name(), shift, moved, format);
			}
			if (standing.shape != null) {
				areas.add(new Area(standing.shape.id(), standing.unit.name(), standing.shape.path(), fill, title,
						anchor(standing.unit.name()), shiftFill));
			}
			rows.add(new Row(standing.unit.name(), anchor(standing.unit.name()), standing.leaderLabel(format),
					standing.marginLabel(format), format.votes(standing.unit.totalVotes()), fill,
					standing.shape != null, shiftLabel));
		}
		rows.sort((a, b) -> a.name().compareTo(b.name()));
		List<Bucket> buckets = new ArrayList<>();
		for (String step : new String[] { "map.step.0", "map.step.1", "map.step.2", "map.step.3" }) {
			buckets.add(new Bucket(buckets.size(), format.text(step)));
		}
		List<Bucket> shiftBuckets = new ArrayList<>();
		if (shift != null) {
			for (String step : new String[] { "map.shift.step.0", "map.shift.step.1", "map.shift.step.2",
					"map.shift.step.3" }) {
				shiftBuckets.add(new Bucket(shiftBuckets.size(), format.text(step)));
			}
		}
		return Optional.of(new CountyMap(id, state.name(), state.width(), state.height(), state.outline(), tile, stroke,
				List.copyOf(areas), List.copyOf(leaders.values()), List.copyOf(buckets), List.copyOf(rows),
				List.copyOf(missing), shifts, List.copyOf(shiftBuckets),
				(shift != null) ? shift.baseline().election() : null));
	}

	/** Whether the map can also be coloured by shift (the contest has a baseline). */
	public boolean byShift() {
		return !this.shifts.isEmpty();
	}

	/** The pattern id of a shift's direction (0 toward the first choice) at a step. */
	public String shiftPattern(int slot, int bucket) {
		return this.id + "-s" + slot + "-" + bucket;
	}

	/**
	 * The two choices a shift is toward, each in its colour (its party's when both have
	 * distinct party colours, else the palette's) and with its own mark.
	 */
	private static List<Leader> shiftLeaders(ContestResult contest, ContestShift shift) {
		CandidateResult first = contest.candidates().get(0);
		CandidateResult second = contest.candidates().get(1);
		String firstColour = partyColour(first.party());
		String secondColour = partyColour(second.party());
		boolean partisan = firstColour != null && secondColour != null && !firstColour.equals(secondColour);
		return List.of(new Leader(0, shift.first(), first.party(), partisan ? firstColour : PALETTE[0], MARKS[0]),
				new Leader(1, shift.second(), second.party(), partisan ? secondColour : PALETTE[1], MARKS[1]));
	}

	private static String shiftFill(String id, ContestShift.Unit moved) {
		if (moved == null || moved.shift() == null) {
			return "none";
		}
		BigDecimal points = moved.shift().abs();
		int bucket = 0;
		while (bucket < SHIFT_STEPS.length && points.compareTo(BigDecimal.valueOf(SHIFT_STEPS[bucket])) >= 0) {
			bucket++;
		}
		return "url(#" + id + "-s" + ((moved.shift().signum() >= 0) ? 0 : 1) + "-" + bucket + ")";
	}

	private static String shiftLabel(ContestShift shift, ContestShift.Unit moved, ReaderFormat format) {
		if (moved.shift() == null) {
			return "—";
		}
		return toward(shift, moved.shift(), format);
	}

	private static String toward(ContestShift shift, BigDecimal points, ReaderFormat format) {
		if (points.signum() == 0) {
			return format.text("shift.even");
		}
		return format.text("shift.toward", (points.signum() > 0) ? shift.first() : shift.second(),
				format.decimal(points.abs()));
	}

	private static String shiftTitle(String county, ContestShift shift, ContestShift.Unit moved, ReaderFormat format) {
		if (moved == null) {
			return format.text("map.county.shift-unknown", county);
		}
		if (moved.shift() == null) {
			return format.text("map.county.shift-none", county, toward(shift, moved.then(), format));
		}
		return format.text("map.county.shift", county, toward(shift, moved.then(), format),
				toward(shift, moved.now(), format), toward(shift, moved.shift(), format));
	}

	/** The pattern id of a leader slot at a margin step. */
	public String pattern(int slot, int bucket) {
		return this.id + "-p" + slot + "-" + bucket;
	}

	/** Every pattern the map and its legend use. */
	public List<Pattern> patterns() {
		List<Pattern> patterns = new ArrayList<>();
		for (Leader leader : this.leaders) {
			for (int bucket = 0; bucket < OPACITY.length; bucket++) {
				patterns
					.add(new Pattern(pattern(leader.slot(), bucket), leader.colour(), OPACITY[bucket], leader.mark()));
			}
		}
		for (Leader toward : this.shifts) {
			for (int bucket = 0; bucket < OPACITY.length; bucket++) {
				patterns.add(new Pattern(shiftPattern(toward.slot(), bucket), toward.colour(), OPACITY[bucket],
						toward.mark()));
			}
		}
		return patterns;
	}

	/**
	 * The SVG of a pattern's mark in one tile (markup built here from numbers only, never
	 * from names).
	 */
	public String markup(Pattern pattern) {
		int t = this.tile;
		int half = t / 2;
		String ink = "stroke=\"#111\" stroke-opacity=\"0.6\" stroke-width=\"" + Math.max(1, t / 7) + "\"";
		return switch (pattern.mark()) {
			case "stripes" -> "<path d=\"M0 " + t + "L" + t + " 0M-" + half + " " + half + "L" + half + " -" + half
					+ "M" + half + " " + (t + half) + "L" + (t + half) + " " + half + "\" " + ink + "/>";
			case "dots" -> "<circle cx=\"" + half + "\" cy=\"" + half + "\" r=\"" + Math.max(1, t / 6)
					+ "\" fill=\"#111\" fill-opacity=\"0.6\"/>";
			case "cross" -> "<path d=\"M0 0L" + t + " " + t + "M" + t + " 0L0 " + t + "\" " + ink + "/>";
			case "rings" -> "<circle cx=\"" + half + "\" cy=\"" + half + "\" r=\"" + Math.max(2, t / 4)
					+ "\" fill=\"none\" " + ink + "/>";
			case "bars" -> "<path d=\"M0 " + half + "H" + t + "\" " + ink + "/>";
			default -> "";
		};
	}

	private static Map<String, Leader> leaders(ContestResult contest, List<Standing> standings) {
		List<CandidateResult> leading = new ArrayList<>();
		boolean tie = false;
		for (CandidateResult candidate : contest.candidates()) {
			if (standings.stream().anyMatch((standing) -> candidate.name().equals(standing.leader))) {
				leading.add(candidate);
			}
		}
		for (Standing standing : standings) {
			tie |= standing.tie;
		}
		boolean partisan = !leading.isEmpty()
				&& leading.stream().map((c) -> partyColour(c.party())).distinct().count() == leading.size()
				&& leading.stream().allMatch((c) -> partyColour(c.party()) != null);
		Map<String, Leader> leaders = new LinkedHashMap<>();
		for (int slot = 0; slot < leading.size(); slot++) {
			CandidateResult candidate = leading.get(slot);
			int index = contest.candidates().indexOf(candidate);
			String colour = partisan ? partyColour(candidate.party()) : PALETTE[index % PALETTE.length];
			leaders.put(candidate.name(),
					new Leader(slot, candidate.name(), candidate.party(), colour, MARKS[slot % MARKS.length]));
		}
		if (tie) {
			leaders.put(Standing.TIE, new Leader(leading.size(), "Tie for first", null, TIE, "bars"));
		}
		return leaders;
	}

	static String partyColour(String party) {
		if (party == null) {
			return null;
		}
		String plain = party.strip().toLowerCase(Locale.ROOT);
		if (plain.startsWith("dem")) {
			return DEMOCRATIC;
		}
		if (plain.startsWith("rep")) {
			return REPUBLICAN;
		}
		return null;
	}

	private static String fill(String id, Standing standing, Leader leader) {
		if (leader == null) {
			return "none";
		}
		return "url(#" + id + "-p" + leader.slot() + "-" + standing.bucket + ")";
	}

	private static String title(Standing standing, ReaderFormat format) {
		UnitResult unit = standing.unit;
		if (standing.leader == null) {
			return format.text("map.county.none", unit.name());
		}
		String counted = format.votes(unit.totalVotes());
		if (standing.tie) {
			return format.text("map.county.tie", unit.name(), counted);
		}
		UnitResult.Votes leader = unit.candidates().get(standing.margin.leader());
		return format.text("map.county.leads", unit.name(), leader.name(), format.votes(leader.votes()),
				format.percent(leader.votePct()), format.votes(standing.margin.votes()),
				format.decimal(standing.margin.points()), counted);
	}

	/** A county's leader and lead, as the read model gives them. */
	private static final class Standing {

		static final String TIE = "\u0000tie";

		final UnitResult unit;

		final StateShapes.CountyShape shape;

		final Margin margin;

		final String leader;

		final boolean tie;

		final int bucket;

		private Standing(UnitResult unit, StateShapes.CountyShape shape, Margin margin, String leader, boolean tie,
				int bucket) {
			this.unit = unit;
			this.shape = shape;
			this.margin = margin;
			this.leader = leader;
			this.tie = tie;
			this.bucket = bucket;
		}

		static Standing of(UnitResult unit, StateShapes.CountyShape shape) {
			Margin margin = unit.margin();
			if (unit.totalVotes() == 0 || margin.leader() < 0) {
				return new Standing(unit, shape, margin, null, false, 0);
			}
			String leader = unit.tie() ? TIE : unit.leader();
			return new Standing(unit, shape, margin, leader, unit.tie(), bucket(margin.points()));
		}

		static int bucket(BigDecimal points) {
			int bucket = 0;
			while (bucket < STEPS.length && points.compareTo(BigDecimal.valueOf(STEPS[bucket])) >= 0) {
				bucket++;
			}
			return bucket;
		}

		String leaderLabel(ReaderFormat format) {
			if (this.leader == null) {
				return "—";
			}
			return this.tie ? format.text("map.tie") : this.leader;
		}

		String marginLabel(ReaderFormat format) {
			if (this.leader == null || this.tie) {
				return "—";
			}
			return format.text("map.margin", format.votes(this.margin.votes()), format.decimal(this.margin.points()));
		}

	}

	/**
	 * A county on the map: its shape, fill and the words a pointer or reader gets.
	 *
	 * @param shiftFill its fill by shift since the baseline, or {@code null} without one
	 */
	public record Area(String fips, String name, String path, String fill, String title, String anchor,
			String shiftFill) {
	}

	/**
	 * A leader in the legend.
	 *
	 * @param slot its place among the leaders
	 * @param mark the pattern that tells it apart without colour
	 */
	public record Leader(int slot, String name, String party, String colour, String mark) {
	}

	/** A margin step in the legend. */
	public record Bucket(int index, String label) {
	}

	/** A pattern: the leader's colour at the step's strength, with the leader's mark. */
	public record Pattern(String id, String colour, String opacity, String mark) {
	}

	/**
	 * A row of the table beside the map.
	 *
	 * @param shift the county's shift since the baseline ("Gomez +4.1"), "—" without one
	 */
	public record Row(String name, String anchor, String leader, String margin, String total, String fill,
			boolean mapped, String shift) {
	}

}
