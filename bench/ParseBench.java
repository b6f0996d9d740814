import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.ResultsFileReader;
import org.tally.ingest.kit.RowSink;

/**
 * Times ResultsFileReader on one file: a few warm-up passes, then measured passes. Not a test:
 * run it with bench/parse-bench.sh.
 */
class ParseBench {

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		int warmups = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 5;
		for (int i = 0; i < warmups + runs; i++) {
			Counter counter = new Counter();
			long start = System.nanoTime();
			ReadSummary summary;
			try (InputStream in = Files.newInputStream(file)) {
				summary = ResultsFileReader.read(in, null, counter);
			}
			long nanos = System.nanoTime() - start;
			System.out.printf("%s %,d rows, %,d counts, %,d problems, %,d warnings, votes %,d: %.0f ms, %,.0f rows/s%n",
					(i < warmups) ? "warm-up " : "measured", summary.rows(), counter.counts, summary.problems(),
					counter.warnings, counter.votes, nanos / 1e6, summary.rows() / (nanos / 1e9));
		}
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("heap used after runs: %,d KB%n", (runtime.totalMemory() - runtime.freeMemory()) / 1024);
	}

	static final class Counter implements RowSink {

		long counts;

		long votes;

		long warnings;

		@Override
		public void count(CountRow row) {
			this.counts++;
			this.votes += row.votes();
		}

		@Override
		public void progress(ProgressRow row) {
		}

		@Override
		public void problem(Problem problem) {
			System.out.println("problem: " + problem);
		}

		@Override
		public void warning(Problem warning) {
			this.warnings++;
		}

	}

}
