package org.tally.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tally.results.ContestNotFoundException;
import org.tally.results.ContestResult;
import org.tally.results.Election;
import org.tally.results.ElectionResults;
import org.tally.results.ResultsService;
import org.tally.results.UnitResult;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One contest in full: its card, the county table (and the precinct table when it is
 * short, or searched), the share chart over revisions and the timeline of calls and
 * concessions; and a county's page with its precincts. The card, the tables and the chart
 * come from {@link ResultsService}'s results for the election's revision (the counts per
 * unit and the history are read once per revision and shared with the feed); only the
 * timeline is read per request.
 */
@Controller
class ContestPageController {

	private final ResultsService results;

	private final ContestDetailQueries details;

	ContestPageController(ResultsService results, ContestDetailQueries details) {
		this.results = results;
		this.details = details;
	}

	@GetMapping("/elections/{election}/contests/{contest}")
	String contest(@PathVariable String election, @PathVariable String contest,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		Election found = this.results.election(election);
		ElectionResults current = this.results.results(found);
		ContestResult result = this.results.contest(current, contest);
		List<UnitResult> counties = this.results.reportingUnits(current, result, "county");
		List<UnitResult> precincts = this.results.reportingUnits(current, result, "precinct");
		// a statewide contest shows its counties; their precincts are a click or a search
		// away
		boolean listed = precincts.size() <= PrecinctPage.SIZE || (q != null && !q.isBlank());
		UnitTable units = UnitTable.of(result, counties, listed ? PrecinctPage.matching(precincts, q) : List.of(), sort,
				dir);
		String path = "/elections/" + found.getSlug() + "/contests/" + result.slug();
		addContest(model, found, current, result);
		model.addAttribute("units", units);
		model.addAttribute("countyLinks", countyLinks(counties, path));
		model.addAttribute("precincts", PrecinctPage.of(units.precincts(), page, q, path, sort, dir));
		model.addAttribute("precinctsListed", listed);
		model.addAttribute("precinctCount", precincts.size());
		model.addAttribute("timeline", this.details.timeline(result.id()));
		model.addAttribute("embedSnippet", embedSnippet(found, result));
		return "contest";
	}

	/**
	 * One county of a contest: its row and its precincts, a page at a time. The contest
	 * page loads the precinct panel of this page in place (htmx); without JavaScript its
	 * county links lead here.
	 */
	@GetMapping("/elections/{election}/contests/{contest}/counties/{county}")
	String county(@PathVariable String election, @PathVariable String contest, @PathVariable String county,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		Election found = this.results.election(election);
		ElectionResults current = this.results.results(found);
		ContestResult result = this.results.contest(current, contest);
		UnitResult unit = this.results.reportingUnits(current, result, "county")
			.stream()
			.filter((candidate) -> candidate.code().equals(county))
			.findFirst()
			.orElseThrow(
					() -> ContestNotFoundException.forSlug(found.getSlug(), result.slug() + "/counties/" + county));
		List<UnitResult> precincts = this.results.reportingUnits(current, result, "precinct")
			.stream()
			.filter((precinct) -> county.equals(precinct.parent()))
			.toList();
		UnitTable units = UnitTable.of(result, List.of(unit), PrecinctPage.matching(precincts, q), sort, dir);
		String path = "/elections/" + found.getSlug() + "/contests/" + result.slug() + "/counties/" + county;
		addContest(model, found, current, result);
		model.addAttribute("county", unit);
		model.addAttribute("units", units);
		model.addAttribute("countyLinks", Map.of());
		model.addAttribute("precincts", PrecinctPage.of(units.precincts(), page, q, path, sort, dir));
		model.addAttribute("precinctsListed", true);
		model.addAttribute("precinctCount", precincts.size());
		return "county";
	}

	private void addContest(Model model, Election found, ElectionResults current, ContestResult result) {
		LocalTimes times = LocalTimes.of(found.getTimeZone());
		model.addAttribute("election", ElectionHeader.of(found, times));
		model.addAttribute("times", times);
		model.addAttribute("card", ContestCard.of(result, found.getSlug(), times));
		model.addAttribute("chart", ShareChart.of(result, this.results.history(current, result), times));
	}

	/** Each county's name to its page, for the county table's links. */
	private static Map<String, String> countyLinks(List<UnitResult> counties, String contestPath) {
		Map<String, String> links = new HashMap<>();
		for (UnitResult county : counties) {
			if ("county".equals(county.level())) {
				links.put(county.name(),
						UriComponentsBuilder.fromPath(contestPath)
							.pathSegment("counties", county.code())
							.encode()
							.build()
							.toUriString());
			}
		}
		return links;
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
