"""The authorization-code flow as a browser and a client go through it:
GET /oauth/authorize → sign in → consent → redirect with a code → token."""
import re
from urllib.parse import urlencode

from web_client import OOB, PASSWORD, Browser, form_value, pkce_pair, query_of, register_app

CALLBACK = "https://client.example/callback"


def authorize_path(app, redirect_uri=CALLBACK, **params):
    query = {"response_type": "code", "client_id": app["client_id"], "redirect_uri": redirect_uri,
             "scope": "read write", "state": "st4te/+&"}
    query.update(params)
    return "/oauth/authorize?" + urlencode({k: v for k, v in query.items() if v is not None})


def consent(browser, path, decision="approve"):
    """Shows the consent page for `path` and answers it; returns the answer."""
    page = browser.get(path)
    assert page.status_code == 200, page.text
    fields = {name: form_value(page.text, name) for name in (
        "authenticity_token", "client_id", "redirect_uri", "response_type", "state", "scope", "code_challenge",
        "code_challenge_method", "response_mode")}
    fields["decision"] = decision
    return browser.post("/oauth/authorize", fields)


def exchange(agora, app, code, redirect_uri=CALLBACK, **extra):
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
            "client_id": app["client_id"], "client_secret": app["client_secret"]}
    data.update(extra)
    return agora.post("/oauth/token", data=data)


def test_full_authorization_code_flow_with_pkce(agora):
    agora.create_user("alice", password=PASSWORD)
    app = register_app(agora)
    verifier, challenge = pkce_pair()
    browser = Browser(agora)
    path = authorize_path(app, code_challenge=challenge, code_challenge_method="S256")

    # Not signed in: the sign-in form, which comes back here afterwards.
    page = browser.get(path)
    assert page.status_code == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "no-store" in page.headers["Cache-Control"]
    assert page.headers["X-Frame-Options"] == "DENY"
    assert form_value(page.text, "return_to") == path
    signed_in = browser.post("/auth/sign_in", {"authenticity_token": form_value(page.text, "authenticity_token"),
                                               "user[email]": "alice@example.org", "user[password]": PASSWORD,
                                               "return_to": form_value(page.text, "return_to")})
    assert signed_in.status_code == 302
    assert signed_in.headers["Location"] == path
    cookie = [c for c in signed_in.headers.get("Set-Cookie", "").split(", _") if "agora_session=" in c][0]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie  # plain http in tests

    # The consent page names the app and its scopes.
    page = browser.get(path)
    assert "Authorization required" in page.text and "Test app" in page.text
    assert "read all your account&#39;s data" in page.text and "modify all your account&#39;s data" in page.text
    approved = consent(browser, path)
    assert approved.status_code == 302
    location = approved.headers["Location"]
    assert location.startswith(CALLBACK + "?code=")
    params = query_of(location)
    assert params["state"] == "st4te/+&"

    wrong = exchange(agora, app, params["code"], code_verifier="not-the-verifier-" + verifier[:30])
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"
    assert exchange(agora, app, params["code"]).json()["error"] == "invalid_grant"  # verifier missing
    token = exchange(agora, app, params["code"], code_verifier=verifier)
    assert token.status_code == 200, token.text
    assert token.json()["scope"] == "read write"
    assert agora.api("GET", "/api/v1/apps/verify_credentials",
                     token=token.json()["access_token"]).json()["name"] == "Test app"

    replay = exchange(agora, app, params["code"], code_verifier=verifier)
    assert replay.status_code == 400 and replay.json()["error"] == "invalid_grant"

    # Authorized before for these scopes: straight back to the app, unless force_login.
    again = browser.get(authorize_path(app))
    assert again.status_code == 302 and again.headers["Location"].startswith(CALLBACK + "?code=")
    assert browser.get(authorize_path(app, force_login="true")).status_code == 200


def test_code_exchange_checks_client_redirect_uri_and_expiry(agora):
    agora.create_user("alice", password=PASSWORD)
    app = register_app(agora, redirect_uris=CALLBACK + "\nhttps://client.example/other")
    other = register_app(agora, name="Other")
    browser = Browser(agora)
    browser.sign_in("alice@example.org")

    def new_code():
        return query_of(consent(browser, authorize_path(app, force_login="1")).headers["Location"])["code"]

    code = new_code()
    assert exchange(agora, other, code).json()["error"] == "invalid_grant"  # another client's code
    assert exchange(agora, app, code, redirect_uri="https://client.example/other").json()["error"] == "invalid_grant"
    assert exchange(agora, app, code, code_verifier="unasked-for").json()["error"] == "invalid_grant"
    assert exchange(agora, app, code).status_code == 200  # the failures above did not use it up

    expired = new_code()
    agora.sql("UPDATE oauth_access_grants SET expires_at = 1 WHERE revoked_at IS NULL")
    assert exchange(agora, app, expired).json()["error"] == "invalid_grant"
    bad_client = exchange(agora, dict(app, client_secret="x"), new_code())
    assert bad_client.status_code == 401 and bad_client.json()["error"] == "invalid_client"


def test_out_of_band_shows_the_code(agora):
    agora.create_user("alice", password=PASSWORD)
    app = register_app(agora, redirect_uris=OOB)
    browser = Browser(agora)
    browser.sign_in("alice@example.org")
    page = consent(browser, authorize_path(app, redirect_uri=OOB))
    assert page.status_code == 200 and "Location" not in page.headers
    assert "Authorization code" in page.text
    code = re.search(r'<code class="secret">([A-Za-z0-9_-]{20,})</code>', page.text).group(1)
    assert exchange(agora, app, code, redirect_uri=OOB).status_code == 200
    # Deny out of band: there is nowhere to send the error, so it is shown.
    denied = consent(browser, authorize_path(app, redirect_uri=OOB, force_login="1"), decision="deny")
    assert denied.status_code == 400 and "denied the request" in denied.text


