"""A real S3-compatible server on loopback for object storage tests: s3rver
(npm, pinned in tests/s3server), which checks AWS Signature V4 against its one
account (access key S3RVER, secret S3RVER)."""
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import requests

from agora_harness import exclusive, free_port

SERVER_DIR = Path(__file__).resolve().parents[1] / "s3server"
ACCESS_KEY = "S3RVER"
SECRET_KEY = "S3RVER"


def install():
    """Runs `npm ci` when s3rver is missing from node_modules (scripts/install-deps does it too)."""
    wanted = json.loads((SERVER_DIR / "package.json").read_text())["dependencies"]
    with exclusive("s3server"):  # one parallel worker installs, the others wait
        if any(not (SERVER_DIR / "node_modules" / name / "package.json").exists() for name in wanted):
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=SERVER_DIR, check=True, capture_output=True)


class S3Server:
    def __init__(self, buckets=("agora-test",)):
        self.buckets = list(buckets)
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="agora-s3-"))
        self.process = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    def url(self, bucket, key=""):
        return f"{self.endpoint}/{bucket}/{key}"

    def env(self, bucket="agora-test", **overrides):
        """The AGORA_S3_* settings of an instance storing its files in `bucket`."""
        env = {"AGORA_S3_BUCKET": bucket, "AGORA_S3_ENDPOINT": self.endpoint, "AGORA_S3_REGION": "us-east-1",
               "AGORA_S3_ACCESS_KEY_ID": ACCESS_KEY, "AGORA_S3_SECRET_ACCESS_KEY": SECRET_KEY,
               "AGORA_S3_PATH_STYLE": "true"}
        env.update(overrides)
        return env

    def keys(self, bucket="agora-test"):
        """Every object key in the bucket (read from s3rver's directory, not through S3)."""
        root = self.directory / bucket
        return sorted(str(p.relative_to(root)).replace("._S3rver_object", "")
                      for p in root.rglob("*._S3rver_object"))

    def __enter__(self):
        install()
        self.log = open(self.directory / "s3rver.log", "w")
        self.process = subprocess.Popen(["node", str(SERVER_DIR / "server.js"), str(self.directory / "data"),
                                         str(self.port), *self.buckets], stdout=self.log, stderr=subprocess.STDOUT)
        self.directory = self.directory / "data"
        deadline = time.time() + 60  # node takes seconds to start on a busy machine
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"s3rver exited with {self.process.returncode}")
            try:
                requests.get(self.endpoint, timeout=1)
                return self
            except requests.RequestException:  # not listening yet, or slow to answer on a loaded machine
                time.sleep(0.05)
        raise RuntimeError(f"s3rver did not start:\n{(self.directory.parent / 's3rver.log').read_text()}")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        shutil.rmtree(self.directory.parent, ignore_errors=True)
