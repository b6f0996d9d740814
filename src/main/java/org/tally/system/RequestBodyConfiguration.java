package org.tally.system;

import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Request bodies never hold the workers readers need ({@link RequestBodyGuard}, first of
 * all filters), and a body's every read waits at most
 * {@code tally.http.body-read-timeout} (Tomcat's upload timeout, apart from the
 * keep-alive and header timeouts).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BodyLimits.class)
class RequestBodyConfiguration {

	@Bean
	FilterRegistrationBean<RequestBodyGuard> requestBodyGuard(BodyLimits limits) {
		FilterRegistrationBean<RequestBodyGuard> registration = new FilterRegistrationBean<>(
				new RequestBodyGuard(limits));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Unread bodies are not drained on the worker ({@link BodyValves}): Tomcat's own
	 * {@code swallowAbortedUploads=false} for a 413, and {@link BodyValves.UnreadBodies}
	 * for every other early answer; a read that times out is a 408 problem.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodies(BodyLimits limits) {
		return (factory) -> {
			factory.addContextCustomizers((context) -> context.setSwallowAbortedUploads(false));
			factory.addEngineValves(new BodyValves.UnreadBodies(limits.anonymousMax()));
			factory.addContextValves(new BodyValves.ReadFailures());
		};
	}

	@Bean
	TomcatConnectorCustomizer bodyReadTimeout(BodyLimits limits) {
		return (connector) -> {
			if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
				http.setDisableUploadTimeout(false);
				http.setConnectionUploadTimeout((int) limits.bodyReadTimeout().toMillis());
			}
		};
	}

}
