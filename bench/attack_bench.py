"""Slow-body attack and reader probes for bench/attack-bench.sh (loopback only, bounded).

Opens SLOW connections that each send a request with a slow body (KINDS, in turn: a declared
Content-Length 1,000,000 to POST / and POST /login with one byte every DRIP seconds, a chunked
POST / with a one-byte chunk every DRIP seconds, a declared 2 GB POST /login sending nothing),
for DURATION seconds, each connecting again DRIP s after the server answered or closed it;
meanwhile (from this process; the attack runs in a process of its own, so that the probes'
latencies are not the attack's event loop's) PROBERS readers GET the feed and the page in turn, each with a fresh connection, and
the latencies are reported (p50, p99, max, failures), with the statuses the attack's
connections were answered. Prints one line:
  probe <label> feed p50=<ms> p99=<ms> max=<ms> fail=<n>/<n> page p50=... attackers open=<n>
        answers 413=<n> ...
"""
import asyncio
import sys
import time

HOST = "127.0.0.1"


# The attack's kinds of slow body, one per connection slot in turn:
#   declared: Content-Length 1,000,000, one byte every DRIP s (POST / and POST /login)
#   chunked:  Transfer-Encoding: chunked, a one-byte chunk every DRIP s (POST /)
#   huge:     Content-Length 2,000,000,000 and nothing sent (POST /login)
KINDS = [("/", "declared"), ("/login", "declared"), ("/", "chunked"), ("/login", "huge")]


async def answer_status(reader, statuses):
    # the status line of the server's answer, whenever it comes (counted once)
    try:
        line = await reader.readline()
    except (OSError, ConnectionError, asyncio.IncompleteReadError):
        line = b""
    code = line.split(b" ")[1].decode() if line.startswith(b"HTTP/") else "none"
    statuses[code] = statuses.get(code, 0) + 1


async def slow_body(port, path, kind, drip, stop_at, open_count, statuses):
    try:
        reader, writer = await asyncio.open_connection(HOST, port)
    except OSError:
        return
    open_count[0] += 1
    answered = None
    try:
        if kind == "chunked":
            length = "Transfer-Encoding: chunked"
        elif kind == "huge":
            length = "Content-Length: 2000000000"
        else:
            length = "Content-Length: 1000000"
        writer.write((f"POST {path} HTTP/1.1\r\nHost: localhost\r\n"
                      f"Content-Type: application/x-www-form-urlencoded\r\n{length}\r\n\r\n").encode())
        await writer.drain()
        answered = asyncio.ensure_future(answer_status(reader, statuses))
        while time.monotonic() < stop_at:
            await asyncio.sleep(drip)
            if reader.at_eof() or answered.done():
                break
            if kind != "huge":
                writer.write(b"1\r\na\r\n" if kind == "chunked" else b"a")
                await writer.drain()
    except (OSError, ConnectionError):
        pass
    finally:
        open_count[0] -= 1
        if answered is not None and not answered.done():
            answered.cancel()
            statuses["unanswered"] = statuses.get("unanswered", 0) + 1
        writer.close()


async def attacker(port, slow, drip, stop_at, open_count, statuses):
    # each slot reconnects when the server closes it, until the end
    async def slot(i):
        path, kind = KINDS[i % len(KINDS)]
        while time.monotonic() < stop_at:
            await slow_body(port, path, kind, drip, stop_at, open_count, statuses)
            # refused or cut off: back again at the attack's own pace
            await asyncio.sleep(drip)
    await asyncio.gather(*(slot(i) for i in range(slow)))


async def get(port, path):
    start = time.monotonic()
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), 10)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        data = await asyncio.wait_for(reader.read(), 10)
        writer.close()
        ok = data.startswith(b"HTTP/1.1 200")
    except (OSError, asyncio.TimeoutError, ConnectionError):
        ok = False
    return (time.monotonic() - start) * 1000, ok


def summary(samples):
    times = sorted(t for t, _ in samples)
    fails = sum(1 for _, ok in samples if not ok)
    if not times:
        return "none"
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    return f"p50={pick(0.5):.0f} p99={pick(0.99):.0f} max={times[-1]:.0f} fail={fails}/{len(times)}"


async def attack_only(port, slow, drip, duration):
    # the attack in a process of its own, so that the probes' latencies are not its event
    # loop's: prints "<peak open> <status>=<n> ..." when done
    stop_at = time.monotonic() + duration
    open_count, statuses, peak = [0], {}, [0]

    async def watch():
        while time.monotonic() < stop_at:
            peak[0] = max(peak[0], open_count[0])
            await asyncio.sleep(0.5)
    await asyncio.gather(attacker(port, slow, drip, stop_at, open_count, statuses), watch())
    print(peak[0], " ".join(f"{k}={v}" for k, v in sorted(statuses.items())) or "-")


async def main():
    if sys.argv[1] == "--attack":
        port, slow, drip, duration = sys.argv[2:6]
        await attack_only(int(port), int(slow), float(drip), float(duration))
        return
    label, port, slow, drip, duration, probers, feed, page = sys.argv[1:9]
    port, slow, drip, duration, probers = int(port), int(slow), float(drip), float(duration), int(probers)
    # warm: the first render of a page after start-up is no reader's steady state
    for _ in range(3):
        await get(port, feed)
        await get(port, page)
    stop_at = time.monotonic() + duration
    attack = None
    if slow:
        attack = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--attack", str(port), str(slow), str(drip), str(duration),
            stdout=asyncio.subprocess.PIPE)
        # let the attack take hold before probing
        await asyncio.sleep(min(10.0, duration / 3))
    feed_samples, page_samples = [], []

    async def prober():
        while time.monotonic() < stop_at - 1:
            feed_samples.append(await get(port, feed))
            page_samples.append(await get(port, page))
            await asyncio.sleep(0.2)
    await asyncio.gather(*(prober() for _ in range(probers)))
    peak, answers = 0, "-"
    if attack:
        out, _ = await attack.communicate()
        peak, _, answers = out.decode().strip().partition(" ")
    print(f"probe {label} feed {summary(feed_samples)} page {summary(page_samples)} "
          f"attackers open={peak} answers {answers}")


asyncio.run(main())
