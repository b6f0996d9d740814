import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.tally.ingest.kit.CountRow;
import org.tally.ingest.kit.Problem;
import org.tally.ingest.kit.ProgressRow;
import org.tally.ingest.kit.ReadContext;
import org.tally.ingest.kit.ReadSummary;
import org.tally.ingest.ResultsFileReader;
import org.tally.ingest.kit.RowSink;

/**
 * Times the JSON readers on one file (format told from the bytes, both passes): warm-up
 * passes, then measured ones, and the heap in use after. Not a test: run it with
 * bench/json-parse-bench.sh.
 */
class JsonParseBench {

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		int warmups = (args.length > 1) ? Integer.parseInt(args[1]) : 1;
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
		long peak = 0;
		for (int i = 0; i < warmups + runs; i++) {
			Counter counter = new Counter();
			long start = System.nanoTime();
			ReadSummary summary = ResultsFileReader.read(() -> Files.newInputStream(file), null,
					new ReadContext("Kentucky", false), counter);
			long nanos = System.nanoTime() - start;
			System.out.printf("%s %s: %,d JSON count entries, %,d counts handed over, %,d problems, votes %,d: "
					+ "%.0f ms, %,.0f counts/s%n", (i < warmups) ? "warm-up " : "measured", summary.format().code(),
					summary.rows(), counter.counts, summary.problems(), counter.votes, nanos / 1e6,
					counter.counts / (nanos / 1e9));
			Runtime runtime = Runtime.getRuntime();
			peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
		}
		System.out.printf("file %,d MB; max heap %,d MB; heap in use after a pass (max seen) %,d KB%n",
				Files.size(file) >> 20, Runtime.getRuntime().maxMemory() >> 20, peak / 1024);
	}

	static final class Counter implements RowSink {

		long counts;

		long votes;

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
		}

		@Override
		public void sourceUpdatedAt(Instant at) {
		}

	}

}
