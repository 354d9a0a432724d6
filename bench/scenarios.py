#!/usr/bin/env python3
"""Scenarios S1–S4 of WORKLOAD.md against a seeded agora, with wrk on loopback.

S1 home timeline, S2 local public timeline, S3 account statuses and thread
context, S4 posting (fan-out included). Each scenario runs --runs times;
figures are medians. The baseline, measured in the same run with the same wrk
settings, is nginx serving a file of the same bytes as agora's answer (the
HTTP ceiling of this machine for that response). Writes
bench/results/<date>-<commit>-scenarios-<db>-<scale>.{md,json}.
Run through bench/run, which starts PostgreSQL when asked.
"""
import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import seed  # noqa: E402
from instance import Instance, commit, free_port, machine, rss_mb, write_results  # noqa: E402



LUA_ROTATE = """
local paths = {%(paths)s}
local tokens = {%(tokens)s}
local method = "%(method)s"
local body = %(body)s
local extra = {%(extra)s}
local n = 0
request = function()
  n = n + 1
  local headers = {}
  for k, v in pairs(extra) do headers[k] = v end
  if #tokens > 0 then headers["Authorization"] = "Bearer " .. tokens[(n %% #tokens) + 1] end
  local b = nil
  if body ~= nil then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    b = string.format(body, n)
  end
  return wrk.format(method, paths[(n %% #paths) + 1], headers, b)
end
"""


def lua_list(items):
    return ", ".join(json.dumps(i) for i in items)


def to_ms(text):
    match = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if not match:
        raise RuntimeError(f"unexpected latency from wrk: {text!r}")
    value, unit = match.groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def run_wrk(url, paths, tokens, workdir, duration, connections, method="GET", body=None, headers=None):
    script = Path(workdir) / "scenario.lua"
    extra = ", ".join(f"[{json.dumps(k)}] = {json.dumps(v)}" for k, v in (headers or {}).items())
    script.write_text(LUA_ROTATE % dict(paths=lua_list(paths), tokens=lua_list(tokens), method=method,
                                        body=json.dumps(body) if body else "nil", extra=extra))
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "-s", str(script), url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    # The latency distribution's lines ("     50%   12.34ms"), not "88.50%" in the stats above.
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    if errors or socket_errors:
        raise RuntimeError(f"wrk saw failures: {errors.group(0) if errors else socket_errors.group(0)}")
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99}


