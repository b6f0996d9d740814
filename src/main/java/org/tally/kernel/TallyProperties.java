package org.tally.kernel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tally's own settings, under {@code tally.*}.
 *
 * @param adminPassword password of the {@code admin} account created on first start with
 * no users ({@code TALLY_ADMIN_PASSWORD}); random and logged once when empty
 * @param demo whether to load the CA-34 demo elections from {@code seedsDir} at start-up
 * @param seedsDir folder holding the demo election files
 */
@ConfigurationProperties("tally")
public record TallyProperties(String adminPassword, boolean demo, String seedsDir) {

	public TallyProperties {
		if (seedsDir == null || seedsDir.isBlank()) {
			seedsDir = "seeds";
		}
	}

}
