package org.tally.ingest;

import java.util.EnumMap;
import java.util.Map;

/**
 * Ids for new names in blocks that grow as a file keeps naming new things; the staging
 * {@code COPY} pauses while a block is taken.
 */
final class IdBlocks implements ElectionNames.Ids {

	private final StagingWriter writer;

	private final NameQueries queries;

	private final Map<ElectionNames.Sequence, long[]> blocks = new EnumMap<>(ElectionNames.Sequence.class);

	private final Map<ElectionNames.Sequence, Integer> used = new EnumMap<>(ElectionNames.Sequence.class);

	IdBlocks(StagingWriter writer, NameQueries queries) {
		this.writer = writer;
		this.queries = queries;
	}

	@Override
	public long next(ElectionNames.Sequence sequence) {
		long[] block = this.blocks.get(sequence);
		int at = this.used.getOrDefault(sequence, 0);
		if (block == null || at == block.length) {
			int size = (block == null) ? 16 : Math.min(block.length * 4, 1 << 16);
			this.writer.pauseForStatement();
			block = this.queries.nextIds(sequence, size);
			this.blocks.put(sequence, block);
			at = 0;
		}
		this.used.put(sequence, at + 1);
		return block[at];
	}

}
