"""Fake remote servers on loopback for the federation scenarios (S5, S6).

One Peers object listens on a few ports; agora reaches any number of fake
domains there through AGORA_TEST_CONNECT_TO, and the Host header says which
domain was meant. It serves WebFinger and actor documents (with publicKey)
for the actors it was given, and records each activity POSTed to an inbox:
its arrival time per domain, by the id of the activity's object.
"""
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from signing import public_pem

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


def actor_uri(domain, name):
    return f"http://{domain}/users/{name}"


def actor_document(domain, name, key):
    uri = actor_uri(domain, name)
    return {"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": uri, "type": "Person", "preferredUsername": name, "name": name.title(),
            "inbox": uri + "/inbox", "outbox": uri + "/outbox", "followers": uri + "/followers",
            "following": uri + "/following", "url": f"http://{domain}/@{name}",
            "manuallyApprovesFollowers": False, "discoverable": True,
            "endpoints": {"sharedInbox": f"http://{domain}/inbox"},
            "publicKey": {"id": uri + "#main-key", "owner": uri, "publicKeyPem": public_pem(key)}}


class Peers:
    def __init__(self, ports):
        self.documents = {}  # (domain, name) -> actor document bytes
        self.arrivals = {}  # object id -> {domain: seconds (perf_counter)}
        self.changed = threading.Condition()
        self.servers = [ThreadingHTTPServer(("127.0.0.1", port), self._handler()) for port in ports]
        for server in self.servers:
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()

    @property
    def ports(self):
        return [s.server_address[1] for s in self.servers]

    def add_actor(self, domain, name, key):
        self.documents[(domain, name)] = json.dumps(actor_document(domain, name, key)).encode()

    def arrived(self, object_id):
        with self.changed:
            return dict(self.arrivals.get(object_id, {}))

    def wait_for(self, object_id, count, timeout):
        """Arrival times by domain once `count` domains received object_id (or when timeout passes)."""
        deadline = time.perf_counter() + timeout
        with self.changed:
            while len(self.arrivals.get(object_id, {})) < count and time.perf_counter() < deadline:
                self.changed.wait(deadline - time.perf_counter())
            return dict(self.arrivals.get(object_id, {}))

    def stop(self):
        for server in self.servers:
            server.shutdown()
            server.server_close()

    def _record(self, domain, body):
        try:
            activity = json.loads(body)
            obj = activity.get("object")
            object_id = obj.get("id") if isinstance(obj, dict) else obj
        except (ValueError, AttributeError):
            return
        now = time.perf_counter()
        with self.changed:
            self.arrivals.setdefault(object_id, {}).setdefault(domain, now)
            self.changed.notify_all()

    def _handler(peers):
        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def domain(self):
                return self.headers.get("Host", "").split(":")[0].lower()

            def answer(self, status, body=b"", content_type="application/activity+json"):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                if url.path == "/.well-known/webfinger":
                    resource = urllib.parse.parse_qs(url.query).get("resource", [""])[0]
                    name, _, domain = resource.removeprefix("acct:").partition("@")
                    if (domain, name) not in peers.documents:
                        return self.answer(404)
                    jrd = {"subject": f"acct:{name}@{domain}", "links": [
                        {"rel": "self", "type": "application/activity+json", "href": actor_uri(domain, name)}]}
                    return self.answer(200, json.dumps(jrd).encode(), "application/jrd+json")
                if url.path.startswith("/users/"):
                    document = peers.documents.get((self.domain(), url.path[len("/users/"):]))
                    return self.answer(200, document) if document else self.answer(404)
                self.answer(404)

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if not self.path.endswith("/inbox"):
                    return self.answer(404)
                peers._record(self.domain(), body)
                self.answer(202)

        return Handler
