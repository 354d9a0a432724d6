"""TLS the way production runs it: a test certificate authority (openssl CLI) and nginx on loopback
terminating TLS for several domains (by SNI) in front of agora instances. Everything lives in one
directory; nginx needs no root (its own config, pid, temp and log paths)."""
import getpass
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from agora_harness import free_port


def openssl(*args):
    subprocess.run(["openssl", *args], check=True, capture_output=True)


def make_certificates(directory: Path, domains):
    """A CA (ca.pem) and, per domain, DOMAIN.pem / DOMAIN.key signed by it for that name."""
    directory.mkdir(parents=True, exist_ok=True)
    ca_key, ca = directory / "ca.key", directory / "ca.pem"
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca_key, "-out", ca, "-days", "2",
            "-subj", "/CN=agora test CA", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    for domain in domains:
        key, csr, cert, ext = (directory / f"{domain}.{suffix}" for suffix in ("key", "csr", "pem", "ext"))
        ext.write_text(f"subjectAltName=DNS:{domain}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", f"/CN={domain}")
        openssl("x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-CAcreateserial", "-out", cert,
                "-days", "2", "-extfile", ext)
    return ca


def start_nginx(directory: Path, http_config: str, port: int):
    """Runs nginx (no root needed: its own pid, temp and log paths in `directory`) with `http_config` inside
    its http block; returns the process once it accepts connections on 127.0.0.1:port."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.access(binary, os.X_OK):
        raise RuntimeError("nginx is missing: run scripts/install-deps (it installs nginx-light)")
    directory.mkdir(parents=True, exist_ok=True)
    # Started as root, nginx would switch its workers to "nobody", who cannot use our private directory.
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    temp = "".join(f"    {kind}_temp_path {directory / kind};\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    config = directory / "nginx.conf"
    config.write_text(f"""{user}
daemon off;
worker_processes 1;
pid {directory / "nginx.pid"};
error_log {directory / "error.log"};
events {{ worker_connections 256; }}
http {{
    access_log {directory / "access.log"};
{temp}{http_config}
}}
""")
    process = subprocess.Popen([binary, "-c", str(config), "-p", str(directory), "-e", str(directory / "error.log")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 10
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited: {process.stderr.read().decode(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return process
        except OSError:
            time.sleep(0.05)
    stop_nginx(process)
    raise RuntimeError("nginx did not start listening")


def stop_nginx(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Nginx:
    """nginx on 127.0.0.1:port serving https://DOMAIN for each {domain: backend_port}, proxying to it."""

    def __init__(self, directory: Path, certificates: Path, backends):
        self.directory = directory
        self.port = free_port()
        self.access_log = directory / "access.log"
        servers = "".join(f"""
    server {{
        listen 127.0.0.1:{self.port} ssl;
        server_name {domain};
        ssl_certificate {certificates / f"{domain}.pem"};
        ssl_certificate_key {certificates / f"{domain}.key"};
        location / {{
            proxy_pass http://127.0.0.1:{port};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto https;
        }}
    }}""" for domain, port in backends.items())
        self.process = start_nginx(directory, servers, self.port)

    def requests_seen(self):
        return self.access_log.read_text(errors="replace") if self.access_log.exists() else ""

    def stop(self):
        stop_nginx(self.process)
