package org.tally.feed;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat sized for many idle event streams (issue 27, docs/feed.md "Capacity"): every
 * open connection keeps its socket buffers for as long as it is open, so at 10,000
 * streams Tomcat's default 8 KB read and 8 KB write buffer each cost 160 MB of heap.
 * Event frames are a few hundred bytes; larger bodies (uploads, pages) simply take a few
 * more system calls. {@code tally.feed.socket-buffer} sets both (bytes; 0 keeps Tomcat's
 * default).
 */
@Configuration(proxyBeanMethods = false)
class EventStreamConnections {

	@Bean
	TomcatConnectorCustomizer eventStreamSocketBuffers(@Value("${tally.feed.socket-buffer:2048}") int bytes) {
		return (connector) -> {
			if (bytes > 0) {
				connector.setProperty("socket.appReadBufSize", Integer.toString(bytes));
				connector.setProperty("socket.appWriteBufSize", Integer.toString(bytes));
			}
		};
	}

}
