import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Event latency: a reader connected to instance B's event stream, imports posted to
 * instance A. For each import: from sending the import to the event (an upper bound of
 * commit-to-reader) and from the import's answer (sent after its commit) to the event.
 *
 * java bench/FeedEventLatency.java http://localhost:18084 http://localhost:18094 admin password [imports]
 */
public class FeedEventLatency {

	public static void main(String[] args) throws Exception {
		String a = args[0];
		String b = args[1];
		String auth = "Basic " + Base64.getEncoder()
			.encodeToString((args[2] + ":" + args[3]).getBytes(StandardCharsets.UTF_8));
		int imports = (args.length > 4) ? Integer.parseInt(args[4]) : 30;
		HttpClient http = HttpClient.newHttpClient();
		String election = "bench-events-" + System.currentTimeMillis();
		post(http, a + "/api/v1/elections", auth, "application/json", """
				{"slug":"%s","name":"Event latency bench","date":"2017-06-06","kind":"special-general",
				 "jurisdiction":"California","test":true}""".formatted(election));
		post(http, a + "/api/v1/elections/" + election + "/imports?mode=setup", auth, "text/csv", csv(1));

		BlockingQueue<Long> events = new LinkedBlockingQueue<>();
		HttpRequest stream = HttpRequest.newBuilder(URI.create(b + "/api/v1/elections/" + election + "/events"))
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<java.util.stream.Stream<String>> response = http.send(stream,
				HttpResponse.BodyHandlers.ofLines());
		Thread reader = new Thread(() -> response.body().forEach((line) -> {
			if (line.startsWith("event:results")) {
				events.add(System.nanoTime());
			}
		}));
		reader.setDaemon(true);
		reader.start();
		Thread.sleep(500);

		List<Double> fromSend = new ArrayList<>();
		List<Double> fromAnswer = new ArrayList<>();
		for (int i = 2; i <= imports + 1; i++) {
			long sent = System.nanoTime();
			post(http, a + "/api/v1/elections/" + election + "/imports", auth, "text/csv", csv(i));
			long answered = System.nanoTime();
			Long received = events.poll(5, TimeUnit.SECONDS);
			if (received == null) {
				throw new IllegalStateException("no event for import " + i);
			}
			fromSend.add((received - sent) / 1e6);
			fromAnswer.add((received - answered) / 1e6);
			Thread.sleep(50);
		}
		report("import sent -> event at reader (upper bound)", fromSend);
		report("import answered -> event at reader", fromAnswer);
		System.exit(0);
	}

	private static String csv(int round) {
		return "county,office,district,party,candidate,votes\n" + "Los Angeles,U.S. House,34,DEM,Jimmy Gomez,"
				+ (1000 + round * 7) + "\n" + "Los Angeles,U.S. House,34,DEM,Robert Lee Ahn," + (900 + round * 5)
				+ "\n";
	}

	private static void post(HttpClient http, String uri, String auth, String type, String body) throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(uri))
			.header("Authorization", auth)
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() >= 300) {
			throw new IllegalStateException(uri + " answered " + answer.statusCode() + ": " + answer.body());
		}
	}

	private static void report(String what, List<Double> millis) {
		List<Double> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		double p50 = sorted.get(sorted.size() / 2);
		double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
		System.out.printf("%-46s n=%d  p50=%.1f ms  p95=%.1f ms  max=%.1f ms%n", what, sorted.size(), p50, p95,
				sorted.get(sorted.size() - 1));
	}

}
