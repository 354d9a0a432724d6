"""A Web Push service on loopback for the tests: records every POST, answers
with the status set per path, and decrypts RFC 8291 (aes128gcm) bodies and
checks RFC 8292 VAPID tokens with python3-cryptography and python3-jwt,
independently of agora's C++ code."""
import base64
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def b64url_decode(text):
    text = text.replace("+", "-").replace("/", "_").rstrip("=")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def hkdf(salt, ikm, info, length):
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(ikm)


class Subscriber:
    """A browser's side of a subscription: a P-256 key pair and an auth secret."""

    def __init__(self):
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.public_point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        self.auth = os.urandom(16)

    @property
    def keys(self):
        return {"p256dh": b64url(self.public_point), "auth": b64url(self.auth)}

    def decrypt(self, body):
        """RFC 8291 section 3 / RFC 8188: one aes128gcm record."""
        salt, record_size, id_length = body[:16], int.from_bytes(body[16:20], "big"), body[20]
        sender_point = body[21:21 + id_length]
        ciphertext = body[21 + id_length:]
        assert record_size >= len(ciphertext), "one record"
        sender = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), sender_point)
        shared = self.private_key.exchange(ec.ECDH(), sender)
        ikm = hkdf(self.auth, shared, b"WebPush: info\x00" + self.public_point + sender_point, 32)
        key = hkdf(salt, ikm, b"Content-Encoding: aes128gcm\x00", 16)
        nonce = hkdf(salt, ikm, b"Content-Encoding: nonce\x00", 12)
        padded = AESGCM(key).decrypt(nonce, ciphertext, None)
        end = padded.rstrip(b"\x00")
        assert end.endswith(b"\x02"), "last record delimiter"
        return end[:-1]


def verify_vapid(authorization, expected_key, audience):
    """Checks `vapid t=<jwt>, k=<key>` and returns the claims."""
    assert authorization.startswith("vapid "), authorization
    params = dict(part.strip().split("=", 1) for part in authorization[len("vapid "):].split(","))
    assert b64url_decode(params["k"]) == b64url_decode(expected_key), "k is the instance's VAPID key"
    point = b64url_decode(params["k"])
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    claims = jwt.decode(params["t"], key=public, algorithms=["ES256"], audience=audience)
    assert claims["exp"] > time.time() and claims["exp"] < time.time() + 24 * 3600
    assert claims["sub"].startswith(("mailto:", "https://", "http://"))
    return claims


class PushReceiver:
    def __init__(self, domain="push.test"):
        self.domain = domain
        self.received = []  # (path, headers, body)
        self.statuses = {}  # path -> status to answer (default 201)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                receiver.received.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(receiver.statuses.get(self.path, 201))
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def endpoint(self, path):
        return f"http://{self.domain}{path}"

    def to(self, path):
        return [(headers, body) for p, headers, body in self.received if p == path]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def message(subscriber, headers, body):
    assert headers["content-encoding"] == "aes128gcm"
    return json.loads(subscriber.decrypt(body))
