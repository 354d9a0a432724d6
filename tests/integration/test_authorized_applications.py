"""Settings → Authorized apps (/oauth/authorized_applications): a member sees
the apps holding live tokens of theirs and revokes them, and no one else's."""
import re

from test_oauth_token import password_grant
from web_client import PASSWORD, Browser, form_value

PATH = "/oauth/authorized_applications"


def app_with_website(agora, name, website="https://app.example/"):
    r = agora.post("/api/v1/apps", data={"client_name": name, "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
                                         "scopes": "read write follow push", "website": website})
    assert r.status_code == 200, r.text
    return r.json()


def token_for(agora, app, email, scope="read write"):
    r = password_grant(agora, app, username=email, scope=scope)
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def app_item(html, app_id):
    match = re.search(r'<li class="app" data-application="%s">(.*?)</form></li>' % app_id, html, re.S)
    return match.group(1) if match else None


def signed_in(agora, email):
    browser = Browser(agora)
    browser.sign_in(email)
    return browser


def test_lists_the_apps_holding_live_tokens(agora):
    agora.create_user("alice", password=PASSWORD)
    agora.create_user("bob", password=PASSWORD)
    used = app_with_website(agora, "Used <app>")
    unused = app_with_website(agora, "Unused app", website="")
    revoked = app_with_website(agora, "Revoked app")
    others = app_with_website(agora, "Bob's app")
    token = token_for(agora, used, "alice@example.org", scope="read")
    token_for(agora, used, "alice@example.org", scope="follow")
    assert agora.api("GET", "/api/v1/accounts/verify_credentials", token=token).status_code == 200
    token_for(agora, unused, "alice@example.org")
    gone = token_for(agora, revoked, "alice@example.org")
    r = agora.post("/oauth/revoke", data={"client_id": revoked["client_id"], "client_secret": revoked["client_secret"],
                                          "token": gone})
    assert r.status_code == 200
    token_for(agora, others, "bob@example.org")

    page = signed_in(agora, "alice@example.org").get(PATH)
    assert page.status_code == 200
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    item = app_item(page.text, used["id"])
    assert "Used &lt;app&gt;" in item and "Used <app>" not in page.text  # escaped
    assert 'href="https://app.example/"' in item
    assert "<code>read</code>" in item and "<code>follow</code>" in item
    assert re.search(r"Last used \d{4}-\d\d-\d\d", item)
    assert "Never used" in app_item(page.text, unused["id"])
    assert app_item(page.text, revoked["id"]) is None
    assert app_item(page.text, others["id"]) is None


def test_revoking_an_app_ends_its_tokens(agora):
    agora.create_user("alice", password=PASSWORD)
    app = app_with_website(agora, "Revocable")
    kept_app = app_with_website(agora, "Kept")
    tokens = [token_for(agora, app, "alice@example.org") for _ in range(2)]
    kept = token_for(agora, kept_app, "alice@example.org")
    browser = signed_in(agora, "alice@example.org")
    page = browser.get(PATH).text
    csrf = form_value(page, "authenticity_token")

    r = browser.post(f"{PATH}/{app['id']}", {"authenticity_token": csrf, "_method": "delete"})
    assert r.status_code == 302 and r.headers["Location"] == PATH
    for token in tokens:
        denied = agora.api("GET", "/api/v1/accounts/verify_credentials", token=token)
        assert denied.status_code == 401
        assert denied.json() == {"error": "The access token was revoked"}
    assert agora.api("GET", "/api/v1/accounts/verify_credentials", token=kept).status_code == 200
    after = browser.get(PATH).text
    assert app_item(after, app["id"]) is None and app_item(after, kept_app["id"]) is not None
    # Nothing left to revoke.
    assert browser.post(f"{PATH}/{app['id']}", {"authenticity_token": csrf}).status_code == 404


def test_revoking_needs_csrf(agora):
    agora.create_user("alice", password=PASSWORD)
    app = app_with_website(agora, "Target")
    token = token_for(agora, app, "alice@example.org")
    browser = signed_in(agora, "alice@example.org")
    assert browser.post(f"{PATH}/{app['id']}", {"_method": "delete"}).status_code == 422
    assert browser.post(f"{PATH}/{app['id']}", {"authenticity_token": "forged"}).status_code == 422
    assert agora.api("GET", "/api/v1/accounts/verify_credentials", token=token).status_code == 200


def test_another_members_app_cannot_be_revoked(agora):
    agora.create_user("alice", password=PASSWORD)
    agora.create_user("bob", password=PASSWORD)
    app = app_with_website(agora, "Bob's only")
    token = token_for(agora, app, "bob@example.org")
    alice = signed_in(agora, "alice@example.org")
    csrf = form_value(alice.get(PATH).text, "authenticity_token")
    assert alice.post(f"{PATH}/{app['id']}", {"authenticity_token": csrf}).status_code == 404
    assert alice.post(f"{PATH}/not-an-id", {"authenticity_token": csrf}).status_code == 404
    assert agora.api("GET", "/api/v1/accounts/verify_credentials", token=token).status_code == 200


def test_signed_out_visitors_are_sent_to_sign_in(agora):
    browser = Browser(agora)
    r = browser.get(PATH)
    assert r.status_code == 302
    assert r.headers["Location"] == "/auth/sign_in?return_to=/oauth/authorized_applications"
    csrf = browser.csrf()
    assert browser.post(f"{PATH}/1", {"authenticity_token": csrf}).status_code == 401
