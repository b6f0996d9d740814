package org.tally.staff;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.tally.results.ElectionState;
import org.tally.results.ResultsService;
import org.tally.results.ReaderLanguages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff desk's elections: the list, creating one, and an election's setup page
 * (details, status, contests, reporting units).
 */
@Controller
class StaffHomePageController {

	private final ResultsService results;

	private final ElectionSetupService elections;

	private final ContestSetupService contests;

	private final StaffPages pages;

	private final ReaderLanguages languages;

	StaffHomePageController(ResultsService results, ElectionSetupService elections, ContestSetupService contests,
			StaffPages pages, ReaderLanguages languages) {
		this.results = results;
		this.elections = elections;
		this.contests = contests;
		this.pages = pages;
		this.languages = languages;
	}

	@GetMapping("/staff")
	String home(Model model) {
		model.addAttribute("elections", this.results.elections());
		model.addAttribute("kinds", ElectionSetupService.KINDS);
		model.addAttribute("pageLanguages", languages());
		return "staff/home";
	}

	@PostMapping("/staff/elections")
	String create(CreateElectionRequest form, Principal principal, RedirectAttributes flash) {
		return this.pages.submit(form, () -> {
			this.elections.create(form, principal.getName());
			return "Created " + form.slug();
		}, flash, "/staff");
	}

	@GetMapping("/staff/elections/{election}")
	String election(@PathVariable String election, Model model) {
		ElectionState found = this.results.election(election);
		model.addAttribute("election", found);
		model.addAttribute("contests", this.results.contests(found));
		model.addAttribute("units", this.contests.reportingUnits(election));
		model.addAttribute("statuses", ElectionSetupService.STATUSES);
		model.addAttribute("kinds", ElectionSetupService.KINDS);
		model.addAttribute("pageLanguages", languages());
		return "staff/election";
	}

	@PostMapping("/staff/elections/{election}")
	String update(@PathVariable String election, ElectionRequest form, Principal principal, RedirectAttributes flash) {
		return this.pages.submit(form, () -> {
			this.elections.update(election, form, principal.getName());
			return "Saved the election";
		}, flash, "/staff/elections/" + election);
	}

	@PostMapping("/staff/elections/{election}/status")
	String status(@PathVariable String election, StatusRequest form, Principal principal, RedirectAttributes flash) {
		return this.pages.submit(form, () -> {
			this.elections.changeStatus(election, form.status(), principal.getName());
			return "Status is now " + form.status();
		}, flash, "/staff/elections/" + election);
	}

	@PostMapping("/staff/elections/{election}/contests")
	String createContest(@PathVariable String election, ContestRequest form, Principal principal,
			RedirectAttributes flash) {
		return this.pages.submit(form,
				() -> "Created contest " + this.contests.createContest(election, form, principal.getName()), flash,
				"/staff/elections/" + election);
	}

	@PostMapping("/staff/elections/{election}/reporting-units")
	String addUnit(@PathVariable String election, ReportingUnitRequest form, Principal principal,
			RedirectAttributes flash) {
		return this.pages.submit(form, () -> {
			this.contests.addReportingUnit(election, form, principal.getName());
			return "Added reporting unit " + form.code();
		}, flash, "/staff/elections/" + election + "#units");
	}

	/** The pages' languages by code, named in English: {"en": "English (en)", ...}. */
	private Map<String, String> languages() {
		Map<String, String> names = new LinkedHashMap<>();
		for (Locale locale : this.languages.locales()) {
			String code = ReaderLanguages.code(locale);
			names.put(code, locale.getDisplayLanguage(Locale.ENGLISH) + " (" + code + ")");
		}
		return names;
	}

}
