package org.tally.web;

import org.tally.results.ResultsService;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every public page whether the results it shows may be behind because the database
 * is out of reach ({@code resultsDelayed}, shown quietly in the status line).
 */
@ControllerAdvice(basePackageClasses = DelayedNote.class)
class DelayedNote {

	private final ResultsService results;

	DelayedNote(ResultsService results) {
		this.results = results;
	}

	/** Asked when the page is rendered, after the handler has tried the database. */
	@ModelAttribute("resultsDelayed")
	Delayed resultsDelayed() {
		return new Delayed(this.results);
	}

	record Delayed(ResultsService results) {

		public boolean now() {
			return this.results.delayed();
		}

	}

}
