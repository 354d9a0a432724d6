"""Signing up through an app (POST /api/v1/accounts), confirming the address
from the mail, and resetting a forgotten password, with a real SMTP server."""
import re

from smtp_sink import body_text
from web_client import Browser, register_app

PASSWORD = "a long enough password"


def app_token(agora, scopes="read write follow"):
    app = register_app(agora, scopes=scopes)
    r = agora.post("/oauth/token", data={"grant_type": "client_credentials", "client_id": app["client_id"],
                                         "client_secret": app["client_secret"], "scope": scopes})
    assert r.status_code == 200, r.text
    return app, r.json()["access_token"]


def sign_up(agora, token, **fields):
    data = {"username": "newbie", "email": "newbie@example.org", "password": PASSWORD, "agreement": "true",
            "locale": "en"}
    data.update(fields)
    return agora.api("POST", "/api/v1/accounts", token=token, data=data)


def link_in(mail, path):
    m = re.search(r"http://[^\s]+" + re.escape(path) + r"\?[\w_]+=[\w-]+", body_text(mail["message"]))
    assert m, body_text(mail["message"])
    return m.group(0)


def test_sign_up_then_confirm_by_mail(instances, smtp):
    agora = instances(env=smtp.env())
    _, token = app_token(agora)
    r = sign_up(agora, token)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["token_type"] == "Bearer" and body["scope"] == "read write follow"
    member_token = body["access_token"]
    r = agora.api("GET", "/api/v1/accounts/verify_credentials", token=member_token)
    assert r.status_code == 403
    assert r.json() == {"error": "Your login is missing a confirmed e-mail address"}

    link = link_in(smtp.sink.wait_for("newbie@example.org")[0], "/auth/confirmation")
    page = Browser(agora).get(link.split(agora.domain, 1)[1])
    assert page.status_code == 200 and "confirmed" in page.text
    me = agora.api("GET", "/api/v1/accounts/verify_credentials", token=member_token).json()
    assert me["username"] == "newbie"
    # A confirmation link works once.
    assert Browser(agora).get(link.split(agora.domain, 1)[1]).status_code == 404


def test_sign_up_errors_carry_mastodons_details(agora):
    _, token = app_token(agora)
    r = sign_up(agora, token, agreement="false", username="admin", password="short")
    assert r.status_code == 422
    details = r.json()["details"]
    assert details["agreement"][0]["error"] == "ERR_ACCEPTED"
    assert details["username"][0]["error"] == "ERR_RESERVED"
    assert details["password"][0]["error"] == "ERR_TOO_SHORT"
    assert r.json()["error"].startswith("Validation failed: ")
    assert sign_up(agora, token).status_code == 200
    taken = sign_up(agora, token, email="other@example.org").json()["details"]
    assert taken["username"][0]["error"] == "ERR_TAKEN"
    # A member's token cannot sign others up, and no token is 401.
    member = agora.create_user("member", scopes="write")
    assert sign_up(agora, member, username="x2", email="x2@example.org").status_code == 403
    assert sign_up(agora, None, username="x3", email="x3@example.org").status_code == 401


def test_registration_modes(agora):
    _, token = app_token(agora)
    agora.cli("settings", "set", "registrations_mode", "none", check=True)
    r = sign_up(agora, token)
    assert r.status_code == 403 and r.json() == {"error": "This action is not allowed"}
    agora.cli("settings", "set", "registrations_mode", "approved", check=True)
    agora.cli("settings", "set", "require_invite_text", "true", check=True)
    r = sign_up(agora, token)
    assert r.status_code == 422 and r.json()["details"]["reason"][0]["error"] == "ERR_BLANK"
    r = sign_up(agora, token, reason="I teach maths with AI")
    assert r.status_code == 200
    member = r.json()["access_token"]
    agora.cli("accounts", "modify", "newbie", "--confirm", check=True)
    r = agora.api("GET", "/api/v1/accounts/verify_credentials", token=member)
    assert r.status_code == 403 and r.json() == {"error": "Your login is currently pending approval"}
    # An operator lets the applicant in, as with tootctl.
    assert agora.cli("accounts", "modify", "newbie", "--approve").stdout.strip() == "OK"
    assert agora.api("GET", "/api/v1/accounts/verify_credentials", token=member).status_code == 200
    assert agora.cli("accounts", "modify", "nobody", "--approve").returncode == 1
    assert agora.cli("accounts", "modify", "newbie").returncode == 2


