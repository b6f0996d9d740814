package org.tally.system;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	static BeanPostProcessor databaseCreator() {
		return new DatabaseCreator();
	}

	/**
	 * The pool as {@link OutageConnectionWait}: short waits for a connection while the
	 * database is known to be away.
	 */
	@Bean
	static BeanPostProcessor outageConnectionWait(Environment environment) {
		Duration wait = environment.getProperty("tally.database.outage-connection-timeout", Duration.class,
				Duration.ofMillis(500));
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof HikariDataSource pool) ? new OutageConnectionWait(pool, wait) : bean;
			}

		};
	}

}
