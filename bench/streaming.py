#!/usr/bin/env python3
"""Scenario S7 of WORKLOAD.md: 10,000 concurrent WebSocket streams on one agora.

Client: Debian's python3-websockets (asyncio), the connections spread over
CLIENT_PROCESSES processes (one core cannot parse 10,000 frames quickly
enough to measure the server), each stream subscribed to `public` at connect
time (/api/v1/streaming?stream=public, the tokens of 100 seeded members).
The open-files limit is raised for this process, so for the server and the
client processes it starts (both inherit it).

Figures:
- RSS per idle connection: (RSS with every stream open and idle − RSS idle
  after start), divided by the number of streams; target ≤ 16 KB.
- delivery latency of one public status to every stream: from just before
  POST /api/v1/statuses until each stream received its `update` (clocks are
  CLOCK_MONOTONIC, shared by all processes); median and max per post, over
  --posts posts; target: all received within 1 s.

Writes bench/results/<date>-<commit>-streaming-<db>-<scale>.{md,json}.
"""
import argparse
import asyncio
import datetime
import json
import multiprocessing as mp
import os
import re
import resource
import statistics
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import seed  # noqa: E402
from instance import Instance, commit, machine, rss_mb, write_results  # noqa: E402

CLIENT_PROCESSES = 4
HANDSHAKES_IN_FLIGHT = 64  # per client process
MEMBERS = 100  # tokens rotated over the streams
ID = re.compile(r'\\"id\\":\\"(\d+)\\"')  # the status id, first field of the escaped payload


def raise_fd_limit(wanted):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(wanted, soft), max(wanted, hard)))
    except (ValueError, PermissionError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)


def client(index, urls, connected, received, commands, results):
    """One client process: opens its streams, then records when each `update` arrives."""
    import websockets  # python3-websockets

    arrivals = {}  # status id -> [monotonic seconds]
    errors = []

    async def stream(url, gate):
        async with gate:
            try:
                ws = await websockets.connect(url, ping_interval=None, compression=None, max_queue=4,
                                              open_timeout=60, close_timeout=1)
            except Exception as e:  # noqa: BLE001 - counted and reported
                errors.append(repr(e)[:200])
                return
        with connected.get_lock():
            connected.value += 1
        try:
            async for text in ws:
                now = time.monotonic()
                if '"event":"update"' not in text:
                    continue
                m = ID.search(text)
                if m:
                    arrivals.setdefault(m.group(1), []).append(now)
                    with received.get_lock():
                        received.value += 1
        except Exception as e:  # noqa: BLE001
            errors.append(repr(e)[:200])

    async def main():
        gate = asyncio.Semaphore(HANDSHAKES_IN_FLIGHT)
        tasks = [asyncio.create_task(stream(u, gate)) for u in urls]
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, commands.recv)  # "stop"
        for t in tasks:
            t.cancel()
        results.send({"arrivals": arrivals, "errors": errors[:20], "error_count": len(errors)})

    asyncio.run(main())


def post(url, token, text):
    req = urllib.request.Request(f"{url}/api/v1/statuses", data=urllib.parse.urlencode({"status": text}).encode(),
                                 headers={"Authorization": f"Bearer {token}"})
    return json.loads(urllib.request.urlopen(req, timeout=60).read())["id"]


