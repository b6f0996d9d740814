package org.tally;

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

	public static void main(String[] args) {
		SpringApplication.run(TallyApplication.class, args);
	}

}
