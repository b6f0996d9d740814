package org.tally.ingest.kit;

import java.time.Instant;

/**
 * A {@link RowSink} that passes everything on to another: a reader's stage that watches
 * or holds back some rows overrides only those.
 */
public abstract class ForwardingRowSink implements RowSink {

	private final RowSink sink;

	protected ForwardingRowSink(RowSink sink) {
		this.sink = sink;
	}

	/** The sink rows are passed on to. */
	protected final RowSink sink() {
		return this.sink;
	}

	@Override
	public void count(CountRow row) {
		this.sink.count(row);
	}

	@Override
	public void progress(ProgressRow row) {
		this.sink.progress(row);
	}

	@Override
	public void rounds(RankedRounds rounds) {
		this.sink.rounds(rounds);
	}

	@Override
	public void problem(Problem problem) {
		this.sink.problem(problem);
	}

	@Override
	public void warning(Problem warning) {
		this.sink.warning(warning);
	}

	@Override
	public void contest(ContestRow contest) {
		this.sink.contest(contest);
	}

	@Override
	public void stated(StatedTotal total) {
		this.sink.stated(total);
	}

	@Override
	public void key(SourceKey key) {
		this.sink.key(key);
	}

	@Override
	public void otherCount(OtherCountRow row) {
		this.sink.otherCount(row);
	}

	@Override
	public void winner(WinnerRow row) {
		this.sink.winner(row);
	}

	@Override
	public void sourceUpdatedAt(Instant updatedAt) {
		this.sink.sourceUpdatedAt(updatedAt);
	}

}
