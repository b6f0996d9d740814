package org.tally.results;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals, at startup, the revisions made before the chain existed (migration V30), each
 * election in its own transaction under its row lock, oldest revision first
 * (docs/verify.md, "Elections older than the chain").
 */
@Component
class ChainBackfill {

	private static final Log log = LogFactory.getLog(ChainBackfill.class);

	private final JdbcClient jdbc;

	private final RevisionChain chain;

	private final TransactionTemplate transactions;

	ChainBackfill(JdbcClient jdbc, RevisionChain chain, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.chain = chain;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@EventListener(ApplicationReadyEvent.class)
	void sealEarlierRevisions() {
		List<Long> elections = this.jdbc.sql("select distinct election_id from revision where digest is null")
			.query(Long.class)
			.list();
		for (long election : elections) {
			this.transactions.executeWithoutResult((status) -> {
				this.jdbc.sql("select id from election where id = ? for update")
					.param(election)
					.query(Long.class)
					.list();
				this.chain.seal(election);
			});
		}
		if (!elections.isEmpty()) {
			log.info("Sealed the revisions of " + elections.size() + " election(s) into the chain (docs/verify.md)");
		}
	}

}
