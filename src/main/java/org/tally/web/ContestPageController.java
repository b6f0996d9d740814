package org.tally.web;

import java.util.List;

import org.tally.results.ContestResult;
import org.tally.results.ContestRounds;
import org.tally.results.ElectionResults;
import org.tally.results.ElectionState;
import org.tally.results.ResultsService;
import org.tally.results.UnitResult;
import org.tally.web.map.CountyMaps;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One contest in full: its card, the county and precinct tables, the share chart over
 * revisions and the timeline of calls and concessions. The card, the tables and the chart
 * come from {@link ResultsService}'s read model for the election's current revision (the
 * election from memory, as the feed reads it; the counts per unit, the history and the
 * timeline read once per revision and shared with the feed).
 */
@Controller
class ContestPageController {

	private final ResultsService results;

	private final ReaderFormats formats;

	private final CountyMaps maps;

	ContestPageController(ResultsService results, ReaderFormats formats, CountyMaps maps) {
		this.results = results;
		this.formats = formats;
		this.maps = maps;
	}

	@GetMapping("/elections/{election}/contests/{contest}")
	String contest(@PathVariable String election, @PathVariable String contest,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
		ElectionResults current = this.results.results(this.results.current(election));
		ElectionState found = current.election();
		ContestResult result = this.results.contest(current, contest);
		ReaderFormat format = this.formats.of(found.timeZone());
		model.addAttribute("election", ElectionHeader.of(found, format));
		model.addAttribute("format", format);
		model.addAttribute("times", format.times());
		model.addAttribute("card", ContestCard.of(result, found.slug(), format));
		List<UnitResult> counties = this.results.reportingUnits(current, result, "county");
		model.addAttribute("units", UnitTable.of(result, counties,
				this.results.reportingUnits(current, result, "precinct"), sort, dir, format));
		model.addAttribute("map", this.maps.map(found.jurisdiction(), result, counties).orElse(null));
		model.addAttribute("chart", ShareChart.of(result, this.results.history(current, result), format));
		model.addAttribute("timeline", this.results.timeline(current, result).stream().map(TimelineEntry::of).toList());
		ContestRounds rounds = this.results.rounds(current, result, null);
		model.addAttribute("rounds", (rounds != null && !rounds.rounds().isEmpty()) ? RoundsView.of(rounds) : null);
		model.addAttribute("embedSnippet", embedSnippet(found.slug(), result, format));
		return "contest";
	}

	private static String embedSnippet(String election, ContestResult contest, ReaderFormat format) {
		String url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/embed/elections/{e}/contests/{c}")
			.queryParam(ReaderLocale.PARAMETER, format.lang())
			.buildAndExpand(election, contest.slug())
			.toUriString();
		return "<iframe src=\"" + url + "\" title=\""
				+ format.text("embed.frame-title", contest.name()).replace("&", "&amp;").replace("\"", "&quot;")
				+ "\" width=\"100%\" height=\"380\" style=\"border:0\" loading=\"lazy\"></iframe>";
	}

}