class Nginx:
    """nginx serving one file per scenario: the HTTP ceiling for that answer."""

    def __init__(self, workdir):
        self.dir = Path(workdir) / "nginx"
        (self.dir / "www").mkdir(parents=True)
        # nginx's workers drop root for an unprivileged user, who must read the files.
        for d in (Path(workdir), self.dir, self.dir / "www"):
            d.chmod(0o755)
        self.port = free_port()
        (self.dir / "nginx.conf").write_text(f"""
worker_processes auto;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  keepalive_requests 100000;
  types {{ application/json json; }}
  client_body_temp_path {self.dir}/body;
  server {{
    listen 127.0.0.1:{self.port};
    root {self.dir}/www;
    location / {{ default_type application/json; try_files $uri =404; }}
  }}
}}
""")
        self.proc = subprocess.Popen(["nginx", "-c", str(self.dir / "nginx.conf"), "-g", "daemon off;"],
                                     stderr=subprocess.DEVNULL)

    def serve(self, name, body):
        (self.dir / "www" / name).write_bytes(body)
        (self.dir / "www" / name).chmod(0o644)
        return f"http://127.0.0.1:{self.port}", f"/{name}"

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", choices=seed.SCALES, default="smoke")
    ap.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    ap.add_argument("--only", default="S1,S2,S3,S4")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    ap.add_argument("--connections", type=int, default=64)
    ap.add_argument("--no-record", action="store_true", help="print, but write nothing to bench/results")
    args = ap.parse_args()
    only = set(args.only.split(","))

    if not only & {"S1", "S2", "S3", "S4"}:
        return
    instance = Instance(args.scale, args.db)
    workdir = instance.workdir
    print(f"seeded {args.scale} on {args.db} in {instance.seed_seconds:.1f} s", flush=True)
    instance.start()
    nginx = Nginx(workdir)
    results = {}
    try:
        agora_url = instance.url
        members = min(100, seed.SCALES[args.scale]["local"])
        tokens = [seed.token_for(i) for i in range(members)]
        ids = scenario_ids(instance)

        scenarios = {
            "S1": ("home timeline", ["/api/v1/timelines/home?limit=20"], tokens),
            "S2": ("local public timeline", ["/api/v1/timelines/public?local=true&limit=20"], tokens),
            "S3a": ("account statuses", [f"/api/v1/accounts/{a}/statuses?limit=20" for a in ids["accounts"]], tokens),
            "S3b": ("thread context", [f"/api/v1/statuses/{s}/context" for s in ids["threads"]], tokens),
        }
        for key, (label, paths, toks) in scenarios.items():
            if key[:2] not in only:
                continue
            try:
                sample = fetch(agora_url + paths[0], toks[0])
            except urllib.error.HTTPError as e:
                results[key] = {"what": label, "error": f"{paths[0]} answered {e.code}"}
                print(key, results[key], flush=True)
                continue
            ceiling_url, ceiling_path = nginx.serve(f"{key}.json", sample)
            runs, ceilings = [], []
            for _ in range(args.runs):
                runs.append(run_wrk(agora_url, paths, toks, workdir, args.duration, args.connections))
                ceilings.append(run_wrk(ceiling_url, [ceiling_path], [], workdir, args.duration, args.connections))
            results[key] = summarize(label, runs, ceilings, len(sample))
            print(key, json.dumps(results[key]), flush=True)

        if "S4" in only:
            runs = []
            for _ in range(args.runs):
                runs.append(run_wrk(agora_url, ["/api/v1/statuses"], tokens, workdir, args.duration, 16,
                                    method="POST", body="status=bench+post+%d+%%23tag1&visibility=public"))
            visible_ms = [home_visibility_ms(agora_url, ids["poster"], ids["follower"]) for _ in range(5)]
            results["S4"] = {
                "what": "posting with fan-out (16 connections)",
                "statuses_per_s": statistics.median(r["rps"] for r in runs),
                "p99_ms": statistics.median(r["p99_ms"] for r in runs),
                "home_visible_ms": statistics.median(visible_ms),
                "runs": runs,
            }
            print("S4", json.dumps(results["S4"]), flush=True)
        pid = instance.server.pid
        results["M"] = {"rss_mb_after": round(rss_mb(pid), 1), "rss_anon_mb_after": round(rss_mb(pid, "RssAnon"), 1),
                        "rss_file_mb_after": round(rss_mb(pid, "RssFile"), 1)}
    finally:
        instance.stop()
        nginx.stop()
    if "M" in results:  # measured once agora closed its database (SQLite folds the WAL back in)
        results["M"].update(disk_per_status(instance))
    record(args, instance.counts, instance.seed_seconds, results)
    instance.cleanup()


def disk_per_status(instance):
    """M: the database's size on disk divided by its statuses (seeded and posted), every table and index included."""
    statuses = int(instance.query("SELECT count(*) FROM statuses")[0])
    if instance.db == "sqlite":
        path = instance.database_url[len("sqlite:"):]
        size = sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))
    else:
        size = int(instance.query("SELECT pg_database_size(current_database())")[0])
    return {"database_bytes": size, "statuses": statuses, "bytes_per_status": round(size / max(statuses, 1))}


