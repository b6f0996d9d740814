package org.tally.feed;

import org.junit.jupiter.api.Test;
import org.tally.support.TallyApi;
import org.tally.support.TallyIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/elections/{e}/revision}: the few cacheable bytes pages poll behind a
 * CDN (docs/contract.md §4), moving with every revision.
 */
@TallyIntegrationTest
class RevisionResourceTests {

	private final TallyApi api;

	RevisionResourceTests(TallyApi api) {
		this.api = api;
	}

	@Test
	void answersTheCurrentRevisionCacheablyAndMovesWithIt() {
		String election = this.api.createElection("revision-resource", "special-general");
		var before = this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/revision")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("Cache-Control", ".*max-age=5.*")
			.expectBody(String.class)
			.returnResult();
		assertThat(before.getResponseBody()).isEqualTo("{\"revision\":0,\"digest\":null}");

		this.api.importFile(election, "ca34/20170606__ca__special__general__los_angeles__precinct.csv", "mode=setup")
			.expectStatus()
			.isCreated();

		var after = this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/revision")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		String digest = after.getResponseHeaders().getFirst("Tally-Digest");
		assertThat(digest).matches("[0-9a-f]{64}");
		assertThat(after.getResponseBody()).isEqualTo("{\"revision\":1,\"digest\":\"" + digest + "\"}");
		assertThat(after.getResponseHeaders().getETag()).isNotNull()
			.isNotEqualTo(before.getResponseHeaders().getETag());
		this.api.anonymous()
			.get()
			.uri("/api/v1/elections/" + election + "/revision")
			.header("If-None-Match", after.getResponseHeaders().getETag())
			.exchange()
			.expectStatus()
			.isNotModified();
	}

}
