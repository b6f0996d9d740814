package org.tally.web;

import org.tally.web.text.ReaderFormat;

import jakarta.servlet.http.HttpServletResponse;

import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ElectionResults;
import org.tally.results.ResultsService;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A contest's compact card for newsrooms to put in an article's iframe. It may be framed
 * by any site, so it sets its own {@code frame-ancestors} policy; the rest of Tally may
 * only be framed by itself. Cached like every public page ({@link PublicHttpPolicy}).
 */
@Controller
class EmbedController {

	private final ResultsService results;

	private final ReaderFormats formats;

	EmbedController(ResultsService results, ReaderFormats formats) {
		this.results = results;
		this.formats = formats;
	}

	@GetMapping("/embed/elections/{election}/contests/{contest}")
	String embed(@PathVariable String election, @PathVariable String contest, Model model,
			HttpServletResponse response) {
		ElectionResults current = this.results.results(this.results.current(election));
		ReaderFormat times = this.formats.of(current.election().timeZone());
		model.addAttribute("election", ElectionHeader.of(current.election(), times));
		model.addAttribute("card",
				ContestCard.of(this.results.contest(current, contest), current.election().slug(), times));
		response.setHeader("Content-Security-Policy", PublicHttpPolicy.EMBED_CSP);
		response.setHeader(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.PUBLIC);
		return "embed";
	}

}
