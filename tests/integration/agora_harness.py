"""Starts real `agora` processes on loopback for integration tests.

Each Instance gets a free port, a fresh data directory and, for PostgreSQL,
a fresh database on the test server (TEST_POSTGRES_URL, set by scripts/test).
Several instances with different domains can run at once (federation tests).

AGORA_BINARY picks the binary (default build/agora; scripts/test runs the
suite against the sanitized build-asan/agora). A sanitizer report in a
server's log or a command's output fails the test. Tests may run in parallel
(pytest-xdist): every worker takes ports from a range of its own.
"""
import fcntl
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
AGORA = Path(os.environ.get("AGORA_BINARY") or ROOT / "build" / "agora").resolve()
FIXTURES = ROOT.parent / "shared" / "fixtures"
# ASan's and LSan's first line, and UBSan's "FILE:LINE:COL: runtime error: …".
SANITIZER_REPORT = re.compile(r"ERROR: (Address|Leak)Sanitizer|^\S+:\d+:\d+: runtime error: |"
                              r"SUMMARY: UndefinedBehaviorSanitizer")
SANITIZER_VARIABLES = ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "ASAN_SYMBOLIZER_PATH")

# Ports below the kernel's ephemeral range (32768 up on Linux), so no outgoing
# connection holds one, split into a block per xdist worker, so workers never
# hand out the same port; a random start keeps two runs at once apart too.
PORTS_FIRST, PORTS_PER_WORKER = 20000, 1500
_worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
_worker_index = int(_worker[2:]) % 8 if _worker[2:].isdigit() else 0  # up to 8 workers below 32768
_next_port = random.randrange(PORTS_PER_WORKER)


def free_port():
    """A loopback port nothing listens on, from this worker's block."""
    global _next_port
    for _ in range(PORTS_PER_WORKER):
        port = PORTS_FIRST + _worker_index * PORTS_PER_WORKER + _next_port
        _next_port = (_next_port + 1) % PORTS_PER_WORKER
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in this worker's block")


