package org.tally.web;

import org.tally.web.text.ReaderFormat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.tally.kernel.ContestNotFoundException;
import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ContestResult;
import org.tally.results.ContestRounds;
import org.tally.results.ElectionResults;
import org.tally.results.ElectionState;
import org.tally.results.ResultsService;
import org.tally.results.UnitLevel;
import org.tally.results.UnitResult;
import org.tally.results.projection.ContestShift;
import org.tally.results.projection.ProjectionSettings;
import org.tally.results.projection.Projections;
import org.tally.results.projection.Shifts;
import org.tally.web.map.CountyMaps;

import org.springframework.http.HttpHeaders;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One contest in full: its card, the county table (and the precinct table when it is
 * short, or searched), the share chart over revisions and the timeline of calls and
 * concessions; and a county's page with its precincts. The card, the tables and the chart
 * come from {@link ResultsService}'s results for the election's revision (the counts per
 * unit, the history and the timeline are read once per revision and shared with the
 * feed).
 */
@Controller
class ContestPageController {

	private final ResultsService results;

	private final ReaderFormats formats;

	private final CountyMaps maps;

	private final PublicSite site;

	private final Projections projections;

	private final ProjectionSettings projectionSettings;

	private final Shifts shifts;

	ContestPageController(ResultsService results, ReaderFormats formats, CountyMaps maps, PublicSite site,
			Projections projections, ProjectionSettings projectionSettings, Shifts shifts) {
		this.site = site;
		this.shifts = shifts;
		this.projections = projections;
		this.projectionSettings = projectionSettings;
		this.results = results;
		this.formats = formats;
		this.maps = maps;
	}

	@GetMapping("/elections/{election}/contests/{contest}")
	String contest(@PathVariable String election, @PathVariable String contest,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		ElectionResults current = this.results.results(this.results.current(election));
		ElectionState found = current.election();
		ContestResult result = this.results.contest(current, contest);
		ReaderFormat format = this.formats.of(found.timeZone());
		List<UnitResult> counties = this.results.reportingUnits(current, result, UnitLevel.COUNTY);
		List<UnitResult> precincts = this.results.reportingUnits(current, result, UnitLevel.PRECINCT);
		// a statewide contest shows its counties; their precincts are a click or a search
		// away
		boolean listed = precincts.size() <= PrecinctPage.SIZE || (q != null && !q.isBlank());
		ContestShift shift = shift(current, result);
		UnitTable units = UnitTable.of(result, counties, listed ? PrecinctPage.matching(precincts, q) : List.of(), sort,
				dir, format, shift);
		String path = "/elections/" + found.slug() + "/contests/" + result.slug();
		addContest(model, current, result, format);
		model.addAttribute("figures", ContestFigures.of(result, format));
		model.addAttribute("split", VoteTypeSplit.of(result, format));
		model.addAttribute("units", units);
		model.addAttribute("map", this.maps.map(found.jurisdiction(), result, counties, format, shift).orElse(null));
		model.addAttribute("countyLinks", countyLinks(counties, path, format));
		model.addAttribute("precincts", PrecinctPage.of(units.precincts(), page, q, path, sort, dir, format.lang()));
		model.addAttribute("precinctsListed", listed);
		model.addAttribute("precinctCount", precincts.size());
		model.addAttribute("timeline", this.results.timeline(current, result).stream().map(TimelineEntry::of).toList());
		// batches of votes only where the figures are votes (delegate equivalents have
		// none)
		model.addAttribute("batches",
				result.notes().votes() ? BatchLine.latest(this.results.history(current, result), format) : null);
		model.addAttribute("estimate", estimate(found.slug(), current, result, format));
		// each batch's shares beside the count so far (docs/projection.md, "Batches")
		model.addAttribute("batchChart", result.notes().votes()
				? ShareChart.batches(result, this.results.history(current, result), format) : null);
		ContestRounds rounds = this.results.rounds(current, result, null);
		model.addAttribute("rounds",
				(rounds != null && !rounds.rounds().isEmpty()) ? RoundsView.of(rounds, format) : null);
		model.addAttribute("embedSnippet", embedSnippet(found.slug(), result, format));
		return "contest";
	}

