package org.tally.web;

import java.util.List;

import org.tally.results.ContestResult;
import org.tally.results.ContestRounds;
import org.tally.results.Election;
import org.tally.results.ElectionResults;
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
 * come from {@link ResultsService}'s results for the election's revision (the counts per
 * unit and the history are read once per revision and shared with the feed); only the
 * timeline is read per request.
 */
@Controller
class ContestPageController {

	private final ResultsService results;

	private final ContestDetailQueries details;

	private final CountyMaps maps;

	ContestPageController(ResultsService results, ContestDetailQueries details, CountyMaps maps) {
		this.results = results;
		this.details = details;
		this.maps = maps;
	}

	@GetMapping("/elections/{election}/contests/{contest}")
	String contest(@PathVariable String election, @PathVariable String contest,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
		Election found = this.results.election(election);
		ElectionResults current = this.results.results(found);
		ContestResult result = this.results.contest(current, contest);
		LocalTimes times = LocalTimes.of(found.getTimeZone());
		List<TimelineEntry> timeline = this.details.timeline(result.id());
		model.addAttribute("election", ElectionHeader.of(found, times));
		model.addAttribute("times", times);
		model.addAttribute("card", ContestCard.of(result, found.getSlug(), times));
		List<UnitResult> counties = this.results.reportingUnits(current, result, "county");
		model.addAttribute("units",
				UnitTable.of(result, counties, this.results.reportingUnits(current, result, "precinct"), sort, dir));
		model.addAttribute("map", this.maps.map(found.getJurisdiction(), result, counties).orElse(null));
		model.addAttribute("chart", ShareChart.of(result, this.results.history(current, result), times));
		model.addAttribute("timeline", timeline);
		ContestRounds rounds = this.results.rounds(current, result, null);
		model.addAttribute("rounds", (rounds != null && !rounds.rounds().isEmpty()) ? RoundsView.of(rounds) : null);
		model.addAttribute("embedSnippet", embedSnippet(found, result));
		return "contest";
	}

	private static String embedSnippet(Election election, ContestResult contest) {
		String url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/embed/elections/{e}/contests/{c}")
			.buildAndExpand(election.getSlug(), contest.slug())
			.toUriString();
		return "<iframe src=\"" + url + "\" title=\"" + contest.name().replace("\"", "&quot;")
				+ " results\" width=\"100%\" height=\"380\" style=\"border:0\" loading=\"lazy\"></iframe>";
	}

}