def sanitizer_reports(text):
    """The lines of a sanitizer report in a process's output (empty when none)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if SANITIZER_REPORT.search(line):
            return "\n".join(lines[max(0, i - 2): i + 40])
    return ""


def assert_no_sanitizer_reports(text, what):
    report = sanitizer_reports(text)
    assert not report, f"sanitizer report from {what}:\n{report}"


class exclusive:
    """An inter-process lock (parallel workers installing the same npm packages)."""

    def __init__(self, name):
        self.path = Path(tempfile.gettempdir()) / f"agora-tests-{name}.lock"

    def __enter__(self):
        self.file = open(self.path, "w")
        fcntl.flock(self.file, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.file, fcntl.LOCK_UN)
        self.file.close()


def postgres_admin_url():
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url:
        raise RuntimeError("TEST_POSTGRES_URL is not set: run the tests through scripts/test")
    return url


def psql(sql, url=None):
    subprocess.run(["psql", url or postgres_admin_url(), "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql],
                   check=True, capture_output=True, text=True)


class Instance:
    def __init__(self, db="sqlite", domain=None, env=None, workdir=None):
        self.db = db
        self.port = free_port()
        self.domain = domain or f"localhost:{self.port}"
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="agora-it-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.data_dir = self.workdir / "data"
        self.log_path = self.workdir / "agora.log"
        self.pg_database = None
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "AGORA_ENV": "test",
            "AGORA_DOMAIN": self.domain,
            "AGORA_LISTEN": f"127.0.0.1:{self.port}",
            "AGORA_DATA_DIR": str(self.data_dir),
            "AGORA_HANDLER_THREADS": "4",
        }
        self.env.update({k: os.environ[k] for k in SANITIZER_VARIABLES if k in os.environ})
        if db == "postgres":
            self.pg_database = "agora_it_" + uuid.uuid4().hex[:12]
            psql(f"CREATE DATABASE {self.pg_database}")
            admin = postgres_admin_url()
            self.env["AGORA_DATABASE_URL"] = admin[: admin.rfind("/") + 1] + self.pg_database
        self.env.update(env or {})
        self.process = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def public_url(self):
        """The URL agora puts in links it renders: plain http only for loopback domains in tests."""
        host = self.domain.rsplit(":", 1)[0] if not self.domain.startswith("[") else self.domain.split("]")[0] + "]"
        loopback = host in ("localhost", "[::1]") or host.startswith("127.")
        plain = loopback or self.env.get("AGORA_TEST_HTTP") == "true"
        return f"{'http' if plain else 'https'}://{self.domain}"

    def url(self, path):
        return self.base_url + path

    def start(self, timeout=20):
        self.log_file = open(self.log_path, "ab")
        self.process = subprocess.Popen([str(AGORA), "serve"], env=self.env, stdout=self.log_file,
                                        stderr=subprocess.STDOUT)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"agora exited with {self.process.returncode}:\n{self.log()}")
            try:
                if requests.get(self.url("/health"), timeout=1).status_code == 200:
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"agora did not become healthy:\n{self.log()}")

    def stop(self, timeout=15):
        """SIGTERM, then wait; returns the exit code."""
        if not self.process or self.process.poll() is not None:
            return self.process.returncode if self.process else None
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise RuntimeError(f"agora did not stop on SIGTERM:\n{self.log()}")
        finally:
            self.log_file.close()

    def cleanup(self):
        try:
            self.stop()
        finally:
            if self.pg_database:
                psql(f"DROP DATABASE IF EXISTS {self.pg_database} WITH (FORCE)")
        assert_no_sanitizer_reports(self.log(), f"agora serve ({self.domain})")

    def cli(self, *args, env=None, check=False):
        """Runs `agora ARGS` with this instance's configuration."""
        full_env = dict(self.env)
        full_env.update(env or {})
        result = subprocess.run([str(AGORA), *args], env=full_env, capture_output=True, text=True, timeout=60)
        assert_no_sanitizer_reports(result.stderr, f"agora {' '.join(args)}")
        if check and result.returncode != 0:
            raise RuntimeError(f"agora {' '.join(args)} failed ({result.returncode}): {result.stderr}")
        return result

    def create_user(self, username, scopes="read write follow push", role="user", password=None):
        """A confirmed local account and an access token for it: returns the token."""
        args = ["accounts", "create", username, "--email", f"{username}@example.org", "--confirmed", "--role", role]
        if password:
            args += ["--password", password]
        self.cli(*args, check=True)
        return self.cli("accounts", "token", username, "--scopes", scopes, check=True).stdout.strip()

    def sql(self, statement, params=()):
        """Runs one SQL statement on this instance's database, for test setup
        that has no API yet (a disabled login, a hidden collection) and for
        checks; returns the rows as tuples of strings."""
        if self.db == "postgres":
            for p in params:  # inline the few literal parameters tests use
                statement = statement.replace("?", "'" + str(p).replace("'", "''") + "'", 1)
            out = subprocess.run(["psql", self.env["AGORA_DATABASE_URL"], "-v", "ON_ERROR_STOP=1", "-qAt", "-F", "\t",
                                  "-c", statement], check=True, capture_output=True, text=True).stdout
            return [tuple(line.split("\t")) for line in out.splitlines()]
        con = sqlite3.connect(self.data_dir / "agora.sqlite3", timeout=10)
        try:
            rows = con.execute(statement, params).fetchall()
            con.commit()
        finally:
            con.close()
        return [tuple("" if v is None else str(v) for v in row) for row in rows]

    def run_periodic_job(self, kind):
        """Makes the waiting periodic job of this kind (email_digests, trend_review_mails) due and waits
        until it ran (it schedules its next run)."""
        self.sql(f"UPDATE jobs SET run_at = 0 WHERE kind = '{kind}' AND locked_by IS NULL")
        deadline = time.time() + 10
        while self.sql(f"SELECT id FROM jobs WHERE kind = '{kind}' AND run_at = 0"):
            assert time.time() < deadline, f"the {kind} job did not run: {self.sql('SELECT * FROM jobs')}"
            time.sleep(0.1)

    def account_id(self, username):
        """The id of a local account, as the API shows it (a string)."""
        rows = self.sql(f"SELECT id FROM accounts WHERE username = '{username}' AND domain IS NULL")
        if not rows:
            raise KeyError(username)
        return rows[0][0]

    def api(self, method, path, token=None, **kw):
        """An API request with an optional bearer token."""
        headers = kw.pop("headers", {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        kw.setdefault("timeout", 10)
        return requests.request(method, self.url(path), headers=headers, **kw)

    def log(self):
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def get(self, path, **kw):
        kw.setdefault("timeout", 10)
        return requests.get(self.url(path), **kw)

    def post(self, path, **kw):
        kw.setdefault("timeout", 10)
        return requests.post(self.url(path), **kw)

    def raw(self, data: bytes, timeout=5):
        """Sends raw bytes on a new connection and returns everything received."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
            s.sendall(data)
            chunks = []
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
            except (socket.timeout, ConnectionResetError):
                pass
            return b"".join(chunks)
