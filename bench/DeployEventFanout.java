import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Event fan-out through the proxy: N readers hold the election's event stream open through
 * nginx, imports are posted through nginx too; for every import, the time from its answer
 * (sent after the commit) to each reader's event. Prints one line:
 * {@code events readers=<n> imports=<k> p50=<ms> p99=<ms> max=<ms> missed=<m>}.
 *
 * java bench/DeployEventFanout.java http://127.0.0.1:18160 admin password [readers] [imports]
 */
public class DeployEventFanout {

	private static final Pattern REVISION = Pattern.compile("\"revision\":(\\d+)");

	public static void main(String[] args) throws Exception {
		String proxy = args[0];
		String auth = "Basic " + Base64.getEncoder()
			.encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
		int readers = (args.length > 3) ? Integer.parseInt(args[3]) : 1000;
		int imports = (args.length > 4) ? Integer.parseInt(args[4]) : 5;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		String election = "bench-fanout-" + System.currentTimeMillis();
		post(http, proxy + "/api/v1/elections", auth, "application/json", """
				{"slug":"%s","name":"Event fan-out bench","date":"2017-06-06","kind":"special-general",
				 "jurisdiction":"California","test":true}""".formatted(election));
		post(http, proxy + "/api/v1/elections/" + election + "/imports?mode=setup", auth, "text/csv", csv(1));

		// arrivals.get(revision).get(reader) = System.nanoTime() of the event
		Map<Long, Map<Integer, Long>> arrivals = new ConcurrentHashMap<>();
		CountDownLatch open = new CountDownLatch(readers);
		List<HttpClient> clients = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build());
		}
		for (int r = 0; r < readers; r++) {
			int reader = r;
			HttpRequest stream = HttpRequest.newBuilder(URI.create(proxy + "/api/v1/elections/" + election + "/events"))
				.header("Accept", "text/event-stream")
				.build();
			clients.get(r % clients.size())
				.sendAsync(stream, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {

					@Override
					public void onSubscribe(Flow.Subscription subscription) {
						subscription.request(Long.MAX_VALUE);
					}

					@Override
					public void onNext(String line) {
						if (line.startsWith(":") && line.contains("revision")) {
							open.countDown();
						}
						else if (line.startsWith("data:")) {
							Matcher matcher = REVISION.matcher(line);
							if (matcher.find()) {
								arrivals.computeIfAbsent(Long.parseLong(matcher.group(1)), (k) -> new ConcurrentHashMap<>())
									.putIfAbsent(reader, System.nanoTime());
							}
						}
					}

					@Override
					public void onError(Throwable throwable) {
					}

					@Override
					public void onComplete() {
					}

				}));
			if (r % 100 == 99) {
				Thread.sleep(100);
			}
		}
		if (!open.await(120, TimeUnit.SECONDS)) {
			System.out.println("events readers=" + readers + " connected=" + (readers - open.getCount())
					+ " imports=0 p50=0 p99=0 max=0 missed=" + readers * imports);
			System.exit(1);
		}
		Thread.sleep(1000);

		List<Double> millis = new ArrayList<>();
		int missed = 0;
		for (int i = 0; i < imports; i++) {
			String answer = post(http, proxy + "/api/v1/elections/" + election + "/imports", auth, "text/csv",
					csv(i + 2));
			long answered = System.nanoTime();
			Matcher matcher = REVISION.matcher(answer);
			if (!matcher.find()) {
				throw new IllegalStateException("no revision in the import's answer: " + answer);
			}
			long revision = Long.parseLong(matcher.group(1));
			long deadline = answered + TimeUnit.SECONDS.toNanos(10);
			while (System.nanoTime() < deadline
					&& arrivals.getOrDefault(revision, Map.of()).size() < readers) {
				Thread.sleep(10);
			}
			Map<Integer, Long> got = arrivals.getOrDefault(revision, Map.of());
			missed += readers - got.size();
			for (long at : got.values()) {
				millis.add(Math.max(0, at - answered) / 1e6);
			}
			Thread.sleep(500);
		}
		Collections.sort(millis);
		double p50 = millis.isEmpty() ? 0 : millis.get(millis.size() / 2);
		double p99 = millis.isEmpty() ? 0 : millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
		double max = millis.isEmpty() ? 0 : millis.get(millis.size() - 1);
		System.out.printf("events readers=%d imports=%d p50=%.0f p99=%.0f max=%.0f missed=%d%n", readers, imports, p50,
				p99, max, missed);
		System.exit(0);
	}

	private static String csv(int round) {
		return "county,office,district,party,candidate,votes\n" + "Los Angeles,U.S. House,34,DEM,Jimmy Gomez,"
				+ (1000 + round * 7) + "\n" + "Los Angeles,U.S. House,34,DEM,Robert Lee Ahn," + (900 + round * 5)
				+ "\n";
	}

	private static String post(HttpClient http, String uri, String auth, String type, String body) throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(uri))
			.header("Authorization", auth)
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() >= 300) {
			throw new IllegalStateException(uri + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return answer.body();
	}

}
