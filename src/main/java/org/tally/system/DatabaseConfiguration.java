package org.tally.system;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	static BeanPostProcessor databaseCreator() {
		return new DatabaseCreator();
	}

}
