package org.tally.system;

import tools.jackson.databind.json.JsonMapper;

import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ResultsService;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@link EmbargoFilter} on every public path of an election: after Spring
 * Security (it asks who is signed in) and before the pages served from memory.
 */
@Configuration(proxyBeanMethods = false)
class EmbargoConfiguration {

	/** The embargo's place among the filters; the pages from memory come after it. */
	static final int ORDER = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1;

	@Bean
	FilterRegistrationBean<EmbargoFilter> embargoFilter(ResultsService results, JsonMapper json) {
		FilterRegistrationBean<EmbargoFilter> registration = new FilterRegistrationBean<>(
				new EmbargoFilter(results, json));
		registration.addUrlPatterns(PublicHttpPolicy.ELECTION_URL_PATTERNS.toArray(String[]::new));
		registration.setOrder(ORDER);
		return registration;
	}

}
