import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many event-stream readers on one instance (issue 27): opens N readers over raw
 * non-blocking sockets (loopback, one selector thread, HTTP/1.1 as a browser sends it),
 * then posts imports one after another and reports, for each, from sending the import to
 * every reader's event: p50, p99, max and the readers that missed it.
 *
 * java bench/EventReaders.java http://127.0.0.1:18801 election token readers imports [extra]
 *
 * {@code extra} readers are opened after the N (expected to be refused with 503 when N is
 * the instance's cap); their statuses are counted.
 */
public class EventReaders {

	static final class Reader {

		final SocketChannel channel;

		int status;

		int match;

		long number = -1;

		Reader(SocketChannel channel) {
			this.channel = channel;
		}

	}

	private static final byte[] PATTERN = "\nid:".getBytes(StandardCharsets.US_ASCII);

	static final List<Reader> readers = new ArrayList<>();

	/** received[revision % 64][reader] = nanoTime the reader saw it. */
	static long[][] received;

	static final AtomicInteger open = new AtomicInteger();

	public static void main(String[] args) throws Exception {
		URI base = URI.create(args[0]);
		String election = args[1];
		String token = args[2];
		int count = Integer.parseInt(args[3]);
		int imports = Integer.parseInt(args[4]);
		int extra = (args.length > 5) ? Integer.parseInt(args[5]) : 0;
		received = new long[64][count + extra];
		Selector selector = Selector.open();
		byte[] get = ("GET /api/v1/elections/" + election + "/events HTTP/1.1\r\nHost: " + base.getAuthority()
				+ "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		long started = System.nanoTime();
		for (int i = 0; i < count + extra; i++) {
			SocketChannel channel = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()));
			channel.write(ByteBuffer.wrap(get));
			channel.configureBlocking(false);
			Reader reader = new Reader(channel);
			synchronized (readers) {
				readers.add(reader);
			}
			channel.register(selector, SelectionKey.OP_READ, i);
			selector.wakeup();
			if (i == 0) {
				Thread loop = new Thread(() -> loop(selector), "selector");
				loop.setDaemon(true);
				loop.start();
			}
			if (i % 500 == 499) {
				awaitStatuses(i + 1, 30_000);
			}
		}
		awaitStatuses(count + extra, 30_000);
		int ok = 0;
		int refused = 0;
		for (Reader reader : readers) {
			ok += (reader.status == 200) ? 1 : 0;
			refused += (reader.status == 503) ? 1 : 0;
		}
		System.out.printf("readers: %d asked, %d streaming (200), %d refused (503), %d other, in %.1f s%n",
				count + extra, ok, refused, count + extra - ok - refused, (System.nanoTime() - started) / 1e9);
		System.out.println("READY");
		System.out.flush();
		// The script measures RSS and the other requests now; it says "go" on stdin.
		new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
		runImports(base, election, token, imports, ok);
		System.exit(0);
	}

	private static void runImports(URI base, String election, String token, int imports, int streaming)
			throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		List<Double> all = new ArrayList<>();
		int missed = 0;
		for (int i = 1; i <= imports; i++) {
			long sent = System.nanoTime();
			HttpResponse<String> answer = http.send(HttpRequest
				.newBuilder(base.resolve("/api/v1/elections/" + election + "/imports?fileName=round-" + i + ".csv"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "text/csv")
				.POST(HttpRequest.BodyPublishers.ofString(csv(i)))
				.build(), HttpResponse.BodyHandlers.ofString());
			long answered = System.nanoTime();
			if (answer.statusCode() != 201) {
				throw new IllegalStateException("import " + i + ": " + answer.statusCode() + " " + answer.body());
			}
			long revision = Long.parseLong(answer.body().replaceAll("(?s).*\"revision\":(\\d+).*", "$1"));
			long[] times = received[(int) (revision % 64)];
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (System.nanoTime() < deadline && seen(times, streaming) < streaming) {
				Thread.sleep(5);
			}
			List<Double> millis = new ArrayList<>();
			for (int r = 0; r < readers.size(); r++) {
				if (readers.get(r).status == 200) {
					if (times[r] == 0) {
						missed++;
					}
					else {
						millis.add((times[r] - sent) / 1e6);
					}
				}
			}
			all.addAll(millis);
			System.out.printf("import %2d (revision %d): answered in %.0f ms; %s%n", i, revision,
					(answered - sent) / 1e6, summary(millis));
			Thread.sleep(200);
		}
		System.out.printf("ALL: %s; missed %d of %d%n", summary(all), missed, imports * streaming);
	}

	private static int seen(long[] times, int streaming) {
		int n = 0;
		for (long t : times) {
			n += (t != 0) ? 1 : 0;
		}
		return n;
	}

	private static String summary(List<Double> millis) {
		if (millis.isEmpty()) {
			return "no events";
		}
		double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return String.format("events %d, import sent -> reader p50 %.0f ms, p99 %.0f ms, max %.0f ms", sorted.length,
				sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.99) - 1],
				sorted[sorted.length - 1]);
	}

	private static String csv(int round) {
		return "county,office,district,party,candidate,votes\n" + "Los Angeles,U.S. House,34,DEM,Jimmy Gomez,"
				+ (1000 + round * 7) + "\n" + "Los Angeles,U.S. House,34,DEM,Robert Lee Ahn," + (900 + round * 5)
				+ "\n";
	}

	private static void awaitStatuses(int n, long millis) throws InterruptedException {
		long deadline = System.currentTimeMillis() + millis;
		while (System.currentTimeMillis() < deadline) {
			int have = 0;
			synchronized (readers) {
				for (int i = 0; i < n; i++) {
					have += (readers.get(i).status != 0) ? 1 : 0;
				}
			}
			if (have >= n) {
				return;
			}
			Thread.sleep(20);
		}
	}

	private static void loop(Selector selector) {
		ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
		try {
			while (true) {
				selector.select(100);
				Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
				long now = System.nanoTime();
				while (keys.hasNext()) {
					SelectionKey key = keys.next();
					keys.remove();
					int index = (Integer) key.attachment();
					Reader reader;
					synchronized (readers) {
						reader = readers.get(index);
					}
					buffer.clear();
					int read;
					try {
						read = reader.channel.read(buffer);
					}
					catch (IOException ex) {
						read = -1;
					}
					if (read < 0) {
						key.cancel();
						reader.channel.close();
						if (reader.status == 0) {
							reader.status = -1;
						}
						continue;
					}
					parse(reader, index, buffer.array(), read, now);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void parse(Reader reader, int index, byte[] bytes, int length, long now) {
		int from = 0;
		if (reader.status == 0 && length >= 12) {
			reader.status = Integer.parseInt(new String(bytes, 9, 3, StandardCharsets.US_ASCII));
			from = 12;
		}
		for (int i = from; i < length; i++) {
			byte b = bytes[i];
			if (reader.number >= 0) {
				if (b >= '0' && b <= '9') {
					reader.number = reader.number * 10 + (b - '0');
					continue;
				}
				received[(int) (reader.number % 64)][index] = now;
				reader.number = -1;
			}
			if (b == PATTERN[reader.match]) {
				reader.match++;
				if (reader.match == PATTERN.length) {
					reader.match = 0;
					reader.number = 0;
				}
			}
			else {
				reader.match = (b == PATTERN[0]) ? 1 : 0;
			}
		}
	}

}
