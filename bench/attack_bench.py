"""Slow-body attack and reader probes for bench/attack-bench.sh (loopback only, bounded).

Opens SLOW connections that each send a request declaring a large body (Content-Length
1,000,000, POST / or POST /login, half each) and then one byte every DRIP seconds, for
DURATION seconds; meanwhile PROBERS readers GET the feed and the page in turn, each with a
fresh connection, and the latencies are reported (p50, p99, max, failures). Prints one line:
  probe <label> feed p50=<ms> p99=<ms> max=<ms> fail=<n>/<n> page p50=... attackers open=<n>
"""
import asyncio
import sys
import time

HOST = "127.0.0.1"


async def slow_body(port, path, drip, stop_at, open_count):
    try:
        reader, writer = await asyncio.open_connection(HOST, port)
    except OSError:
        return
    open_count[0] += 1
    try:
        writer.write((f"POST {path} HTTP/1.1\r\nHost: localhost\r\n"
                      "Content-Type: application/x-www-form-urlencoded\r\n"
                      "Content-Length: 1000000\r\n\r\n").encode())
        await writer.drain()
        while time.monotonic() < stop_at:
            await asyncio.sleep(drip)
            if reader.at_eof():
                break
            writer.write(b"a")
            await writer.drain()
    except (OSError, ConnectionError):
        pass
    finally:
        open_count[0] -= 1
        writer.close()


async def attacker(port, slow, drip, stop_at, open_count):
    # each slot reconnects when the server closes it, until the end
    async def slot(i):
        path = "/" if i % 2 == 0 else "/login"
        while time.monotonic() < stop_at:
            await slow_body(port, path, drip, stop_at, open_count)
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


async def main():
    label, port, slow, drip, duration, probers, feed, page = sys.argv[1:9]
    port, slow, drip, duration, probers = int(port), int(slow), float(drip), float(duration), int(probers)
    stop_at = time.monotonic() + duration
    open_count = [0]
    # warm: the first render of a page after start-up is no reader's steady state
    for _ in range(3):
        await get(port, feed)
        await get(port, page)
    attack = asyncio.ensure_future(attacker(port, slow, drip, stop_at, open_count)) if slow else None
    # let the attack take hold before probing
    await asyncio.sleep(min(10.0, duration / 3) if slow else 0)
    feed_samples, page_samples, peak = [], [], [0]

    async def prober():
        while time.monotonic() < stop_at - 1:
            feed_samples.append(await get(port, feed))
            page_samples.append(await get(port, page))
            peak[0] = max(peak[0], open_count[0])
            await asyncio.sleep(0.2)
    await asyncio.gather(*(prober() for _ in range(probers)))
    if attack:
        await attack
    print(f"probe {label} feed {summary(feed_samples)} page {summary(page_samples)} "
          f"attackers open={peak[0]}")


asyncio.run(main())
