"""The shipped deployment files: deploy/nginx/agora.conf in front of a real agora (https with a test CA,
HTTP/2, the http→https redirect, uploads, caching, streaming) and the systemd units under
systemd-analyze. Only what cannot be the same in a test is changed in the nginx site: certificate paths,
listen addresses, the upstream port, the domain and the cache and ACME directories."""
import http.client
import json
import shutil
import socket
import ssl
import subprocess
import time

import pytest
import requests
import websocket

from agora_harness import AGORA, ROOT, free_port
from images import png
from streaming_clients import SSE
from tls_proxy import make_certificates, start_nginx, stop_nginx

DOMAIN = "social.test"
SITE = ROOT / "deploy" / "nginx" / "agora.conf"
UNITS = [ROOT / "deploy" / "systemd" / name for name in ("agora.service", "agora-worker.service")]


def rendered_site(replacements):
    """The shipped site with each (old, new, count) replaced; a count that no longer matches fails, so
    the test notices when the shipped file changes under it."""
    text = SITE.read_text()
    for old, new, count in replacements:
        assert text.count(old) == count, f"{old!r} appears {text.count(old)} times in {SITE}"
        text = text.replace(old, new)
    return text


class Site:
    def __init__(self, agora, directory):
        self.agora = agora
        certs = directory / "certs"
        self.ca = make_certificates(certs, [DOMAIN])
        self.http_port, self.https_port = free_port(), free_port()
        self.acme = directory / "acme"
        (self.acme / ".well-known" / "acme-challenge").mkdir(parents=True)
        config = rendered_site([
            ("listen 80;", f"listen 127.0.0.1:{self.http_port};", 1),
            ("listen 443 ssl http2;", f"listen 127.0.0.1:{self.https_port} ssl http2;", 1),
            ("    listen [::]:80;\n", "", 1),
            ("    listen [::]:443 ssl http2;\n", "", 1),
            ("/etc/letsencrypt/live/social.example.org/fullchain.pem", str(certs / f"{DOMAIN}.pem"), 1),
            ("/etc/letsencrypt/live/social.example.org/privkey.pem", str(certs / f"{DOMAIN}.key"), 1),
            ("server_name social.example.org;", f"server_name {DOMAIN};", 2),
            ("server 127.0.0.1:3000", f"server 127.0.0.1:{agora.port}", 1),
            ("/var/cache/nginx/agora", str(directory / "cache"), 1),
            ("root /var/www/letsencrypt;", f"root {self.acme};", 1),
        ])
        assert not [line for line in config.splitlines() if "example.org" in line and not line.strip().startswith("#")]
        self.process = start_nginx(directory / "nginx", config, self.https_port)

    def url(self, path):
        return f"https://{DOMAIN}:{self.https_port}{path}"

    def local(self, public_url):
        """A URL agora rendered (https://social.test/…), reached through this test's port."""
        assert public_url.startswith(f"https://{DOMAIN}/"), public_url
        return self.url(public_url[len(f"https://{DOMAIN}"):])

    def api(self, method, path, token=None, **kw):
        headers = kw.pop("headers", {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return requests.request(method, self.url(path), headers=headers, timeout=30, **kw)


@pytest.fixture
def site(instances, tmp_path, monkeypatch):
    agora = instances(domain=DOMAIN)
    # social.test is this machine for the test's clients; requests trusts the test CA.
    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo",
                        lambda host, *a, **kw: real_getaddrinfo("127.0.0.1" if host == DOMAIN else host, *a, **kw))
    s = Site(agora, tmp_path)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(s.ca))
    yield s
    stop_nginx(s.process)


class FromAddress(requests.adapters.HTTPAdapter):
    """Connects from another loopback address, so the client differs from nginx (127.0.0.1)."""

    def __init__(self, address):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        super().init_poolmanager(*args, **kwargs)


