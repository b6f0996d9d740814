package org.tally.feed;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's HTTP/1.1 NIO connector with a small response buffer (issue 27, docs/feed.md
 * "Capacity"): every connection's response keeps an 8 KiB byte and an 8,192-char buffer
 * (24 KB of heap) for as long as the connection is open, and an event stream keeps its
 * connection for hours. Created by Tomcat from its class name
 * ({@link EventStreamConnections}); the size is set there before the connector starts.
 * Every request that is not an event stream gets Tomcat's 8 KiB byte buffer back
 * ({@link StreamBuffersValve}), so only the character buffer (used by writers, emptied
 * into the byte buffer) stays small for them.
 */
public class StreamBuffersProtocol extends Http11NioProtocol {

	private volatile int responseBuffer = -1;

	/** The response buffer of every new connection (bytes; -1: Tomcat's 8 KiB). */
	@Override
	public int getDesiredBufferSize() {
		return this.responseBuffer;
	}

	void setResponseBuffer(int bytes) {
		this.responseBuffer = (bytes > 0) ? bytes : -1;
	}

}
