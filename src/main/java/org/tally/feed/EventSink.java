package org.tally.feed;

import java.io.IOException;
import java.util.ArrayDeque;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * One reader's open event stream, written without ever blocking the writer (Servlet
 * non-blocking output): what the socket cannot take at once waits here, and a reader that
 * lets more than {@code maxPending} bytes pile up is too slow to follow, so its stream is
 * ended (it reconnects with Last-Event-ID and catches up from the revision table: nothing
 * is lost). Sending to 10,000 readers therefore never waits on any of them (docs/feed.md,
 * Capacity). Guarded by its own lock; the container's callbacks take it too.
 */
final class EventSink implements WriteListener, AsyncListener {

	private final AsyncContext async;

	private final ServletOutputStream out;

	private final int maxPending;

	private final Runnable onClose;

	private final ArrayDeque<byte[]> pending = new ArrayDeque<>();

	private int pendingBytes;

	private boolean closed;

	EventSink(AsyncContext async, int maxPending, Runnable onClose) throws IOException {
		this.async = async;
		this.out = async.getResponse().getOutputStream();
		this.maxPending = maxPending;
		this.onClose = onClose;
		async.addListener(this);
		this.out.setWriteListener(this);
	}

	/**
	 * Queues the bytes and writes what the socket takes now; false when the stream is
	 * closed (or has just been closed for falling behind).
	 */
	boolean send(byte[] bytes) {
		synchronized (this) {
			if (this.closed) {
				return false;
			}
			if (this.pendingBytes + bytes.length <= this.maxPending) {
				this.pending.add(bytes);
				this.pendingBytes += bytes.length;
				if (drain()) {
					return true;
				}
			}
		}
		close();
		return false;
	}

	/**
	 * Ends the stream (the reader may reconnect); idempotent. The container is told
	 * outside this sink's lock, so its threads never wait on it.
	 */
	void close() {
		if (!markClosed()) {
			return;
		}
		try {
			this.async.complete();
		}
		catch (IllegalStateException ex) {
			// already completed by the container (the reader went away)
		}
	}

	synchronized boolean isClosed() {
		return this.closed;
	}

	/** Writes what the socket takes now; false when the stream failed. */
	private boolean drain() {
		try {
			while (!this.pending.isEmpty() && this.out.isReady()) {
				byte[] next = this.pending.poll();
				this.pendingBytes -= next.length;
				this.out.write(next);
			}
			if (this.pending.isEmpty() && this.out.isReady()) {
				this.out.flush();
			}
			return true;
		}
		catch (IOException | RuntimeException ex) {
			// the reader went away (or the container already recycled its request)
			return false;
		}
	}

	@Override
	public void onWritePossible() {
		synchronized (this) {
			if (this.closed || drain()) {
				return;
			}
		}
		close();
	}

	@Override
	public void onError(Throwable failure) {
		close();
	}

	@Override
	public void onComplete(AsyncEvent event) {
		markClosed();
	}

	@Override
	public void onTimeout(AsyncEvent event) {
		close();
	}

	@Override
	public void onError(AsyncEvent event) {
		close();
	}

	@Override
	public void onStartAsync(AsyncEvent event) {
	}

	/** Marks the stream closed; true the first time only. */
	private boolean markClosed() {
		synchronized (this) {
			if (this.closed) {
				return false;
			}
			this.closed = true;
			this.pending.clear();
			this.pendingBytes = 0;
		}
		this.onClose.run();
		return true;
	}

}
