package org.tally.feed;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StreamBuffersValve} resizes the request character buffer of this Tomcat's own
 * request object (private fields: a Tomcat upgrade that renames them fails here, not
 * silently in production, where streams would cost 16 KB more each).
 */
class StreamBuffersValveTests {

	@Test
	void anEventStreamsRequestBufferIsSmallAndTheNextRequestGetsTomcatsBack() {
		Request request = new Request(new Connector(), new org.apache.coyote.Request());
		assertThat(StreamBuffersValve.readerChars(request)).isEqualTo(StreamBuffersValve.READER_CHARS);

		StreamBuffersValve.readerChars(request, StreamBuffersValve.STREAM_READER_CHARS);
		assertThat(StreamBuffersValve.readerChars(request)).isEqualTo(16);
		request.recycle();
		assertThat(StreamBuffersValve.readerChars(request)).isEqualTo(16);

		StreamBuffersValve.readerChars(request, StreamBuffersValve.READER_CHARS);
		assertThat(StreamBuffersValve.readerChars(request)).isEqualTo(8192);
	}

	@Test
	void onlyAnElectionsEventStreamIsOne() {
		assertThat(StreamBuffersValve.isEventStream("/api/v1/elections/2017-06-06-ca-34/events")).isTrue();
		assertThat(StreamBuffersValve.isEventStream("/api/v1/elections/2017-06-06-ca-34/revision")).isFalse();
		assertThat(StreamBuffersValve.isEventStream("/elections/2017-06-06-ca-34")).isFalse();
		// a request line Tomcat could not parse has no URI (HostileInputTests' path
		// tricks)
		assertThat(StreamBuffersValve.isEventStream(null)).isFalse();
	}

}
