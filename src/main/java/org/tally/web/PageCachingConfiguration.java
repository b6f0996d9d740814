package org.tally.web;

import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tally.kernel.PublicHttpPolicy;
import org.tally.results.ResultsService;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * What browsers, proxies and CDNs may keep (issue 16): public pages a few seconds (the
 * plain election and contest pages from memory with a revision's ETag,
 * {@link RenderedPages}); CSS and scripts a year, {@code immutable}, under URLs that
 * change with their content ({@code /css/tally-<md5>.css}, written into the pages by
 * Boot's {@code ResourceUrlEncodingFilter}) or their version
 * ({@code /webjars/htmx.org/2.0.8/…}). Staff pages keep Spring Security's
 * {@code no-store}.
 */
@Configuration(proxyBeanMethods = false)
class PageCachingConfiguration implements WebMvcConfigurer {

	static final CacheControl ASSETS = CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();

	@Bean
	PageLanguages pageLanguages(LocaleResolver localeResolver) {
		return new PageLanguages(localeResolver);
	}

	@Bean
	FilterRegistrationBean<RenderedPages> renderedPages(ResultsService results, PageLanguages languages,
			PublicSite site) {
		FilterRegistrationBean<RenderedPages> registration = new FilterRegistrationBean<>(
				new RenderedPages(results, languages, site));
		registration.addUrlPatterns(PublicHttpPolicy.PAGES + "*");
		// after Spring Security, so pages from memory get the same security headers, and
		// after the embargo (org.tally.system.EmbargoFilter), so no page of an embargoed
		// election is kept or served from memory
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
		return registration;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**", "/js/**")
			.addResourceLocations("classpath:/static/css/", "classpath:/static/js/")
			.setCacheControl(ASSETS)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(ASSETS)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		registry.addResourceHandler("/favicon.svg")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PublicPageCaching())
			.addPathPatterns(PublicHttpPolicy.READER_PAGE_PATTERNS.toArray(String[]::new));
	}

	/**
	 * Public pages rendered per request (the list of elections, filtered or paged
	 * variants, fragments): a few seconds in any cache, unless the page set its own.
	 */
	static class PublicPageCaching implements HandlerInterceptor {

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView modelAndView) {
			if ("GET".equals(request.getMethod()) && response.getStatus() == HttpServletResponse.SC_OK
					&& !response.containsHeader(HttpHeaders.CACHE_CONTROL)) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, PublicHttpPolicy.PUBLIC);
			}
		}

	}

}