def test_sign_ups_are_throttled_per_address(agora):
    _, token = app_token(agora)
    statuses = [sign_up(agora, token, username=f"u{i}", email=f"u{i}@example.org").status_code for i in range(6)]
    assert statuses == [200] * 5 + [429]


def test_password_reset_by_mail_signs_out_everywhere(instances, smtp):
    agora = instances(env=smtp.env())
    old_token = agora.create_user("forgetful", password="the old password")
    browser = Browser(agora)
    r = browser.post("/auth/password", {"authenticity_token": browser.csrf("/auth/password/new"),
                                        "user[email]": "forgetful@example.org"})
    assert r.status_code == 200 and "recovery link" in r.text
    # Unknown addresses get the same answer and no mail.
    r = browser.post("/auth/password", {"authenticity_token": browser.csrf("/auth/password/new"),
                                        "user[email]": "nobody@example.org"})
    assert r.status_code == 200 and "recovery link" in r.text

    link = link_in(smtp.sink.wait_for("forgetful@example.org")[0], "/auth/password/edit")
    path = link.split(agora.domain, 1)[1]
    token = path.split("=", 1)[1]
    form = browser.get(path)
    assert form.status_code == 200
    csrf = browser.csrf(path)
    r = browser.post("/auth/password/edit", {"authenticity_token": csrf, "reset_password_token": token,
                                             "user[password]": "new secret 123",
                                             "user[password_confirmation]": "does not match"})
    assert r.status_code == 422
    r = browser.post("/auth/password/edit", {"authenticity_token": csrf, "reset_password_token": token,
                                             "user[password]": "new secret 123",
                                             "user[password_confirmation]": "new secret 123"})
    assert r.status_code == 200 and "changed" in r.text
    r = agora.api("GET", "/api/v1/accounts/verify_credentials", token=old_token)
    assert r.status_code == 401 and r.json() == {"error": "The access token was revoked"}
    assert Browser(agora).submit_sign_in("forgetful@example.org", "new secret 123").status_code == 302
    assert Browser(agora).submit_sign_in("forgetful@example.org", "the old password").status_code != 302
    # The link is used up.
    r = browser.post("/auth/password/edit", {"authenticity_token": csrf, "reset_password_token": token,
                                             "user[password]": "another one 456",
                                             "user[password_confirmation]": "another one 456"})
    assert r.status_code == 404


def test_web_sign_up_form(instances, smtp):
    agora = instances(env=smtp.env())
    browser = Browser(agora)
    form = browser.get("/auth/sign_up")
    assert form.status_code == 200 and 'name="user[username]"' in form.text
    data = {"authenticity_token": browser.csrf("/auth/sign_up"), "user[username]": "webby",
            "user[email]": "webby@example.org", "user[password]": "short", "user[agreement]": "1"}
    r = browser.post("/auth/sign_up", data)
    assert r.status_code == 422 and "Password is too short" in r.text
    assert 'value="webby"' in r.text  # what was typed stays in the form
    data["user[password]"] = PASSWORD
    r = browser.post("/auth/sign_up", data)
    assert r.status_code == 200 and "webby@example.org" in r.text
    link = link_in(smtp.sink.wait_for("webby@example.org")[0], "/auth/confirmation")
    assert browser.get(link.split(agora.domain, 1)[1]).status_code == 200
    assert Browser(agora).submit_sign_in("webby@example.org", PASSWORD).status_code == 302
    # Without the CSRF token nothing happens; closed registrations show a closed page.
    del data["authenticity_token"]
    assert Browser(agora).post("/auth/sign_up", dict(data, **{"user[username]": "x"})).status_code == 422
    agora.cli("settings", "set", "registrations_mode", "none", check=True)
    assert Browser(agora).get("/auth/sign_up").status_code == 403


def test_operators_can_turn_off_two_factor_for_a_member(agora):
    agora.create_user("lost", password=PASSWORD)
    agora.sql("UPDATE users SET otp_enabled = TRUE, otp_secret = 'JBSWY3DPEHPK3PXP'")
    r = Browser(agora).submit_sign_in("lost@example.org", PASSWORD)
    assert r.status_code == 200 and 'name="user[otp_attempt]"' in r.text  # asks for a code
    assert agora.cli("accounts", "modify", "lost", "--disable-2fa").returncode == 0
    assert Browser(agora).submit_sign_in("lost@example.org", PASSWORD).status_code == 302
