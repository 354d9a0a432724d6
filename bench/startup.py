#!/usr/bin/env python3
"""Start-up time and idle memory of `agora serve` on SQLite (WORKLOAD.md, scenario M).

For each of N runs: start the server (fresh data directory, so migrations are
included, then again on the existing one), poll /health until it answers,
send 200 requests to /api/v2/instance, wait, and read VmRSS. The baseline,
measured in the same run the same way, is Python's http.server: the smallest
HTTP server on this machine. Writes bench/results/<date>-<commit>-startup.{md,json}.
Usage: bench/startup.py [--runs N]
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from instance import AGORA, ROOT, commit, free_port, rss_mb  # noqa: E402


def measure(cmd, env, port, ready_path, load_path):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError(f"{cmd[0]} exited with {proc.returncode}")
                time.sleep(0.002)
        startup_ms = (time.perf_counter() - start) * 1000
        for _ in range(200):
            urllib.request.urlopen(f"http://127.0.0.1:{port}{load_path}", timeout=5).read()
        time.sleep(0.5)
        return startup_ms, rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def agora_run(fresh_dir):
    port = free_port()
    env = {"PATH": "/usr/bin:/bin", "AGORA_ENV": "development", "AGORA_DOMAIN": f"localhost:{port}",
           "AGORA_LISTEN": f"127.0.0.1:{port}", "AGORA_DATA_DIR": str(fresh_dir), "AGORA_LOG_LEVEL": "warn"}
    return measure([str(AGORA), "serve"], env, port, "/health", "/api/v2/instance")


def baseline_run(tmp):
    port = free_port()
    (tmp / "index.html").write_text("x" * 2330)
    return measure([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(tmp)],
                   {"PATH": "/usr/bin:/bin"}, port, "/index.html", "/index.html")


def summarize(values):
    return {"median": round(statistics.median(values), 2), "min": round(min(values), 2),
            "max": round(max(values), 2)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cold_start, warm_start, rss, base_start, base_rss = [], [], [], [], []
    for _ in range(args.runs):
        tmp = Path(tempfile.mkdtemp(prefix="agora-bench-"))
        try:
            s, _ = agora_run(tmp / "data")     # fresh: creates the database and migrates
            cold_start.append(s)
            s, r = agora_run(tmp / "data")     # existing database
            warm_start.append(s)
            rss.append(r)
            s, r = baseline_run(tmp)
            base_start.append(s)
            base_rss.append(r)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    result = {
        "benchmark": "startup",
        "commit": commit(),
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")},
        "runs": args.runs,
        "agora": {"startup_ms_fresh_database": summarize(cold_start), "startup_ms": summarize(warm_start),
                  "idle_rss_mb": summarize(rss)},
        "baseline_python_http_server": {"startup_ms": summarize(base_start), "idle_rss_mb": summarize(base_rss)},
    }
    ratio_start = statistics.median(warm_start) / statistics.median(base_start)
    ratio_rss = statistics.median(rss) / statistics.median(base_rss)
    result["ratios_to_baseline"] = {"startup": round(ratio_start, 2), "idle_rss": round(ratio_rss, 2)}

    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    stem = f"{datetime.date.today().isoformat()}-{result['commit']}-startup"
    (out / f"{stem}.json").write_text(json.dumps(result, indent=2) + "\n")
    a, b = result["agora"], result["baseline_python_http_server"]
    md = f"""# Start-up and idle memory ({result['date']}, commit {result['commit']})

Machine: {result['machine']['cpu']}, {result['machine']['cpus']} cores, {result['machine']['platform']}.
{args.runs} runs; medians (min–max). `agora serve` on SQLite, development environment, log level warn.
Idle RSS is read after 200 requests to /api/v2/instance and 0.5 s of quiet.
Baseline: Python's `http.server` serving a file of the same size, measured in the same run.

| figure | agora | baseline | ratio |
|---|---|---|---|
| start-up to first /health, fresh database (migrations included) | {a['startup_ms_fresh_database']['median']} ms ({a['startup_ms_fresh_database']['min']}–{a['startup_ms_fresh_database']['max']}) | | |
| start-up to first answer, existing database | {a['startup_ms']['median']} ms ({a['startup_ms']['min']}–{a['startup_ms']['max']}) | {b['startup_ms']['median']} ms | {ratio_start:.2f} |
| idle RSS | {a['idle_rss_mb']['median']} MB ({a['idle_rss_mb']['min']}–{a['idle_rss_mb']['max']}) | {b['idle_rss_mb']['median']} MB | {ratio_rss:.2f} |

Target (issue: foundation): idle RSS under 30 MB on SQLite.
"""
    (out / f"{stem}.md").write_text(md)
    print(md)


if __name__ == "__main__":
    main()
