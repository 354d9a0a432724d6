"""A small browser for the web pages (cookies, CSRF tokens, forms) and the
OAuth client-side helpers (app registration, PKCE, TOTP codes) that the
OAuth and sign-in tests share."""
import base64
import hashlib
import hmac
import re
import secrets
import struct
import time
from html import unescape
from urllib.parse import parse_qs, urlparse

import requests

PASSWORD = "correct horse battery"
OOB = "urn:ietf:wg:oauth:2.0:oob"


def form_value(html, name):
    """The value of the (hidden) input called `name` in a page."""
    m = re.search(r'name="%s" value="([^"]*)"' % re.escape(name), html)
    return unescape(m.group(1)) if m else None


def query_of(location):
    return {k: v[0] for k, v in parse_qs(urlparse(location).query).items()}


class Browser:
    """One browser: its own cookie jar, redirects not followed."""

    def __init__(self, agora, forwarded_for=None):
        self.agora = agora
        self.session = requests.Session()
        if forwarded_for:
            self.session.headers["X-Forwarded-For"] = forwarded_for

    def get(self, path, **kw):
        return self.session.get(self.agora.url(path), allow_redirects=False, timeout=10, **kw)

    def post(self, path, data, **kw):
        return self.session.post(self.agora.url(path), data=data, allow_redirects=False, timeout=10, **kw)

    def submit_sign_in(self, email, password, return_to=""):
        page = self.get("/auth/sign_in")
        return self.post("/auth/sign_in", {"authenticity_token": form_value(page.text, "authenticity_token"),
                                           "user[email]": email, "user[password]": password,
                                           "return_to": return_to})

    def sign_in(self, email, password=PASSWORD):
        r = self.submit_sign_in(email, password)
        assert r.status_code == 302, r.text
        return r

    def csrf(self, path="/auth/sign_in"):
        return form_value(self.get(path).text, "authenticity_token")


def register_app(agora, redirect_uris="https://client.example/callback", scopes="read write follow push",
                 name="Test app"):
    r = agora.post("/api/v1/apps", data={"client_name": name, "redirect_uris": redirect_uris, "scopes": scopes})
    assert r.status_code == 200, r.text
    return r.json()


def pkce_pair():
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def totp(secret_base32, at=None, steps_ahead=0):
    """The RFC 6238 code (SHA-1, 30 s, 6 digits) an authenticator app would show."""
    key = base64.b32decode(secret_base32.replace(" ", "").upper() + "=" * (-len(secret_base32.replace(" ", "")) % 8))
    counter = int((at if at is not None else time.time()) // 30) + steps_ahead
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return "%06d" % (value % 1000000)


def away_from_step_boundary():
    """Waits until a TOTP step has at least 8 s left, so codes computed now stay valid."""
    while time.time() % 30 > 22:
        time.sleep(0.25)
