package org.tally.feed;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Newsroom pages read the feed from the browser: any origin may GET it (no credentials),
 * and see the caching and revision headers.
 */
@Configuration(proxyBeanMethods = false)
class FeedWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		registry.addMapping("/api/v1/elections/**")
			.allowedOrigins("*")
			.allowedMethods("GET", "HEAD")
			.allowedHeaders("*")
			.exposedHeaders("ETag", "Last-Modified", FeedResponses.REVISION_HEADER, FeedResponses.TEST_HEADER)
			.allowCredentials(false)
			.maxAge(3600);
	}

}
