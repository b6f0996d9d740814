package org.tally.results;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One election day in one jurisdiction. Its revision counts every change applied to it.
 */
@Entity
@Table(name = "election")
public class Election {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String name;

	@Column(name = "election_date")
	private LocalDate date;

	private String kind;

	private String jurisdiction;

	private String status = ElectionStatus.SCHEDULED.code();

	private boolean test;

	@Column(name = "time_zone")
	private String timeZone = "America/Los_Angeles";

	private String language = "en";

	@Column(insertable = false, updatable = false)
	private long revision;

	@Column(name = "last_updated", insertable = false, updatable = false)
	private Instant lastUpdated;

	/** Whether the applied files are public (else for staff only; docs/verify.md). */
	private boolean sourcesPublic = true;

	/**
	 * The current revision's digest in the chain (docs/verify.md), written by its seal.
	 */
	@Column(insertable = false, updatable = false)
	private String digest;

	/** Before this instant the counts are embargoed (docs/contract.md §7); null: none. */
	@Column(name = "publish_after")
	private Instant publishAfter;

	protected Election() {
	}

	public Election(String slug, String name, LocalDate date, String kind, String jurisdiction, boolean test) {
		this.slug = slug;
		this.name = name;
		this.date = date;
		this.kind = kind;
		this.jurisdiction = jurisdiction;
		this.test = test;
	}

	public Long getId() {
		return this.id;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public LocalDate getDate() {
		return this.date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getJurisdiction() {
		return this.jurisdiction;
	}

	public void setJurisdiction(String jurisdiction) {
		this.jurisdiction = jurisdiction;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public boolean isTest() {
		return this.test;
	}

	public void setTest(boolean test) {
		this.test = test;
	}

	public String getTimeZone() {
		return this.timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	/** The language of the public pages when the reader asks for none Tally has. */
	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public long getRevision() {
		return this.revision;
	}

	public Instant getLastUpdated() {
		return this.lastUpdated;
	}

	public boolean isSourcesPublic() {
		return this.sourcesPublic;
	}

	public void setSourcesPublic(boolean sourcesPublic) {
		this.sourcesPublic = sourcesPublic;
	}

	public Instant getPublishAfter() {
		return this.publishAfter;
	}

	public void setPublishAfter(Instant publishAfter) {
		this.publishAfter = publishAfter;
	}

	public String getDigest() {
		return this.digest;
	}

}
