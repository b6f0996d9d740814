package org.tally;

import org.tally.replay.ReplayCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tally: an election-night results tracker. Staff feed it counts, readers watch them
 * move.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TallyApplication {

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && ("replay".equals(args[0]) || "export".equals(args[0]))) {
			// docs/verify.md, "Replay"
			System.exit(ReplayCommand.run(TallyApplication.class, args));
		}
		SpringApplication.run(TallyApplication.class, args);
	}

}