	/**
	 * The contest page's live update after revision {@code since}: when the contest
	 * changed, its card, its expected vote and turnout and its split by vote type as
	 * out-of-band swaps; always the page's status line. The page asks the same URL until
	 * its revision moves, so caches must ask again each time ({@code no-cache}; the ETag
	 * makes an unchanged answer a 304).
	 */
	@GetMapping("/elections/{election}/contests/{contest}/live")
	String live(@PathVariable String election, @PathVariable String contest,
			@RequestParam(defaultValue = "0") long since, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.LIVE);
		ElectionResults current = this.results.results(this.results.current(election));
		ElectionState found = current.election();
		ContestResult result = this.results.contest(current, contest);
		ReaderFormat format = this.formats.of(found.timeZone());
		model.addAttribute("election", ElectionHeader.of(found, format));
		model.addAttribute("changed", result.revision() > since);
		model.addAttribute("card", ContestCard.of(result, found.slug(), format));
		model.addAttribute("figures", ContestFigures.of(result, format));
		model.addAttribute("split", VoteTypeSplit.of(result, format));
		return "fragments/contest-live :: updates";
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
		ElectionResults current = this.results.results(this.results.current(election));
		ElectionState found = current.election();
		ContestResult result = this.results.contest(current, contest);
		ReaderFormat format = this.formats.of(found.timeZone());
		UnitResult unit = this.results.reportingUnits(current, result, UnitLevel.COUNTY)
			.stream()
			.filter((candidate) -> candidate.code().equals(county))
			.findFirst()
			.orElseThrow(() -> ContestNotFoundException.forSlug(found.slug(), result.slug() + "/counties/" + county));
		List<UnitResult> precincts = this.results.reportingUnits(current, result, UnitLevel.PRECINCT)
			.stream()
			.filter((precinct) -> county.equals(precinct.parent()))
			.toList();
		UnitTable units = UnitTable.of(result, List.of(unit), PrecinctPage.matching(precincts, q), sort, dir, format);
		String path = "/elections/" + found.slug() + "/contests/" + result.slug() + "/counties/" + county;
		addContest(model, current, result, format);
		model.addAttribute("county", unit);
		model.addAttribute("units", units);
		model.addAttribute("countyLinks", Map.of());
		model.addAttribute("precincts", PrecinctPage.of(units.precincts(), page, q, path, sort, dir, format.lang()));
		model.addAttribute("precinctsListed", true);
		model.addAttribute("precinctCount", precincts.size());
		return "county";
	}

	private void addContest(Model model, ElectionResults current, ContestResult result, ReaderFormat format) {
		ElectionState found = current.election();
		model.addAttribute("election", ElectionHeader.of(found, format));
		model.addAttribute("format", format);
		model.addAttribute("times", format.times());
		model.addAttribute("card", ContestCard.of(result, found.slug(), format));
		// shares of the vote only where the figures are votes (docs/import.md, delegate
		// equivalents)
		model.addAttribute("chart",
				result.notes().votes() ? ShareChart.of(result, this.results.history(current, result), format) : null);
	}

	/** Each county's name to its page, for the county table's links. */
	private static Map<String, String> countyLinks(List<UnitResult> counties, String contestPath, ReaderFormat format) {
		Map<String, String> links = new HashMap<>();
		for (UnitResult county : counties) {
			if ("county".equals(county.level())) {
				links.put(county.name(),
						format.link(UriComponentsBuilder.fromPath(contestPath)
							.pathSegment("counties", county.code())
							.encode()
							.build()
							.toUriString()));
			}
		}
		return links;
	}

	/**
	 * The iframe snippet: absolute with {@code tally.public-url}, else relative (never
	 * built from the request's Host or forwarded headers).
	 */
	private String embedSnippet(String election, ContestResult contest, ReaderFormat format) {
		String url = this.site.url(UriComponentsBuilder.fromPath("/embed/elections/{e}/contests/{c}")
			.queryParam(ReaderLocale.PARAMETER, format.lang())
			.buildAndExpand(election, contest.slug())
			.encode()
			.toUriString());
		return "<iframe src=\"" + url + "\" title=\""
				+ format.text("embed.frame-title", contest.name()).replace("&", "&amp;").replace("\"", "&quot;")
				+ "\" width=\"100%\" height=\"380\" style=\"border:0\" loading=\"lazy\"></iframe>";
	}

	/**
	 * Each county's margin then and its shift since, where the contest has a baseline and
	 * its figures are votes; none while the database is out of reach.
	 */
	private ContestShift shift(ElectionResults current, ContestResult result) {
		if (!result.notes().votes() || this.results.delayed()) {
			return null;
		}
		try {
			return this.shifts.of(current, result).orElse(null);
		}
		catch (DataAccessException ex) {
			return null;
		}
	}

	/**
	 * The estimate where the election shows it to the public; none while the database
	 * cannot say (an outage: the page is served from memory without it,
	 * docs/operations.md).
	 */
	private EstimateView estimate(String election, ElectionResults current, ContestResult result, ReaderFormat format) {
		if (this.results.delayed()) {
			// the database is out of reach: the page goes on from memory without asking
			// it
			return null;
		}
		try {
			return this.projectionSettings.publicMaySee(election)
					? EstimateView.of(this.projections.of(current, result), format) : null;
		}
		catch (DataAccessException ex) {
			return null;
		}
	}

}
