"""A fake remote server for federation tests: serves WebFinger and actor
documents for its actors, records what agora delivers to its inboxes, and
signs requests to agora (draft-cavage, as Mastodon) so tests can send
activities that are well signed, badly signed, or lying."""
import base64
import email.utils
import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import requests
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from agora_harness import free_port


class Actor:
    def __init__(self, server, username):
        self.server = server
        self.username = username
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.uri = f"http://{server.domain}/users/{username}"
        self.key_id = self.uri + "#main-key"
        self.extra = {}  # more properties of the actor document (alsoKnownAs, movedTo …)

    def public_pem(self):
        return self.key.public_key().public_bytes(serialization.Encoding.PEM,
                                                  serialization.PublicFormat.SubjectPublicKeyInfo).decode()

    def document(self):
        return {
            "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": self.uri, "type": "Person", "preferredUsername": self.username, "name": self.username.title(),
            "inbox": self.uri + "/inbox", "outbox": self.uri + "/outbox", "followers": self.uri + "/followers",
            "endpoints": {"sharedInbox": f"http://{self.server.domain}/inbox"},
            "publicKey": {"id": self.key_id, "owner": self.uri, "publicKeyPem": self.public_pem()},
            **self.extra,
        }

    def sign(self, method, url, body=b"", date=None, headers_signed=None, digest=None):
        """Headers for a request signed by this actor; every part can be overridden to test refusals."""
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = {"Host": parts.netloc, "Date": date or email.utils.formatdate(usegmt=True)}
        if method == "POST":
            headers["Digest"] = digest or "SHA-256=" + base64.b64encode(hashlib.sha256(body).digest()).decode()
        names = headers_signed or (["(request-target)", "host", "date"] + (["digest"] if method == "POST" else []))
        lines = []
        for name in names:
            if name == "(request-target)":
                lines.append(f"(request-target): {method.lower()} {target}")
            else:
                lines.append(f"{name}: {headers[name.title() if name != 'digest' else 'Digest']}")
        signature = self.key.sign("\n".join(lines).encode(), padding.PKCS1v15(), hashes.SHA256())
        headers["Signature"] = (f'keyId="{self.key_id}",algorithm="rsa-sha256",headers="{" ".join(names)}",'
                                f'signature="{base64.b64encode(signature).decode()}"')
        return headers


class FakeRemote:
    """`domain` is served on 127.0.0.1:port; agora reaches it through AGORA_TEST_CONNECT_TO."""

    def __init__(self, domain):
        self.domain = domain
        self.port = free_port()
        self.actors = {}
        self.received = []  # (path, headers, json) delivered to any inbox
        self.documents = {}  # extra documents by path (objects the tests publish)
        self.files = {}  # binary files by path: (bytes, content type), e.g. media
        self.requested = []  # every path asked for with GET
        # How POSTs to inboxes are answered: None (at once, 202), "silent" (the request is read and
        # never answered) or "trickle" (the answer comes one byte a second, far too slowly).
        self.inbox_stall = None
        self.stalled = []  # bodies of POSTs that were stalled
        self.closing = threading.Event()
        remote = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status, body=None, content_type="application/activity+json"):
                data = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                path = self.path.split("?")[0]
                remote.requested.append(path)
                if path in remote.files:
                    data, content_type = remote.files[path]
                    self.send_response(200)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return
                if path == "/.well-known/webfinger":
                    user = self.path.split("acct:")[-1].split("@")[0]
                    if user in remote.actors:
                        a = remote.actors[user]
                        return self._send(200, {"subject": f"acct:{user}@{remote.domain}",
                                                "links": [{"rel": "self", "type": "application/activity+json",
                                                           "href": a.uri}]}, "application/jrd+json")
                    return self._send(404, {})
                for a in remote.actors.values():
                    if path == urlsplit(a.uri).path:
                        return self._send(200, a.document())
                if path in remote.documents:
                    return self._send(200, remote.documents[path])
                return self._send(404, {})

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                if remote.inbox_stall:
                    remote.stalled.append(json.loads(body or b"{}"))
                    if remote.inbox_stall == "silent":
                        remote.closing.wait(60)
                        return
                    for byte in b"HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n":
                        if remote.closing.wait(1):
                            return
                        try:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                        except OSError:
                            return
                    return
                remote.received.append((self.path, dict(self.headers), json.loads(body or b"{}")))
                self._send(202)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def actor(self, username):
        if username not in self.actors:
            self.actors[username] = Actor(self, username)
        return self.actors[username]

    def close(self):
        self.closing.set()
        self.httpd.shutdown()


def deliver(instance, actor, activity, path="/inbox", body=None, **overrides):
    """Sends a signed activity to an agora instance; returns the response."""
    url = instance.public_url + path
    data = body if body is not None else json.dumps(activity).encode()
    headers = actor.sign("POST", url, data, **overrides)
    headers["Content-Type"] = "application/activity+json"
    return requests.post(instance.url(path), data=data, headers=headers, timeout=10)

