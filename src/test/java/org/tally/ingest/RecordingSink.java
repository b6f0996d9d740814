package org.tally.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.tally.ingest.kit.ContestRow;
import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.ImportFormat;
import org.tally.ingest.kit.OtherCountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.ReadContext;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.kit.RowSink;
import org.tally.ingest.kit.SourceKey;
import org.tally.ingest.kit.StatedTotal;
import org.tally.results.VoteType;
import org.tally.ingest.kit.WinnerRow;

/**
 * Keeps everything a {@link ResultsFileReader} hands over, for assertions.
 */
class RecordingSink implements RowSink {

	final List<CountRow> counts = new ArrayList<>();

	final List<ProgressRow> progress = new ArrayList<>();

	final List<Problem> problems = new ArrayList<>();

	final List<Problem> warnings = new ArrayList<>();

	final List<ContestRow> contests = new ArrayList<>();

	final List<WinnerRow> winners = new ArrayList<>();

	final List<StatedTotal> stated = new ArrayList<>();

	final List<SourceKey> keys = new ArrayList<>();

	final List<OtherCountRow> otherCounts = new ArrayList<>();

	Instant sourceUpdatedAt;

	ReadSummary summary;

	/** Reads a file the way an import does: from a source it may open twice. */
	static RecordingSink readFile(byte[] bytes, ImportFormat format, ReadContext context) {
		RecordingSink sink = new RecordingSink();
		try {
			sink.summary = ResultsFileReader.read(() -> new ByteArrayInputStream(bytes), format, context, sink);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sink;
	}

	static byte[] json(String name) {
		try (InputStream in = RecordingSink.class.getResourceAsStream("/json/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static RecordingSink read(String csv) {
		return read(csv.getBytes(StandardCharsets.UTF_8), null);
	}

	static RecordingSink read(byte[] bytes, ImportFormat format) {
		return read(new ByteArrayInputStream(bytes), format);
	}

	static RecordingSink readResource(String name) {
		return read(new ByteArrayInputStream(resource(name)), null);
	}

	static RecordingSink read(InputStream in, ImportFormat format) {
		RecordingSink sink = new RecordingSink();
		try {
			sink.summary = ResultsFileReader.read(in, format, sink);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sink;
	}

	static byte[] resource(String name) {
		try (InputStream in = RecordingSink.class.getResourceAsStream("/ingest/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<String> problemMessages() {
		return this.problems.stream().map(Problem::message).toList();
	}

	@Override
	public void key(SourceKey key) {
		this.keys.add(key);
	}

	@Override
	public void otherCount(OtherCountRow row) {
		this.otherCounts.add(row);
	}

	@Override
	public void count(CountRow row) {
		this.counts.add(row);
	}

	@Override
	public void progress(ProgressRow row) {
		this.progress.add(row);
	}

	@Override
	public void problem(Problem problem) {
		this.problems.add(problem);
	}

	@Override
	public void warning(Problem warning) {
		this.warnings.add(warning);
	}

	@Override
	public void contest(ContestRow contest) {
		this.contests.add(contest);
	}

	@Override
	public void sourceUpdatedAt(Instant updatedAt) {
		this.sourceUpdatedAt = updatedAt;
	}

	List<String> warningMessages() {
		return this.warnings.stream().map(Problem::message).toList();
	}

	/** The sum of the counts of one choice and vote type. */
	long votes(String candidate, VoteType type) {
		return this.counts.stream()
			.filter((count) -> count.candidate().equals(candidate) && count.voteType() == type)
			.mapToLong(CountRow::votes)
			.sum();
	}

	@Override
	public void winner(WinnerRow row) {
		this.winners.add(row);
	}

	@Override
	public void stated(StatedTotal total) {
		this.stated.add(total);
	}

}
