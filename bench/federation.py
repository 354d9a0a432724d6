#!/usr/bin/env python3
"""Federation scenarios S5, S6 and S8 of WORKLOAD.md against a seeded agora on loopback.

S8: GET of actor documents and WebFinger with wrk (rotating over 100 members);
    baseline nginx serving the same bytes (HTTP ceiling), as in scenarios.py.
S5: POST /inbox with signed Create(Note) from remote actors (1,000; smoke 100)
    whose keys agora fetches from fake servers (federation_peers.py). Untimed
    warm-up: one activity per actor, so keys are known; then per run
    PER_ACTOR (20) activities each, signed beforehand (inbox_load.py). Figures:
    activities/s accepted (202) and stored (statuses in the database).
    Baseline: `openssl speed rsa2048` verify/s, the signature ceiling.
S6: one status from a member followed by remote accounts on 1,000 (smoke 100)
    domains, each with its own shared inbox; the fake receivers record arrival
    times. Figure: seconds from POST /api/v1/statuses until every inbox got
    the Create. Baseline: the seconds one core needs for as many RSA
    signatures (openssl sign/s). The followers are seeded by SQL
    (seed.remote_followers), not by Follow activities.

agora runs with AGORA_ENV=test, AGORA_TEST_HTTP=true and AGORA_TEST_CONNECT_TO
mapping every fake domain to the peers' ports. Writes
bench/results/<date>-<commit>-federation-<db>-<scale>.{md,json}.
"""
import argparse
import datetime
import json
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import inbox_load  # noqa: E402
import seed  # noqa: E402
import signing  # noqa: E402
from federation_peers import Peers  # noqa: E402
from instance import Instance, commit, free_port, machine, rss_mb, write_results  # noqa: E402
from scenarios import Nginx, run_wrk  # noqa: E402

SIZES = {"community": dict(actors=1000, inboxes=1000), "smoke": dict(actors=100, inboxes=100)}
REMOTE = "remote.test"  # the S5 actors' domain
LISTENERS = 4  # ports the fake domains are spread over
PER_ACTOR = 20  # S5 activities per actor and run
KEYS = 8  # distinct RSA keys among the S5 actors (generating 1,000 would take minutes)


def openssl_rsa2048():
    """sign/s and verify/s of one core, from `openssl speed -seconds 3 rsa2048`."""
    out = subprocess.run(["openssl", "speed", "-seconds", "3", "rsa2048"], capture_output=True, text=True,
                         check=True).stdout
    match = re.search(r"^rsa\s+2048 bits\s+\S+s\s+\S+s\s+([\d.]+)\s+([\d.]+)", out, re.M)
    return {"sign_per_s": float(match.group(1)), "verify_per_s": float(match.group(2))}


def wait_until(check, timeout, interval=0.02):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if check():
            return True
        time.sleep(interval)
    return False


def s8(instance, workdir, args):
    nginx = Nginx(workdir)
    try:
        members = [f"user{i}" for i in range(min(100, seed.SCALES[args.scale]["local"]))]
        shapes = {
            "S8a": ("actor document", [f"/users/{m}" for m in members], {"Accept": "application/activity+json"}),
            "S8b": ("WebFinger", [f"/.well-known/webfinger?resource=acct:{m}@{instance.domain}" for m in members], {}),
        }
        out = {}
        for key, (label, paths, headers) in shapes.items():
            req = urllib.request.Request(instance.url + paths[0], headers=headers)
            sample = urllib.request.urlopen(req, timeout=10).read()
            ceiling_url, ceiling_path = nginx.serve(f"{key}.json", sample)
            runs, ceilings = [], []
            for _ in range(args.runs):
                runs.append(run_wrk(instance.url, paths, [], workdir, args.duration, args.connections, headers=headers))
                ceilings.append(run_wrk(ceiling_url, [ceiling_path], [], workdir, args.duration, args.connections))
            rps, ceiling = statistics.median(r["rps"] for r in runs), statistics.median(r["rps"] for r in ceilings)
            out[key] = {"what": label, "body_bytes": len(sample), "rps": rps,
                        "p50_ms": statistics.median(r["p50_ms"] for r in runs),
                        "p99_ms": statistics.median(r["p99_ms"] for r in runs), "ceiling_rps": ceiling,
                        "ratio_to_ceiling": round(rps / ceiling, 3), "runs": runs, "ceiling_runs": ceilings}
            print(key, json.dumps(out[key]), flush=True)
        return out
    finally:
        nginx.stop()


