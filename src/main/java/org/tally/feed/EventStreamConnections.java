package org.tally.feed;

import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat sized for many idle event streams (issue 27, docs/feed.md "Capacity"): every
 * open connection keeps its buffers for as long as it is open, so at 10,000 streams each
 * KB a connection holds is 10 MB of heap. Event frames are a few hundred bytes; larger
 * bodies (uploads, pages) simply take a few more system calls.
 * <ul>
 * <li>{@code tally.feed.socket-buffer} (2 KiB; 0 keeps Tomcat's 8 KiB): the socket's read
 * and write buffers.</li>
 * <li>{@code tally.feed.response-buffer} (1 KiB; 0 keeps Tomcat's 8 KiB): the response
 * buffer a connection starts with ({@link StreamBuffersProtocol}), its bytes and as many
 * chars; every request but an event stream gets 8 KiB of bytes back
 * ({@link StreamBuffersValve}).</li>
 * <li>{@code tally.http.max-trailer-size} (1 KiB; Tomcat's default is 8 KiB): the trailer
 * headers a chunked request body may end with (more fails the read of the body), a buffer
 * every connection allocates.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EventStreamConnections {

	@Bean
	TomcatConnectorCustomizer eventStreamSocketBuffers(@Value("${tally.feed.socket-buffer:2048}") int bytes,
			@Value("${tally.feed.response-buffer:1024}") int responseBuffer,
			@Value("${tally.http.max-trailer-size:1024}") int maxTrailerSize) {
		return (connector) -> {
			if (bytes > 0) {
				connector.setProperty("socket.appReadBufSize", Integer.toString(bytes));
				connector.setProperty("socket.appWriteBufSize", Integer.toString(bytes));
			}
			if (connector.getProtocolHandler() instanceof StreamBuffersProtocol protocol) {
				protocol.setResponseBuffer(responseBuffer);
			}
			if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
				http.setMaxTrailerSize(maxTrailerSize);
			}
		};
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> eventStreamProtocol() {
		return (factory) -> {
			factory.setProtocol(StreamBuffersProtocol.class.getName());
			factory.addEngineValves(new StreamBuffersValve());
		};
	}

}
