package org.tally.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.tally.kernel.TallyProperties;
import org.tally.ingest.ImportCommand;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.ImportMode;
import org.tally.ingest.ImportService;
import org.tally.results.CallStatus;
import org.tally.results.ElectionKind;
import org.tally.results.ElectionStates;
import org.tally.results.ElectionStatus;
import org.tally.staff.CallRequest;
import org.tally.staff.ConcessionRequest;
import org.tally.staff.CreateElectionRequest;
import org.tally.staff.ElectionSetupService;
import org.tally.staff.RaceDesk;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Replays California's 34th district special election of 2017 from the files in
 * {@code seeds/} (see seeds/SOURCES.md): the April primary, then the June general as the
 * night went. Only with {@code tally.demo=true} (the {@code demo} profile); a production
 * start never seeds.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("tally.demo")
class DemoElections implements ApplicationRunner {

	static final String PRIMARY = "2017-04-04-ca-34-primary";

	static final String GENERAL = "2017-06-06-ca-34";

	private static final String CONTEST = "us-house-34";

	/** The primary's certified canvass, published April 14, 2017 (seeds/SOURCES.md). */
	static final Instant PRIMARY_CANVASS = Instant.parse("2017-04-14T23:00:00Z");

	/** Ahn's concession, Tuesday night, 10:30 pm Pacific. */
	static final Instant CONCESSION = Instant.parse("2017-06-07T05:30:00Z");

	/** The semi-official election-night count, out by Wednesday morning, Pacific time. */
	static final Instant ELECTION_NIGHT = Instant.parse("2017-06-07T08:00:00Z");

	/** The call, on the semi-official count. */
	static final Instant CALL = Instant.parse("2017-06-07T08:30:00Z");

	/**
	 * The general's certified canvass (the date is approximate, see seeds/SOURCES.md).
	 */
	static final Instant GENERAL_CANVASS = Instant.parse("2017-06-16T23:00:00Z");

	private static final String WHO = "demo";

	private static final Log log = LogFactory.getLog(DemoElections.class);

	private final ElectionSetupService setup;

	private final ImportService imports;

	private final RaceDesk desk;

	private final Path seeds;

	private final JdbcClient jdbc;

	private final ElectionStates states;

	DemoElections(ElectionSetupService setup, ImportService imports, RaceDesk desk, TallyProperties properties,
			JdbcClient jdbc, ElectionStates states) {
		this.jdbc = jdbc;
		this.states = states;
		this.setup = setup;
		this.imports = imports;
		this.desk = desk;
		this.seeds = Path.of(properties.seedsDir());
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!Files.isDirectory(this.seeds)) {
			log.warn("No demo seeds at " + this.seeds.toAbsolutePath() + "; set tally.seeds-dir");
			return;
		}
		if (!this.setup.exists(PRIMARY)) {
			loadPrimary();
		}
		if (!this.setup.exists(GENERAL)) {
			loadGeneral();
		}
	}

	private void loadPrimary() {
		this.setup.create(
				new CreateElectionRequest(PRIMARY, "California 34th District Special Primary", LocalDate.of(2017, 4, 4),
						ElectionKind.SPECIAL_PRIMARY.code(), "California", false, "America/Los_Angeles", "en"));
		load(PRIMARY, "20170404__ca__special__primary__los_angeles__precinct.csv", PRIMARY_CANVASS);
		this.desk.call(PRIMARY, CONTEST, new CallRequest(CallStatus.CALLED.code(), List.of(),
				List.of("Jimmy Gomez", "Robert Lee Ahn"), "No majority: the top two advance to the June 6 general."),
				WHO, PRIMARY_CANVASS);
		this.setup.changeStatus(PRIMARY, ElectionStatus.CERTIFIED.code());
		lastCounted(PRIMARY, PRIMARY_CANVASS);
		log.info("Loaded demo election " + PRIMARY);
	}

	private void loadGeneral() {
		this.setup.create(
				new CreateElectionRequest(GENERAL, "California 34th District Special General", LocalDate.of(2017, 6, 6),
						ElectionKind.SPECIAL_GENERAL.code(), "California", false, "America/Los_Angeles", "en"));
		load(GENERAL, "20170606__ca__special__general__election_night.csv", ELECTION_NIGHT);
		this.desk.concede(GENERAL, CONTEST, new ConcessionRequest("Robert Lee Ahn", CONCESSION,
				"Robert Lee Ahn conceded to Jimmy Gomez on election night.", null), WHO);
		this.desk.call(GENERAL, CONTEST, new CallRequest(CallStatus.CALLED.code(), List.of("Jimmy Gomez"), List.of(),
				"Semi-official count, all precincts in."), WHO, CALL);
		load(GENERAL, "20170606__ca__special__general__los_angeles__precinct.csv", GENERAL_CANVASS);
		this.setup.changeStatus(GENERAL, ElectionStatus.CERTIFIED.code());
		lastCounted(GENERAL, GENERAL_CANVASS);
		log.info("Loaded demo election " + GENERAL);
	}

	/**
	 * "Last updated" is the 2017 time of the demo's last count, not when this instance
	 * loaded it (outside the revisions' digests, as a replay's recorded times are).
	 */
	private void lastCounted(String election, Instant at) {
		this.jdbc.sql("update election set last_updated = ? where slug = ?")
			.params(Timestamp.from(at), election)
			.update();
		// the last revision received at that time too, so the revision record says it and
		// a replay from the record reproduces the reports (cdf.json's GeneratedDate)
		this.jdbc.sql("""
				update revision set received_at = ?
				where election_id = (select id from election where slug = ?)
				  and number = (select revision from election where slug = ?)
				""").params(Timestamp.from(at), election, election).update();
		this.jdbc.sql("""
				update contest set last_updated = ? where election_id = (select id from election where slug = ?)
				""").params(Timestamp.from(at), election).update();
		this.states.reread(election);
	}

	private void load(String election, String file, Instant sourceUpdatedAt) {
		try (InputStream in = Files.newInputStream(this.seeds.resolve(file))) {
			this.imports.importFile(new ImportCommand(election, file, ImportFormat.OPENELECTIONS, ImportMode.SETUP,
					false, null, null, sourceUpdatedAt, WHO), in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