def test_api_over_https_with_forwarded_client(site):
    app = site.api("POST", "/api/v1/apps", data={"client_name": "deploy test", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"})
    assert app.status_code == 200 and app.json()["client_id"], app.text
    token = site.agora.create_user("alice")
    r = site.api("POST", "/api/v1/statuses", token=token, json={"status": "hello through nginx"})
    assert r.status_code == 200, r.text
    status = r.json()
    assert status["url"].startswith(f"https://{DOMAIN}/@alice/") and status["uri"].startswith(f"https://{DOMAIN}/")
    # agora's own security headers pass through once; nginx adds HSTS.
    assert r.headers["X-Frame-Options"] == "DENY" and r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Strict-Transport-Security"] == "max-age=63072000"
    site.api("POST", "/api/v1/statuses", token=token, json={"status": "second"})
    home = site.api("GET", "/api/v1/timelines/home", token=token, params={"limit": 1})
    assert home.status_code == 200 and home.json()[0]["content"] == "<p>second</p>"
    assert f"<https://{DOMAIN}/api/v1/timelines/home?limit=1&max_id=" in home.headers["Link"]
    assert site.api("GET", "/api/v2/instance").json()["configuration"]["urls"]["streaming"] == f"wss://{DOMAIN}"

    # agora sees the client's address (from X-Forwarded-For), not nginx's.
    with requests.Session() as session:
        session.mount("https://", FromAddress("127.0.0.2"))
        r = session.get(site.url("/api/v1/accounts/verify_credentials"), headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200
    deadline = time.time() + 5
    while "127.0.0.2 GET /api/v1/accounts/verify_credentials 200" not in site.agora.log():
        assert time.time() < deadline, site.agora.log()[-3000:]
        time.sleep(0.05)


@pytest.mark.skipif(not shutil.which("curl"), reason="curl is missing")
def test_http2_is_offered(site):
    out = subprocess.run(["curl", "-sS", "--http2", "--cacert", str(site.ca), "--resolve",
                          f"{DOMAIN}:{site.https_port}:127.0.0.1", "-o", "/dev/null", "-w", "%{http_version}",
                          site.url("/api/v1/instance")], capture_output=True, text=True, timeout=30)
    assert out.stdout == "2", out.stderr


def test_http_redirects_to_https_except_acme_challenges(site):
    r = requests.get(f"http://{DOMAIN}:{site.http_port}/@alice?x=1", allow_redirects=False, timeout=10)
    assert r.status_code == 301 and r.headers["Location"] == f"https://{DOMAIN}/@alice?x=1"
    (site.acme / ".well-known" / "acme-challenge" / "token123").write_text("proof")
    r = requests.get(f"http://{DOMAIN}:{site.http_port}/.well-known/acme-challenge/token123", timeout=10)
    assert r.status_code == 200 and r.text == "proof"


def test_uploads_pass_and_files_are_cached(site):
    token = site.agora.create_user("alice")
    image = png(700, 700, level=0)  # ~1.4 MB: more than nginx's default 1 MB body limit
    assert len(image) > 1024 * 1024
    r = site.api("POST", "/api/v2/media", token=token, files={"file": ("big.png", image, "image/png")})
    assert r.status_code == 200, r.text
    url = site.local(r.json()["url"])
    first = requests.get(url, timeout=10)
    assert first.status_code == 200 and first.headers["Content-Type"] == "image/png"
    assert requests.get(url, timeout=10).content == first.content

    # Past agora's 100 MiB limit nginx refuses before reading the body.
    context = ssl.create_default_context(cafile=str(site.ca))
    connection = http.client.HTTPSConnection(DOMAIN, site.https_port, context=context, timeout=10)
    connection.putrequest("POST", "/api/v2/media")
    connection.putheader("Authorization", f"Bearer {token}")
    connection.putheader("Content-Type", "multipart/form-data; boundary=x")
    connection.putheader("Content-Length", str(101 * 1024 * 1024))
    connection.endheaders()
    assert connection.getresponse().status == 413
    connection.close()

    # Files stay available from nginx's cache while agora is down (an upgrade's restart).
    site.agora.stop()
    assert site.api("GET", "/api/v1/instance").status_code == 502
    again = requests.get(url, timeout=10)
    assert again.status_code == 200 and again.content == first.content


def test_streaming_through_the_site(site):
    alice = site.agora.create_user("alice")
    ws = websocket.create_connection(f"wss://{DOMAIN}:{site.https_port}/api/v1/streaming?access_token={alice}&stream=user",
                                     sslopt={"ca_certs": str(site.ca)}, timeout=10)
    try:
        sse = SSE(site, "/api/v1/streaming/public/local", token=alice)
        assert sse.status == 200  # wait_ready saw ":)" at once: nginx does not buffer the stream
        posted = site.api("POST", "/api/v1/statuses", token=alice, json={"status": "live"}).json()
        while True:
            message = json.loads(ws.recv())
            if message.get("event") == "update":
                break
        assert json.loads(message["payload"])["url"] == posted["url"]
        name, data = sse.next("update")
        assert json.loads(data)["id"] == posted["id"]
        sse.close()
    finally:
        ws.close()


def test_metrics_are_not_public(site):
    assert site.api("GET", "/metrics").status_code == 404


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is missing")
def test_systemd_units_verify(tmp_path):
    for unit in UNITS:
        # The binary must exist for verify; everything else as shipped.
        text = unit.read_text()
        assert text.count("/opt/agora/build/agora ") == 1
        (tmp_path / unit.name).write_text(text.replace("/opt/agora/build/agora ", f"{AGORA} "))
    result = subprocess.run(["systemd-analyze", "verify", *(str(tmp_path / u.name) for u in UNITS)],
                            capture_output=True, text=True, timeout=60)
    ours = [line for line in result.stderr.splitlines() if any(u.name in line for u in UNITS)]
    assert result.returncode == 0 and not ours, result.stderr
    for unit in UNITS:
        text = unit.read_text()
        for setting in ("ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes", "CapabilityBoundingSet=\n",
                        "ReadWritePaths=/var/lib/agora", "Restart=on-failure", "MemoryMax="):
            assert setting in text, (unit.name, setting)
