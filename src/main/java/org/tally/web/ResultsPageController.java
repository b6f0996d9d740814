package org.tally.web;

import org.tally.results.Election;
import org.tally.results.ResultsService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public pages: the list of elections and an election's contests.
 */
@Controller
class ResultsPageController {

	private final ResultsService results;

	ResultsPageController(ResultsService results) {
		this.results = results;
	}

	@GetMapping("/")
	String index(Model model) {
		model.addAttribute("elections", this.results.elections());
		return "index";
	}

	@GetMapping("/elections/{election}")
	String election(@PathVariable String election, Model model) {
		Election found = this.results.election(election);
		model.addAttribute("election", found);
		model.addAttribute("contests", this.results.contests(found));
		return "election";
	}

}
