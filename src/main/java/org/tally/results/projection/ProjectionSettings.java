package org.tally.results.projection;

import java.util.Map;

import org.tally.results.AuditLog;
import org.tally.results.ElectionNotFoundException;

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

	ProjectionSettings(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The election's setting, or {@link ElectionNotFoundException}. */
	public String of(String election) {
		return this.jdbc.sql("select projections from election where slug = ?")
			.param(election)
			.query(String.class)
			.optional()
			.orElseThrow(() -> ElectionNotFoundException.forSlug(election));
	}

	@Transactional
	public void set(String election, String projections, String who) {
		String before = of(election);
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
