package org.tally.results.projection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.tally.kernel.AuditLog;
import org.tally.kernel.ElectionNotFoundException;
import org.tally.results.ElectionStates;
import org.tally.results.Revisions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The election setting {@code projections}: {@code off}, {@code staff} (the default: the
 * staff desk only) or {@code public} (contest page and feed).
 */
@Service
public class ProjectionSettings {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Revisions revisions;

	private final ElectionStates states;

	ProjectionSettings(JdbcClient jdbc, AuditLog audit, Revisions revisions, ElectionStates states) {
		this.states = states;
		this.jdbc = jdbc;
		this.audit = audit;
		this.revisions = revisions;
	}

	/**
	 * The election's setting, from the election's state held in memory
	 * ({@link ElectionStates}: no query), or {@link ElectionNotFoundException}.
	 */
	public String of(String election) {
		return this.states.current(election).projections();
	}

	private String stored(String election) {
		return this.jdbc.sql("select projections from election where slug = ?")
			.param(election)
			.query(String.class)
			.optional()
			.orElseThrow(() -> ElectionNotFoundException.forSlug(election));
	}

	/**
	 * Changes the setting: a {@code setup} revision, so pages and caches move on.
	 */
	@Transactional
	public void set(String election, String projections, String who) {
		long electionId = this.revisions.lockElection(election);
		String before = stored(election);
		this.revisions.next(electionId, "setup", who, "projections " + projections, null, Instant.now(), List.of());
		this.jdbc.sql("update election set projections = ? where slug = ?").params(projections, election).update();
		this.audit.record(who, "projections", "election " + election, Map.of("projections", before),
				Map.of("projections", projections), null);
	}

	/**
	 * Whether a public reader may see the election's estimate: only when the setting is
	 * {@code public} and nothing holds the results back (an embargo, where one exists,
	 * answers here too).
	 */
	public boolean publicMaySee(String election) {
		return "public".equals(of(election));
	}

}
