package org.tally.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.tally.ingest.kit.ImportFormat;
import org.tally.results.ResultsService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff import page: upload a file, see the preview (or every problem), confirm the
 * very bytes previewed, and read the import history.
 */
@Controller
class StaffImportController {

	private static final String PAGE = "staff/imports";

	private final ImportService imports;

	private final ImportHistory history;

	private final UploadedFiles uploads;

	private final ResultsService results;

	StaffImportController(ImportService imports, ImportHistory history, UploadedFiles uploads, ResultsService results) {
		this.imports = imports;
		this.history = history;
		this.uploads = uploads;
		this.results = results;
	}

	@GetMapping("/staff/elections/{election}/imports")
	String page(@PathVariable String election, Model model) {
		return show(election, new StagedUpload(null, null, "auto", "strict", null, null), model);
	}

	@PostMapping(path = "/staff/elections/{election}/imports", consumes = "multipart/form-data")
	String preview(@PathVariable String election, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "auto") String format, @RequestParam(defaultValue = "strict") String mode,
			@RequestParam(required = false) String correction, @RequestParam(required = false) String calls,
			Principal principal, Model model) throws IOException {
		String hash;
		try (InputStream body = file.getInputStream()) {
			hash = this.uploads.store(body);
		}
		StagedUpload upload = new StagedUpload(hash, file.getOriginalFilename(), format, mode, correction, calls);
		run(upload, true, election, principal, model);
		return show(election, upload, model);
	}

	@PostMapping("/staff/elections/{election}/imports/confirm")
	String confirm(@PathVariable String election, StagedUpload upload, Principal principal, Model model,
			RedirectAttributes redirect) {
		Optional<ImportOutcome> outcome = run(upload, false, election, principal, model);
		if (outcome.isEmpty()) {
			return show(election, upload, model);
		}
		this.uploads.drop(upload.hash());
		ImportOutcome applied = outcome.get();
		redirect.addFlashAttribute("applied", applied);
		return "redirect:/staff/elections/" + election + "/imports";
	}

	private Optional<ImportOutcome> run(StagedUpload upload, boolean dryRun, String election, Principal principal,
			Model model) {
		Optional<InputStream> stored = this.uploads.open(upload.hash());
		if (stored.isEmpty()) {
			model.addAttribute("error", "The uploaded file is no longer on this server: please upload it again.");
			return Optional.empty();
		}
		try (InputStream body = stored.get()) {
			ImportOutcome outcome = this.imports.importFile(upload.command(election, dryRun, principal), body);
			model.addAttribute("outcome", outcome);
			return Optional.of(outcome);
		}
		catch (ImportRejectedException ex) {
			model.addAttribute("problems", ex.problems());
			model.addAttribute("problemTotal", ex.total());
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		catch (IOException ex) {
			model.addAttribute("error", "Could not read the uploaded file: " + ex.getMessage());
		}
		return Optional.empty();
	}

	private String show(String election, StagedUpload upload, Model model) {
		model.addAttribute("election", this.results.election(election));
		model.addAttribute("upload", upload);
		model.addAttribute("formats",
				Stream.concat(Stream.of("auto"), Arrays.stream(ImportFormat.values()).map(ImportFormat::code))
					.toList());
		model.addAttribute("history", this.history.forElection(election));
		return PAGE;
	}

}
