#!/usr/bin/env python3
"""Constant-rate (open-loop) load for the soak benchmark, stdlib asyncio only.

Request i is sent at start + i / RATE whatever earlier requests are doing (wrk, closed-loop, slows down with the
server instead); latency counts from that scheduled time, so a stall shows up in the percentiles. Keep-alive
connections are reused and opened as needed (up to --max-connections). While the load runs it samples the gateway's
RSS and open descriptors from /proc/PID: at the start, every --sample-every seconds, at the end, and after --idle
seconds without traffic. Prints one report and whether RSS grew.
"""
import argparse
import asyncio
import json
import os
import random
import time


def sample(pid, label, started):
    with open("/proc/%d/status" % pid) as status:
        rss_kib = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    fds = len(os.listdir("/proc/%d/fd" % pid))
    return {"label": label, "t": time.monotonic() - started, "rss_mib": rss_kib / 1024, "fds": fds}


class Pool:
    def __init__(self, host, port, limit):
        self.host, self.port, self.limit = host, port, limit
        self.idle, self.open = [], 0

    async def acquire(self):
        if self.idle:
            return self.idle.pop()
        if self.open >= self.limit:
            return None
        self.open += 1
        try:
            return await asyncio.open_connection(self.host, self.port)
        except OSError:
            self.open -= 1
            raise

    def release(self, connection, reusable):
        if reusable:
            self.idle.append(connection)
        else:
            self.open -= 1
            connection[1].close()


async def one_request(pool, path, body):
    """Status of one POST (0: the connection failed, -1: no connection left in the pool)."""
    connection = await pool.acquire()
    if connection is None:
        return -1
    reader, writer = connection
    reusable = False
    try:
        writer.write(("POST %s HTTP/1.1\r\nhost: %s:%d\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n"
                      % (path, pool.host, pool.port, len(body))).encode() + body)
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        length = next((int(line.split(":", 1)[1]) for line in lines[1:] if line.lower().startswith("content-length:")), 0)
        await reader.readexactly(length)
        reusable = not any(line.lower() == "connection: close" for line in lines[1:])
        return status
    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
        return 0
    finally:
        pool.release(connection, reusable)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


async def run(args):
    pool = Pool("127.0.0.1", args.port, args.max_connections)
    rng = random.Random(args.seed)
    bodies = {name: json.dumps({"function_name": name, "input": {"messages": [{"role": "user", "content": "hi"}]}}).encode()
              for name in ("answer", "answer_direct")}
    results = []
    samples = []
    started = time.monotonic()
    samples.append(sample(args.pid, "start", started))

    async def timed(scheduled, body):
        try:
            status = await asyncio.wait_for(one_request(pool, "/inference", body), args.timeout)
        except asyncio.TimeoutError:
            status = 0
        results.append((scheduled, status, time.monotonic() - scheduled))

    async def sampler():
        next_at = started + args.sample_every
        while True:
            await asyncio.sleep(max(0, next_at - time.monotonic()))
            samples.append(sample(args.pid, "%ds" % round(next_at - started), started))
            next_at += args.sample_every

    sampling = asyncio.ensure_future(sampler())
    tasks = []
    total = int(args.rate * args.seconds)
    for index in range(total):
        scheduled = started + index / args.rate
        delay = scheduled - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        body = bodies["answer_direct" if rng.random() < args.direct_share else "answer"]
        tasks.append(asyncio.ensure_future(timed(scheduled, body)))
    sending_seconds = time.monotonic() - started
    await asyncio.gather(*tasks)
    finished = time.monotonic()
    sampling.cancel()
    samples.append(sample(args.pid, "end", started))
    for _, writer in pool.idle:
        writer.close()
    await asyncio.sleep(args.idle)
    samples.append(sample(args.pid, "end+%ds idle" % args.idle, started))
    report(args, results, samples, sending_seconds, finished - started)


def report(args, results, samples, sending_seconds, seconds):
    statuses = {}
    for _, status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = [latency * 1000 for _, status, latency in results if status > 0]
    print("requests: %d sent at %.1f/s for %.1f s (target %d/s), %d done in %.1f s" % (
        len(results), len(results) / sending_seconds, sending_seconds, args.rate, len(results), seconds))
    print("throughput: %.1f responses/s" % (len(results) / seconds))
    print("latency from scheduled send: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms" % (
        percentile(latencies, 0.5), percentile(latencies, 0.9), percentile(latencies, 0.99), max(latencies, default=float("nan"))))
    names = {0: "no response (connection failed or timed out)", -1: "not sent (client connection limit)"}
    print("responses by status:")
    for status in sorted(statuses):
        print("  %s: %d (%.2f%%)" % (names.get(status, str(status)), statuses[status], 100.0 * statuses[status] / len(results)))
    print("gateway RSS and open descriptors:")
    for row in samples:
        print("  %-12s t=%6.1f s  RSS %7.1f MiB  fds %4d" % (row["label"], row["t"], row["rss_mib"], row["fds"]))
    loaded = [row for row in samples if row["label"] not in ("start",) and not row["label"].startswith("end+")]
    warm = next((row for row in loaded if row["t"] >= args.sample_every - 1), loaded[0])
    end = next(row for row in samples if row["label"] == "end")
    growth = end["rss_mib"] - warm["rss_mib"]
    allowed = max(8.0, 0.1 * warm["rss_mib"])
    print("RSS: %.1f MiB at start (idle), %.1f MiB at %s (warm), %.1f MiB at the end, peak %.1f MiB" % (
        samples[0]["rss_mib"], warm["rss_mib"], warm["label"], end["rss_mib"], max(row["rss_mib"] for row in samples)))
    verdict = "GREW" if growth > allowed else "did not grow"
    print("conclusion: RSS %s under steady load (%+.1f MiB from warm to end; growth means more than %.1f MiB)" % (
        verdict, growth, allowed))
    idle = samples[-1]
    print("descriptors: %d at start, %d at the end, %d after %d s idle" % (samples[0]["fds"], end["fds"], idle["fds"], args.idle))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, required=True, help="the gateway's port on 127.0.0.1")
    parser.add_argument("--pid", type=int, required=True, help="the gateway's process id, for RSS and descriptors")
    parser.add_argument("--rate", type=float, default=200, help="requests per second")
    parser.add_argument("--seconds", type=float, default=180, help="how long to send")
    parser.add_argument("--direct-share", type=float, default=0.1, help="share of requests to `answer_direct` (no fallback)")
    parser.add_argument("--sample-every", type=float, default=30, help="seconds between RSS/descriptor samples")
    parser.add_argument("--idle", type=int, default=5, help="seconds without traffic before the last sample")
    parser.add_argument("--timeout", type=float, default=30, help="client timeout per request, seconds")
    parser.add_argument("--max-connections", type=int, default=512)
    parser.add_argument("--seed", type=int, default=1)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