def s5(instance, peers, args, actors):
    stored_sql = ("SELECT count(*) FROM statuses s JOIN accounts a ON a.id = s.account_id"
                  f" WHERE a.domain = '{REMOTE}'")
    stored = lambda: int(instance.query(stored_sql)[0])  # noqa: E731
    host = instance.domain
    warm = inbox_load.send(instance.port, inbox_load.signed_requests(actors, 1, host, "warm"), args.connections)
    if not wait_until(lambda: stored() >= warm["accepted"], 120) or warm["accepted"] < len(actors):
        raise RuntimeError(f"S5 warm-up: {warm['statuses']} answers, {stored()} stored (see agora.log)")
    runs, ceilings = [], []
    for run in range(args.runs):
        requests = inbox_load.signed_requests(actors, PER_ACTOR, host, f"run{run}")
        before, cpu = stored(), instance.cpu_seconds()
        result = inbox_load.send(instance.port, requests, args.connections)
        started = time.perf_counter() - result["seconds"]
        target = before + result["accepted"]
        done = wait_until(lambda: stored() >= target, 600)
        result["agora_cpu_s"] = round(instance.cpu_seconds() - cpu, 2)
        result["stored"] = stored() - before
        result["stored_seconds"] = time.perf_counter() - started if done else float("nan")
        result["accepted_per_s"] = result["accepted"] / result["seconds"]
        result["stored_per_s"] = result["stored"] / result["stored_seconds"] if done else float("nan")
        runs.append(result)
        ceilings.append(openssl_rsa2048())
        print("S5 run", json.dumps(result), flush=True)
    verify = statistics.median(c["verify_per_s"] for c in ceilings)
    accepted = statistics.median(r["accepted_per_s"] for r in runs)
    stored_rate = statistics.median(r["stored_per_s"] for r in runs)
    return {"what": f"signed Create(Note) to /inbox from {len(actors)} actors, {args.connections} connections",
            "activities_per_run": len(actors) * PER_ACTOR, "accepted_per_s": accepted,
            "stored_per_s": stored_rate, "p50_ms": statistics.median(r["p50_ms"] for r in runs),
            "p99_ms": statistics.median(r["p99_ms"] for r in runs), "verify_per_s": verify,
            "accepted_ratio": round(accepted / verify, 3), "stored_ratio": round(stored_rate / verify, 3),
            "warm_up": warm, "runs": runs, "openssl": ceilings}