def fetch(url, token, data=None):
    req = urllib.request.Request(url, data=data, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.read()


def summarize(label, runs, ceilings, body_bytes):
    rps = statistics.median(r["rps"] for r in runs)
    ceiling = statistics.median(r["rps"] for r in ceilings)
    return {"what": label, "body_bytes": body_bytes, "rps": rps,
            "p50_ms": statistics.median(r["p50_ms"] for r in runs),
            "p99_ms": statistics.median(r["p99_ms"] for r in runs),
            "ceiling_rps": ceiling, "ratio_to_ceiling": round(rps / ceiling, 3), "runs": runs, "ceiling_runs": ceilings}


BENCH_MEMBERS = ", ".join(f"'user{i}'" for i in range(100))  # the members whose tokens wrk rotates


def scenario_ids(instance):
    """Accounts with statuses, statuses with replies, and a poster with a follower among the bench members."""
    queries = {
        "accounts": "SELECT id FROM accounts WHERE domain IS NULL ORDER BY statuses_count DESC LIMIT 50",
        "threads": "SELECT in_reply_to_id FROM statuses WHERE in_reply_to_id IS NOT NULL GROUP BY in_reply_to_id"
                   " ORDER BY count(*) DESC LIMIT 50",
        # Two of the 100 bench members (whose tokens the benchmark has), one following the other.
        "pair": "SELECT a.username || '|' || fa.username FROM follows f JOIN accounts a ON a.id = f.target_account_id"
                " JOIN accounts fa ON fa.id = f.account_id WHERE a.domain IS NULL AND fa.domain IS NULL"
                f" AND a.username IN ({BENCH_MEMBERS}) AND fa.username IN ({BENCH_MEMBERS}) LIMIT 1",
    }
    out = {key: instance.query(sql) for key, sql in queries.items()}
    out["poster"], out["follower"] = (int(name[len("user"):]) for name in out.pop("pair")[0].split("|"))
    return out


def home_visibility_ms(agora_url, poster, follower):
    """Posts as bench member `poster` and polls member `follower`'s home timeline until the status shows."""
    start = time.perf_counter()
    posted = json.loads(fetch(f"{agora_url}/api/v1/statuses", seed.token_for(poster), b"status=visible+yet"))
    while time.perf_counter() - start < 10:
        home = fetch(f"{agora_url}/api/v1/timelines/home?limit=5", seed.token_for(follower))
        if f'"id":"{posted["id"]}"'.encode() in home:
            return (time.perf_counter() - start) * 1000
        time.sleep(0.01)
    return float("inf")


def record(args, counts, seed_seconds, results):
    date = datetime.date.today().isoformat()
    name = f"{date}-{commit()}-scenarios-{args.db}-{args.scale}"
    data = {"commit": commit(), "date": date, "scale": args.scale, "db": args.db, "machine": machine(),
            "settings": {"runs": args.runs, "duration_s": args.duration, "connections": args.connections},
            "seed": {"seconds": round(seed_seconds, 1), "rows": counts}, "results": results}
    lines = [f"# Scenarios S1–S4, {args.scale} scale, {args.db} ({data['commit']}, {date})", "",
             f"Machine: {data['machine']['cpu']}, {data['machine']['cores']} cores, "
             f"{data['machine']['memory_gb']} GB. Seeded in {seed_seconds:.1f} s. wrk -t2 -c{args.connections} "
             f"-d{args.duration}s, medians of {args.runs} runs. Ceiling: nginx serving the same bytes, same wrk settings.",
             "", "| scenario | req/s | p50 ms | p99 ms | ceiling req/s | ratio |", "|---|---|---|---|---|---|"]
    for key, r in results.items():
        if "error" in r:
            lines.append(f"| {key} {r['what']} | not measured: {r['error']} | | | | |")
        if "rps" in r:
            lines.append(f"| {key} {r['what']} | {r['rps']:.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
                         f"{r['ceiling_rps']:.0f} | {r['ratio_to_ceiling']:.2f} |")
    if "S4" in results:
        r = results["S4"]
        lines.append(f"| S4 {r['what']} | {r['statuses_per_s']:.0f} statuses/s | | {r['p99_ms']:.2f} | | |")
        lines.append("")
        lines.append(f"S4: a new status showed in a follower's home timeline after {r['home_visible_ms']:.1f} ms (median of 5).")
    if "M" in results:
        m = results["M"]
        lines.append(f"RSS of agora at the end: {m['rss_mb_after']} MB ({m['rss_anon_mb_after']} MB its own memory,"
                     f" {m['rss_file_mb_after']} MB mapped files: binary, libraries, the memory-mapped database)."
                     f" Database on disk: {m['database_bytes'] / 1e6:.1f} MB"
                     f" for {m['statuses']} statuses, {m['bytes_per_status']} bytes per status (all tables and indexes).")
    write_results(name, data, lines, args.no_record)


if __name__ == "__main__":
    main()