def test_deny_and_invalid_requests(agora):
    agora.create_user("alice", password=PASSWORD)
    app = register_app(agora, scopes="read write")
    browser = Browser(agora)
    browser.sign_in("alice@example.org")

    denied = consent(browser, authorize_path(app), decision="deny")
    assert denied.status_code == 302
    assert query_of(denied.headers["Location"]) == {
        "error": "access_denied", "state": "st4te/+&",
        "error_description": "The resource owner or authorization server denied the request."}

    # Errors go back to a valid redirect URI…
    bad_scope = browser.get(authorize_path(app, scope="read push"))
    assert bad_scope.status_code == 302 and query_of(bad_scope.headers["Location"])["error"] == "invalid_scope"
    bad_type = browser.get(authorize_path(app, response_type="token"))
    assert query_of(bad_type.headers["Location"])["error"] == "unsupported_response_type"
    plain = browser.get(authorize_path(app, code_challenge="abc", code_challenge_method="plain"))
    assert query_of(plain.headers["Location"])["error"] == "invalid_request"
    fragment = browser.get(authorize_path(app, scope="push", response_mode="fragment"))
    assert fragment.headers["Location"].startswith(CALLBACK + "#error=invalid_scope")

    # …but never to an unregistered one, and an unknown client gets a page.
    evil = browser.get(authorize_path(app, redirect_uri="https://evil.example/callback"))
    assert evil.status_code == 400 and "Location" not in evil.headers
    assert "doesn&#39;t match client redirect URI" in evil.text
    unknown = browser.get(authorize_path(dict(app, client_id="nope")))
    assert unknown.status_code == 401 and "Client authentication failed" in unknown.text


def test_consent_needs_csrf_and_escapes_the_app_name(agora):
    agora.create_user("alice", password=PASSWORD)
    app = register_app(agora, name="<script>alert(1)</script>")
    browser = Browser(agora)
    browser.sign_in("alice@example.org")
    page = browser.get(authorize_path(app))
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    forged = browser.post("/oauth/authorize", {"client_id": app["client_id"], "redirect_uri": CALLBACK,
                                               "response_type": "code", "scope": "read", "decision": "approve"})
    assert forged.status_code == 422 and "Location" not in forged.headers
    # A token from another browser does not work either.
    stranger = Browser(agora)
    forged = browser.post("/oauth/authorize", {"authenticity_token": stranger.csrf(), "client_id": app["client_id"],
                                               "redirect_uri": CALLBACK, "response_type": "code",
                                               "decision": "approve"})
    assert forged.status_code == 422


def test_sign_in_as_someone_else_from_the_consent_page(agora):
    agora.create_user("alice", password=PASSWORD)
    agora.create_user("bob", password=PASSWORD)
    app = register_app(agora)
    browser = Browser(agora)
    browser.sign_in("alice@example.org")
    path = authorize_path(app)
    page = browser.get(path)
    assert "Not @alice?" in page.text
    out = browser.post("/auth/sign_out", {"authenticity_token": form_value(page.text, "authenticity_token"),
                                          "return_to": path})
    assert out.status_code == 302 and out.headers["Location"] == path
    assert form_value(browser.get(path).text, "return_to") == path  # the sign-in form again


def test_redirect_uri_tampering_and_pkce_downgrade_are_refused(agora):
    agora.create_user("alice", password=PASSWORD)
    app = register_app(agora)
    browser = Browser(agora)
    browser.sign_in("alice@example.org")
    # (An added query is allowed, as Doorkeeper matches registered URIs without one: the host stays the client's.)
    for evil in (CALLBACK + ".evil.example", CALLBACK + "/../../evil", CALLBACK + "#x", CALLBACK.upper(), CALLBACK.replace("https", "http"), CALLBACK + "/",
                 "https://client.example@evil.example/callback", CALLBACK + "%00", " " + CALLBACK):
        r = browser.get(authorize_path(app, redirect_uri=evil))
        assert r.status_code in (400, 401) and "Location" not in r.headers, evil

    # The consent form's redirect URI swapped after the page was shown.
    verifier, challenge = pkce_pair()
    path = authorize_path(app, code_challenge=challenge, code_challenge_method="S256", force_login="1")
    page = browser.get(path)
    fields = {name: form_value(page.text, name) for name in (
        "authenticity_token", "client_id", "redirect_uri", "response_type", "state", "scope", "code_challenge",
        "code_challenge_method", "response_mode")}
    tampered = browser.post("/oauth/authorize", dict(fields, redirect_uri="https://evil.example/callback",
                                                     decision="approve"))
    assert tampered.status_code in (400, 401) and "evil.example" not in tampered.headers.get("Location", "")

    # PKCE downgrade: the challenge itself (plain) or no verifier never redeems an S256 code.
    code = query_of(browser.post("/oauth/authorize", dict(fields, decision="approve")).headers["Location"])["code"]
    for attempt in ({"code_verifier": challenge}, {"code_verifier": ""}, {"code_challenge_method": "plain"}):
        r = exchange(agora, app, code, **attempt)
        assert r.status_code == 400 and r.json()["error"] == "invalid_grant", attempt
    assert exchange(agora, app, code, code_verifier=verifier).status_code == 200
