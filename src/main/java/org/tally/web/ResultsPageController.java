package org.tally.web;

import org.tally.web.text.ReaderFormat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ContestResult;
import org.tally.results.ElectionResults;
import org.tally.results.ElectionState;
import org.tally.results.ResultsService;
import org.tally.results.UnitLevel;
import org.tally.web.map.CountyMap;
import org.tally.web.map.CountyMaps;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The list of elections and an election's contests as cards, plus the card fragments the
 * page fetches when the event stream says contests changed.
 */
@Controller
class ResultsPageController {

	private final ResultsService results;

	private final ReaderFormats formats;

	private final CountyMaps maps;

	ResultsPageController(ResultsService results, ReaderFormats formats, CountyMaps maps) {
		this.results = results;
		this.formats = formats;
		this.maps = maps;
	}

	@GetMapping("/")
	String index(Model model) {
		List<ElectionHeader> elections = this.results.elections()
			.stream()
			.map((election) -> ElectionHeader.of(election, this.formats.of(election.timeZone())))
			.toList();
		model.addAttribute("live", elections.stream().filter(ElectionHeader::live).toList());
		model.addAttribute("past", elections.stream().filter((election) -> !election.live()).toList());
		return "index";
	}

	@GetMapping("/elections/{election}")
	String election(@PathVariable String election, @RequestParam(required = false) String office,
			@RequestParam(required = false) String q, Model model) {
		ElectionResults current = this.results.results(this.results.current(election));
		ElectionState found = current.election();
		List<ContestResult> contests = current.contests();
		ContestFilter filter = new ContestFilter(office, q);
		ReaderFormat times = this.formats.of(found.timeZone());
		model.addAttribute("election", ElectionHeader.of(found, times));
		model.addAttribute("filter", filter);
		model.addAttribute("offices", ContestFilter.offices(contests));
		model.addAttribute("contestCount", contests.size());
		List<ContestResult> shown = filter.apply(contests);
		model.addAttribute("cards", cards(shown, found.slug(), times));
		model.addAttribute("maps", statewideMaps(current, shown, times));
		return "election";
	}

	/**
	 * The cards of contests changed after revision {@code since} (matching the page's
	 * filter) as out-of-band swaps, with the page's status line. The page asks the same
	 * URL until its revision moves, and an answer kept from before the revision moved
	 * would hide it, so caches must ask again each time ({@code no-cache}; revalidating
	 * is cheap).
	 */
	@GetMapping("/elections/{election}/cards")
	String changedCards(@PathVariable String election, @RequestParam(defaultValue = "0") long since,
			@RequestParam(required = false) String office, @RequestParam(required = false) String q, Model model,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.LIVE);
		ElectionResults current = this.results.results(this.results.current(election));
		ElectionState found = current.election();
		ContestFilter filter = new ContestFilter(office, q);
		List<ContestResult> changed = current.contests()
			.stream()
			.filter((contest) -> contest.revision() > since && filter.matches(contest))
			.toList();
		ReaderFormat times = this.formats.of(found.timeZone());
		model.addAttribute("election", ElectionHeader.of(found, times));
		model.addAttribute("cards", cards(changed, found.slug(), times));
		model.addAttribute("maps", statewideMaps(current, changed, times));
		return "fragments/card :: updates";
	}

	/**
	 * One contest's card, as the election page shows it; the embed fetches it on each
	 * update, so caches must ask again each time (as {@link #changedCards}).
	 */
	@GetMapping("/elections/{election}/contests/{contest}/card")
	String card(@PathVariable String election, @PathVariable String contest, Model model,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.LIVE);
		ElectionResults current = this.results.results(this.results.current(election));
		ReaderFormat times = this.formats.of(current.election().timeZone());
		model.addAttribute("election", ElectionHeader.of(current.election(), times));
		model.addAttribute("card",
				ContestCard.of(this.results.contest(current, contest), current.election().slug(), times));
		return "fragments/card :: single";
	}

	/**
	 * The county maps of the contests counted in (nearly) every county of the state, by
	 * contest slug.
	 */
	private Map<String, CountyMap> statewideMaps(ElectionResults current, List<ContestResult> contests,
			ReaderFormat format) {
		Map<String, CountyMap> maps = new LinkedHashMap<>();
		for (ContestResult contest : contests) {
			if (contest.totalVotes() == 0) {
				continue;
			}
			this.maps
				.map(current.election().jurisdiction(), contest,
						this.results.reportingUnits(current, contest, UnitLevel.COUNTY), format)
				.filter(this.maps::statewide)
				.ifPresent((map) -> maps.put(contest.slug(), map));
		}
		return maps;
	}

	private static List<ContestCard> cards(List<ContestResult> contests, String election, ReaderFormat times) {
		return contests.stream().map((contest) -> ContestCard.of(contest, election, times)).toList();
	}

}