def wait_until(check, timeout, interval=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(interval)
    return check()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", choices=seed.SCALES, default="smoke")
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--only", default="S7")
    ap.add_argument("--streams", type=int, default=10_000)
    ap.add_argument("--posts", type=int, default=5)
    ap.add_argument("--runs", type=int, default=None, help="same as --posts (bench/run passes it)")
    ap.add_argument("--duration", type=int, default=None, help="ignored (bench/run passes it)")
    ap.add_argument("--connections", type=int, default=None, help="ignored (bench/run passes it)")
    ap.add_argument("--no-record", action="store_true")
    args = ap.parse_args()
    if "S7" not in args.only.split(","):
        return
    posts = args.runs or args.posts
    limit = raise_fd_limit(args.streams + 4096)
    print(f"open files limit: {limit}", flush=True)

    instance = Instance(args.scale, args.db)
    instance.start()
    server_limit = Path(f"/proc/{instance.server.pid}/limits").read_text()
    server_files = next(line for line in server_limit.splitlines() if line.startswith("Max open files"))
    urllib.request.urlopen(f"{instance.url}/api/v1/timelines/public?limit=1", timeout=10).read()  # warm up
    time.sleep(1)
    rss_idle = rss_mb(instance.server.pid)

    ws_base = instance.url.replace("http://", "ws://")
    urls = [f"{ws_base}/api/v1/streaming?stream=public&access_token={seed.token_for(1 + i % (MEMBERS - 1))}"
            for i in range(args.streams)]
    connected, received = mp.Value("i", 0), mp.Value("i", 0)
    procs, commands, results = [], [], []
    started = time.monotonic()
    for k in range(CLIENT_PROCESSES):
        cmd_parent, cmd_child = mp.Pipe()
        res_parent, res_child = mp.Pipe()
        p = mp.Process(target=client, args=(k, urls[k::CLIENT_PROCESSES], connected, received, cmd_child, res_child))
        p.start()
        procs.append(p)
        commands.append(cmd_parent)
        results.append(res_parent)
    all_open = wait_until(lambda: connected.value >= args.streams, timeout=300, interval=0.2)
    connect_s = time.monotonic() - started
    print(f"{connected.value} streams open in {connect_s:.1f} s", flush=True)
    time.sleep(5)  # idle
    rss_open = rss_mb(instance.server.pid)
    open_streams = connected.value
    per_stream_kb = (rss_open - rss_idle) * 1024 / max(open_streams, 1)
    print(f"RSS idle {rss_idle:.1f} MB, with {open_streams} streams {rss_open:.1f} MB: {per_stream_kb:.1f} KB each",
          flush=True)

    load_before = Path("/proc/loadavg").read_text().split()[:3]
    sent = []  # (status id, monotonic time just before the POST)
    cpu_before = instance.cpu_seconds()
    for n in range(posts):
        expected = received.value + open_streams
        t0 = time.monotonic()
        status_id = post(instance.url, seed.token_for(0), f"S7 post {n}")
        sent.append((status_id, t0))
        wait_until(lambda: received.value >= expected, timeout=60)
        print(f"post {n}: {received.value - expected + open_streams} of {open_streams} in "
              f"{time.monotonic() - t0:.2f} s", flush=True)
        time.sleep(2)
    agora_cpu = instance.cpu_seconds() - cpu_before
    rss_after = rss_mb(instance.server.pid)

    for c in commands:
        c.send("stop")
    arrivals, errors, error_count = {}, [], 0
    for r in results:
        report = r.recv()
        for sid, times in report["arrivals"].items():
            arrivals.setdefault(sid, []).extend(times)
        errors += report["errors"]
        error_count += report["error_count"]
    for p in procs:
        p.join(10)
    instance.stop()

    per_post = []
    for status_id, t0 in sent:
        times = sorted(t - t0 for t in arrivals.get(status_id, []))
        per_post.append({"status_id": status_id, "received": len(times),
                         "median_s": round(statistics.median(times), 4) if times else None,
                         "max_s": round(times[-1], 4) if times else None,
                         "all_received": len(times) >= open_streams})
    complete = [p for p in per_post if p["all_received"]]
    results_data = {
        "streams_requested": args.streams, "streams_open": open_streams, "all_open": all_open,
        "connect_s": round(connect_s, 1), "client_errors": error_count, "client_error_samples": errors[:5],
        "fd_limit_bench": list(limit), "fd_limit_server": server_files,
        "rss_idle_mb": round(rss_idle, 1), "rss_open_mb": round(rss_open, 1), "rss_after_posts_mb": round(rss_after, 1),
        "rss_per_stream_kb": round(per_stream_kb, 2),
        "posts": per_post, "agora_cpu_s_during_posts": round(agora_cpu, 2),
        "load_average_before_posts": load_before, "load_average_after_posts": Path("/proc/loadavg").read_text().split()[:3],
        "median_of_medians_s": statistics.median(p["median_s"] for p in complete) if complete else None,
        "median_of_max_s": statistics.median(p["max_s"] for p in complete) if complete else None,
        "worst_max_s": max(p["max_s"] for p in complete) if complete else None,
    }
    record(args, instance, results_data)
    instance.cleanup()


def record(args, instance, r):
    date = datetime.date.today().isoformat()
    name = f"{date}-{commit()}-streaming-{args.db}-{args.scale}"
    data = {"commit": commit(), "date": date, "scale": args.scale, "db": args.db, "machine": machine(),
            "settings": {"streams": args.streams, "client_processes": CLIENT_PROCESSES, "client": "python3-websockets"},
            "seed": {"seconds": round(instance.seed_seconds, 1), "rows": instance.counts}, "results": {"S7": r}}
    m = data["machine"]
    lines = [f"# S7: {r['streams_requested']} WebSocket streams, {args.scale} scale, {args.db} ({data['commit']}, {date})",
             "",
             f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; the load client "
             f"(python3-websockets, {CLIENT_PROCESSES} processes) shares the cores with agora. "
             f"Streams subscribe to `public`; one member posts a public status, {len(r['posts'])} times.", "",
             f"- streams open: {r['streams_open']} of {r['streams_requested']} in {r['connect_s']} s "
             f"(client errors: {r['client_errors']}); server {r['fd_limit_server']}",
             f"- RSS idle {r['rss_idle_mb']} MB, with the streams open {r['rss_open_mb']} MB: "
             f"**{r['rss_per_stream_kb']} KB per idle stream** (target ≤ 16 KB)",
             f"- agora CPU during the posts: {r['agora_cpu_s_during_posts']} s; RSS after {r['rss_after_posts_mb']} MB",
             f"- load average (1, 5, 15 min) before the posts {' '.join(r['load_average_before_posts'])}, after "
             f"{' '.join(r['load_average_after_posts'])} (other work on the machine delays the client and agora alike)",
             "", "| post | received | median s | max s |", "|---|---|---|---|"]
    for i, p in enumerate(r["posts"]):
        lines.append(f"| {i} | {p['received']} | {p['median_s']} | {p['max_s']} |")
    lines += ["", f"Median of the per-post medians: {r['median_of_medians_s']} s; median of the per-post maxima: "
              f"**{r['median_of_max_s']} s** (target: every stream within 1 s); worst: {r['worst_max_s']} s."]
    write_results(name, data, lines, args.no_record)


if __name__ == "__main__":
    main()
