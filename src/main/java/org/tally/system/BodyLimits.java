package org.tally.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How request bodies are read ({@link RequestBodyGuard}); application.properties says
 * each one's default and why.
 *
 * @param uploadMaxSize the longest body, raw or multipart
 * ({@code tally.http.upload-max-size})
 * @param anonymousBodyMax the longest body without credentials (a sign-in form)
 * @param anonymousBodyTime how long an anonymous body may take to arrive
 * @param signInReaders workers that may read sign-in forms (and other anonymous bodies)
 * at once
 * @param bodyReaders workers that may read bodies of requests with credentials at once
 * @param bodyReadTimeout how long one read of a body may wait for bytes
 */
@ConfigurationProperties("tally.http")
record BodyLimits(DataSize uploadMaxSize, DataSize anonymousBodyMax, Duration anonymousBodyTime, int signInReaders,
		int bodyReaders, Duration bodyReadTimeout) {

	BodyLimits {
		uploadMaxSize = (uploadMaxSize != null) ? uploadMaxSize : DataSize.ofMegabytes(200);
		anonymousBodyMax = (anonymousBodyMax != null) ? anonymousBodyMax : DataSize.ofKilobytes(8);
		anonymousBodyTime = (anonymousBodyTime != null) ? anonymousBodyTime : Duration.ofSeconds(2);
		signInReaders = (signInReaders > 0) ? signInReaders : 16;
		bodyReaders = (bodyReaders > 0) ? bodyReaders : 32;
		bodyReadTimeout = (bodyReadTimeout != null) ? bodyReadTimeout : Duration.ofSeconds(5);
	}

	long maxUpload() {
		return this.uploadMaxSize.toBytes();
	}

	int anonymousMax() {
		return (int) this.anonymousBodyMax.toBytes();
	}

	Duration anonymousTime() {
		return this.anonymousBodyTime;
	}

}
