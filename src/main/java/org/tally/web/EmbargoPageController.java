package org.tally.web;

import org.tally.web.text.ReaderFormat;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tally.kernel.ElectionNotFoundException;
import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ContestResult;
import org.tally.results.ElectionState;
import org.tally.results.Embargo;
import org.tally.results.ResultsService;
import org.tally.system.EmbargoFilter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What readers see of an embargoed election (docs/contract.md §7): every page of it
 * ({@code /elections/{e}/…}, {@code /embed/elections/{e}/…}) is forwarded here by
 * {@link EmbargoFilter}, which shows the election, the contest asked for and the names of
 * its contests with "Results after 8:00 PM EST" in the election's time zone, and no
 * count. The page reloads itself when the results open (the live event stream's opening
 * revision, or the clock).
 */
@Controller
class EmbargoPageController {

	private final ResultsService results;

	private final ReaderFormats formats;

	EmbargoPageController(ResultsService results, ReaderFormats formats) {
		this.results = results;
		this.formats = formats;
	}

	@GetMapping(EmbargoFilter.PAGE)
	String embargoed(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(request.getAttribute(EmbargoFilter.WITHHELD) instanceof ElectionState election)) {
			// only ever reached through the filter's forward
			throw ElectionNotFoundException.forSlug("embargoed");
		}
		ReaderFormat format = this.formats.of(election.timeZone());
		List<ContestResult> contests = this.results.results(election).contests();
		String asked = (String) request.getAttribute(EmbargoFilter.CONTEST);
		ContestResult contest = (asked != null)
				? contests.stream().filter((each) -> each.slug().equals(asked)).findFirst().orElse(null) : null;
		boolean embed = Boolean.TRUE.equals(request.getAttribute(EmbargoFilter.EMBED));
		model.addAttribute("election", ElectionHeader.of(election, format));
		model.addAttribute("resultsAfter", format.text("embargo.after", Embargo.clock(election, format.locale())));
		model.addAttribute("publishAfter", election.publishAfter().toString());
		model.addAttribute("contest", (contest != null) ? new Named(contest.slug(), contest.name()) : null);
		model.addAttribute("contests", contests.stream().map((each) -> new Named(each.slug(), each.name())).toList());
		model.addAttribute("embed", embed);
		if (embed) {
			response.setHeader("Content-Security-Policy", PublicHttpPolicy.EMBED_CSP);
		}
		return "embargoed";
	}

	/**
	 * A contest by name only.
	 *
	 * @param slug its slug
	 * @param name its name
	 */
	record Named(String slug, String name) {
	}

}
