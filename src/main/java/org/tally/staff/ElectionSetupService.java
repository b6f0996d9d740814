package org.tally.staff;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import org.tally.results.Election;
import org.tally.results.ElectionNotFoundException;
import org.tally.results.ElectionRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and edits elections.
 */
@Service
public class ElectionSetupService {

	static final List<String> STATUSES = List.of("scheduled", "counting", "paused", "unofficial-complete", "certified");

	private final ElectionRepository elections;

	ElectionSetupService(ElectionRepository elections) {
		this.elections = elections;
	}

	/**
	 * Creates the election, or throws {@link ElectionExistsException} when the slug is
	 * taken.
	 */
	@Transactional
	public Election create(CreateElectionRequest request) {
		if (this.elections.existsBySlug(request.slug())) {
			throw ElectionExistsException.forSlug(request.slug());
		}
		Election election = new Election(request.slug(), request.name().strip(), request.date(), request.kind(),
				request.jurisdiction().strip(), Boolean.TRUE.equals(request.test()));
		if (request.timeZone() != null && !request.timeZone().isBlank()) {
			try {
				election.setTimeZone(ZoneId.of(request.timeZone()).getId());
			}
			catch (DateTimeException ex) {
				throw new IllegalArgumentException("Unknown time zone '" + request.timeZone() + "'");
			}
		}
		return this.elections.save(election);
	}

	/**
	 * Moves the election to another status (scheduled, counting, paused,
	 * unofficial-complete, certified).
	 */
	@Transactional
	public Election changeStatus(String slug, String status) {
		if (!STATUSES.contains(status)) {
			throw new IllegalArgumentException("status must be one of " + String.join(", ", STATUSES));
		}
		Election election = this.elections.findBySlug(slug).orElseThrow(() -> ElectionNotFoundException.forSlug(slug));
		election.setStatus(status);
		return election;
	}

}