def s6(instance, peers, args, inboxes):
    runs, ceilings = [], []
    for run in range(args.runs):
        req = urllib.request.Request(f"{instance.url}/api/v1/statuses", data=f"status=delivery+{run}".encode(),
                                     headers={"Authorization": f"Bearer {seed.token_for(0)}"})
        cpu, started = instance.cpu_seconds(), time.perf_counter()
        uri = json.loads(urllib.request.urlopen(req, timeout=30).read())["uri"]
        posted = time.perf_counter() - started
        arrivals = peers.wait_for(uri, inboxes, timeout=600)
        times = sorted(t - started for t in arrivals.values())
        result = {"received": len(times), "post_s": round(posted, 4), "agora_cpu_s": round(instance.cpu_seconds() - cpu, 2),
                  "first_s": times[0] if times else None,
                  "median_s": statistics.median(times) if times else None,
                  "all_s": times[-1] if len(times) == inboxes else float("nan")}
        runs.append(result)
        ceilings.append(openssl_rsa2048())
        print("S6 run", json.dumps(result), flush=True)
    all_s = statistics.median(r["all_s"] for r in runs)
    sign = statistics.median(c["sign_per_s"] for c in ceilings)
    return {"what": f"one status to {inboxes} remote shared inboxes", "inboxes": inboxes, "all_received_s": all_s,
            "deliveries_per_s": inboxes / all_s, "sign_per_s": sign, "signing_floor_s": inboxes / sign,
            "ratio": round((inboxes / sign) / all_s, 3), "runs": runs, "openssl": ceilings}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", choices=seed.SCALES, default="smoke")
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--only", default="S5,S6,S8")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--duration", type=int, default=10, help="seconds per wrk run (S8)")
    ap.add_argument("--connections", type=int, default=64, help="wrk connections (S8); S5 uses a quarter")
    ap.add_argument("--no-record", action="store_true", help="print, but write nothing to bench/results")
    args = ap.parse_args()
    only = set(args.only.split(",")) & {"S5", "S6", "S8"}
    if not only:
        return
    size = SIZES[args.scale]
    domains = [f"r{i}.test" for i in range(size["inboxes"])]
    peers = Peers([free_port() for _ in range(LISTENERS)])
    connect_to = ",".join(f"{d}=127.0.0.1:{peers.ports[i % LISTENERS]}" for i, d in enumerate([REMOTE] + domains))
    instance = Instance(args.scale, args.db, {"AGORA_ENV": "test", "AGORA_TEST_HTTP": "true",
                                              "AGORA_TEST_CONNECT_TO": connect_to})
    print(f"seeded {args.scale} on {args.db} in {instance.seed_seconds:.1f} s; "
          f"AGORA_TEST_CONNECT_TO has {len(connect_to)} bytes", flush=True)
    poster = instance.query("SELECT id FROM accounts WHERE username = 'user0' AND domain IS NULL")[0]
    if "S6" in only:
        seed.remote_followers(instance.database_url, poster, domains)
    keys = [signing.new_key() for _ in range(KEYS)]
    actors = [(REMOTE, f"actor{i}", keys[i % KEYS]) for i in range(size["actors"])]
    for domain, name, key in actors:
        peers.add_actor(domain, name, key)
    results = {}
    instance.start()
    try:
        if "S8" in only:
            results.update(s8(instance, instance.workdir, args))
        if "S5" in only:
            s5_args = argparse.Namespace(**{**vars(args), "connections": max(1, args.connections // 4)})
            results["S5"] = s5(instance, peers, s5_args, actors)
            print("S5", json.dumps({k: v for k, v in results["S5"].items() if k not in ("runs", "openssl")}))
        if "S6" in only:
            results["S6"] = s6(instance, peers, args, len(domains))
            print("S6", json.dumps({k: v for k, v in results["S6"].items() if k not in ("runs", "openssl")}))
        results["M"] = {"rss_mb_after": round(rss_mb(instance.server.pid), 1)}
    finally:
        instance.stop()
        peers.stop()
    record(args, instance, len(connect_to), results)
    instance.cleanup()


def record(args, instance, connect_to_bytes, results):
    date = datetime.date.today().isoformat()
    name = f"{date}-{commit()}-federation-{args.db}-{args.scale}"
    data = {"commit": commit(), "date": date, "scale": args.scale, "db": args.db, "machine": machine(),
            "settings": {"runs": args.runs, "duration_s": args.duration, "connections": args.connections,
                         "per_actor": PER_ACTOR, "connect_to_bytes": connect_to_bytes},
            "seed": {"seconds": round(instance.seed_seconds, 1), "rows": instance.counts}, "results": results}
    m = data["machine"]
    lines = [f"# Federation scenarios S5, S6, S8, {args.scale} scale, {args.db} ({data['commit']}, {date})", "",
             f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB. Medians of {args.runs} runs. "
             f"Seeded in {instance.seed_seconds:.1f} s.", ""]
    if any(k.startswith("S8") for k in results):
        lines += [f"S8: wrk -t2 -c{args.connections} -d{args.duration}s over 100 members; ceiling: nginx serving "
                  "the same bytes, same wrk settings.", "",
                  "| scenario | req/s | p50 ms | p99 ms | ceiling req/s | ratio |", "|---|---|---|---|---|---|"]
        for key in ("S8a", "S8b"):
            if key in results:
                r = results[key]
                lines.append(f"| {key} {r['what']} | {r['rps']:.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
                             f"{r['ceiling_rps']:.0f} | {r['ratio_to_ceiling']:.2f} |")
        lines.append("")
    if "S5" in results:
        r = results["S5"]
        lines += [f"S5: {r['what']}, {r['activities_per_run']} activities per run, signed beforehand. "
                  f"Ceiling: openssl rsa2048 verify/s (one core).", "",
                  "| figure | activities/s | ratio to verify/s |", "|---|---|---|",
                  f"| accepted (202), p50 {r['p50_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms | {r['accepted_per_s']:.0f} | "
                  f"{r['accepted_ratio']:.3f} |",
                  f"| stored (statuses in the database) | {r['stored_per_s']:.0f} | {r['stored_ratio']:.3f} |",
                  f"| openssl verify/s | {r['verify_per_s']:.0f} | 1 |", ""]
    if "S6" in results:
        r = results["S6"]
        lines += [f"S6: {r['what']} (followers seeded by SQL). Floor: {r['inboxes']} RSA-2048 signatures on one "
                  f"core at openssl's {r['sign_per_s']:.0f} sign/s = {r['signing_floor_s']:.3f} s.", "",
                  "| figure | seconds | deliveries/s | ratio floor/figure |", "|---|---|---|---|",
                  f"| every inbox received the Create | {r['all_received_s']:.2f} | {r['deliveries_per_s']:.0f} | "
                  f"{r['ratio']:.3f} |", ""]
    if "M" in results:
        lines.append(f"RSS of agora at the end: {results['M']['rss_mb_after']} MB.")
    write_results(name, data, lines, args.no_record)


if __name__ == "__main__":
    main()
