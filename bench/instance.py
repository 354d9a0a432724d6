"""A seeded agora on loopback for one benchmark run, and facts about the run.

Instance(scale, db) makes a working directory and a fresh database (SQLite
file, or a new PostgreSQL database on TEST_POSTGRES_URL), migrates and seeds
it (bench/seed.py); start() runs `agora serve`, stop() ends it, query() reads
the database.
"""
import json
import math
import os
import platform
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import seed

ROOT = Path(__file__).resolve().parents[1]
AGORA = ROOT / "build" / "agora"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, proc, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}")
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer")


def rss_mb(pid, field="VmRSS"):
    """Resident memory in MB: VmRSS, or one of its parts, RssAnon (the process's own
    memory) and RssFile (pages of mapped files: the binary, libraries and SQLite's
    memory-mapped database, page cache that the kernel can take back)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def machine():
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(int(mem) / 1024 / 1024, 1),
            "kernel": platform.release()}


def commit():
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip() or "unknown"


class Instance:
    def __init__(self, scale, db, settings=None):
        self.workdir = tempfile.mkdtemp(prefix="agora-bench-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.domain = f"localhost:{self.port}"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA_")}
        self.env.update(AGORA_ENV="development", AGORA_DATA_DIR=f"{self.workdir}/data",
                        AGORA_LISTEN=f"127.0.0.1:{self.port}", AGORA_DOMAIN=self.domain, AGORA_LOG_LEVEL="warn",
                        AGORA_RATE_LIMITS="false")
        self.env.update(settings or {})
        self.db = db
        if db == "postgres":
            admin = os.environ["TEST_POSTGRES_URL"]
            name = f"agora_bench_{os.getpid()}_{self.port}"
            subprocess.run(["psql", admin, "-q", "-c", f"CREATE DATABASE {name}"], check=True)
            self.env["AGORA_DATABASE_URL"] = admin.rsplit("/", 1)[0] + "/" + name
            self.database_url = self.env["AGORA_DATABASE_URL"]
        else:
            self.database_url = f"sqlite:{self.workdir}/data/agora.sqlite3"
        os.makedirs(f"{self.workdir}/data")
        subprocess.run([str(AGORA), "migrate"], env=self.env, check=True, capture_output=True)
        self.counts, self.seed_seconds = seed.seed(scale, self.database_url, f"http://{self.domain}")
        self.server = None

    def start(self):
        self.server = subprocess.Popen([str(AGORA), "serve"], env=self.env, stdout=subprocess.DEVNULL,
                                       stderr=open(f"{self.workdir}/agora.log", "w"))
        wait_for(f"{self.url}/health", self.server)

    def stop(self):
        if self.server:
            self.server.terminate()
            self.server.wait(15)

    def cleanup(self):
        shutil.rmtree(self.workdir, ignore_errors=True)

    def cpu_seconds(self):
        """User and system CPU seconds agora used so far."""
        fields = Path(f"/proc/{self.server.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def query(self, sql):
        """The first column of each row, as strings."""
        if self.db == "sqlite":
            con = sqlite3.connect(self.database_url[len("sqlite:"):], timeout=10)
            rows = [str(r[0]) for r in con.execute(sql)]
            con.close()
            return rows
        return subprocess.run(["psql", self.database_url, "-qAt", "-c", sql], capture_output=True, text=True,
                              check=True).stdout.split()


# Throughputs that a working server never measures as zero.
RATES = ("rps", "statuses_per_s", "accepted_per_s", "stored_per_s", "deliveries_per_s")


def gross_failures(results):
    """What only a broken server shows, with bounds generous enough for a loaded CI machine:
    a scenario that could not be measured, a zero throughput, a figure that never came
    (infinite or NaN), streams that did not open or a post that reached none of them."""
    failures = []
    for key, r in results.items():
        if not isinstance(r, dict):
            continue
        if "error" in r:
            failures.append(f"{key} not measured: {r['error']}")
        for figure, value in r.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            if math.isnan(value) or math.isinf(value) or (figure in RATES and value <= 0):
                failures.append(f"{key} {figure} = {value}")
        if "streams_open" in r:
            if r["streams_open"] < r["streams_requested"] // 2:
                failures.append(f"{key} only {r['streams_open']} of {r['streams_requested']} streams opened")
            failures += [f"{key} post {p['status_id']} reached no stream" for p in r["posts"] if not p["received"]]
    return failures


def write_results(name, data, lines, dry_run=False):
    """Prints the report and, unless `dry_run`, writes bench/results/NAME.md and .json.
    Under `bench/run --check` (BENCH_CHECK names a file) it also adds the run's gross
    failures to that file."""
    text = "\n".join(lines) + "\n"
    print(text)
    if os.environ.get("BENCH_CHECK"):
        with open(os.environ["BENCH_CHECK"], "a") as out:
            for problem in gross_failures(data["results"]):
                out.write(f"{name}: {problem}\n")
    if dry_run:
        return
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"{name}.json").write_text(json.dumps(data, indent=2) + "\n")
    (results / f"{name}.md").write_text(text)
