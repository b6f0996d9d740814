package org.tally.feed;

import io.micrometer.core.instrument.MeterRegistry;
import org.tally.kernel.PublicHttpPolicy;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Newsroom pages read the feed from the browser: any origin may GET it (no credentials)
 * and see the caching and revision headers. The hottest reads take the
 * {@link FeedFastPath}.
 */
@Configuration(proxyBeanMethods = false)
class FeedWebConfiguration implements WebMvcConfigurer {

	static final String[] EXPOSED_HEADERS = { "ETag", "Last-Modified", FeedResponses.REVISION_HEADER,
			FeedResponses.DIGEST_HEADER, FeedResponses.TEST_HEADER };

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping(PublicHttpPolicy.FEED + "**")
			.allowedOrigins("*")
			.allowedMethods("GET", "HEAD")
			.allowedHeaders("*")
			.exposedHeaders(EXPOSED_HEADERS)
			.allowCredentials(false)
			.maxAge(3600);
	}

	@Bean
	FilterRegistrationBean<FeedFastPath> feedFastPath(FeedBodies bodies, MeterRegistry meters) {
		FilterRegistrationBean<FeedFastPath> registration = new FilterRegistrationBean<>(
				new FeedFastPath(bodies, meters));
		registration.addUrlPatterns(FeedFastPath.PREFIX + "*");
		// before the observation filter (HIGHEST_PRECEDENCE + 1): the fast path counts
		// its
		// answers in http.server.requests itself
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
