package org.tally.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tally.kernel.PublicHttpPolicy;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Caches must not serve one language's page to a reader of another. The language of a
 * page lives in its URL ({@code ?lang=es}, which every link and live fetch carries); a
 * page asked for without it depends on the browser's {@code Accept-Language} and says so
 * with {@code Vary: Accept-Language}. Public pages carry an ETag of their bytes, which
 * differ per language, so a 304 is never answered across languages.
 */
@Configuration(proxyBeanMethods = false)
class ReaderLanguageConfiguration implements WebMvcConfigurer {

	private final ReaderLocale readerLocale;

	ReaderLanguageConfiguration(ReaderLocale readerLocale) {
		this.readerLocale = readerLocale;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (PublicHttpPolicy.readerPage(ReaderLocale.path(request))
						&& !ReaderLanguageConfiguration.this.readerLocale.fromUrl(request)) {
					response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
				}
				return true;
			}

		}).addPathPatterns(PublicHttpPolicy.READER_PAGE_PATTERNS.toArray(String[]::new));
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> pageEtags() {
		ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter();
		// weak (PublicHttpPolicy, "ETag"): the tag names the page, not its encoding, so
		// Tomcat may gzip it on the wire (it leaves answers with a strong tag alone) and
		// the page rendered per request is compressed like the page kept in memory
		etags.setWriteWeakETag(true);
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(etags);
		registration.addUrlPatterns(PublicHttpPolicy.READER_PAGE_URL_PATTERNS.toArray(String[]::new));
		registration.setName("pageEtags");
		return registration;
	}

}
