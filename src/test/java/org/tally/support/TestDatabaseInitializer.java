package org.tally.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test's application context at the {@link TestDatabase}.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestDatabase database = TestDatabase.get();
		TestPropertyValues
			.of("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(), "tally.admin-password=" + Staff.ADMIN_PASSWORD,
					"spring.datasource.hikari.maximum-pool-size=10", "spring.datasource.hikari.minimum-idle=2",
					// 127.0.0.3 plays a TLS-terminating proxy (X-Forwarded-For, -Proto);
					// nobody else is believed
					"server.forward-headers-strategy=native", "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.3",
					// a lost listener connection is retried after 2 s, so a test can
					// commit in the gap
					"tally.results.listener-retry=2s")
			.applyTo(context.getEnvironment());
	}

}
