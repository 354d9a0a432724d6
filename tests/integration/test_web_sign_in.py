"""Signing in on the web: sessions, refusals with Mastodon's messages,
brute-force throttling, CSRF, sign-out and two-factor authentication."""
import re

from test_oauth_token import INVALID_GRANT, password_grant
from web_client import PASSWORD, Browser, away_from_step_boundary, form_value, register_app, totp


def test_sign_in_and_out(agora):
    agora.create_user("alice", password=PASSWORD)
    browser = Browser(agora)
    form = browser.get("/auth/sign_in")
    assert form.status_code == 200
    assert 'name="user[email]"' in form.text and 'name="user[password]"' in form.text
    assert "_agora_csrf=" in form.headers["Set-Cookie"]
    assert "default-src 'none'" in form.headers["Content-Security-Policy"]

    r = browser.sign_in("alice@example.org")
    assert r.headers["Location"] == "/auth/sign_in"
    home = browser.get("/auth/sign_in")
    assert "You are already signed in as <strong>@alice</strong>" in home.text
    assert browser.get("/settings/two_factor").status_code == 200

    cookie = browser.session.cookies.get("_agora_session")
    out = browser.post("/auth/sign_out", {"authenticity_token": form_value(home.text, "authenticity_token")})
    assert out.status_code == 302
    assert browser.get("/settings/two_factor").headers["Location"] == "/auth/sign_in?return_to=/settings/two_factor"
    # The old cookie is dead on the server too, not only forgotten by the browser.
    thief = Browser(agora)
    thief.session.cookies.set("_agora_session", cookie)
    assert thief.get("/settings/two_factor").status_code == 302


def test_sign_in_refusals(agora):
    agora.create_user("alice", password=PASSWORD)
    browser = Browser(agora)
    wrong = browser.submit_sign_in("alice@example.org", "wrong password")
    assert wrong.status_code == 401
    assert "Invalid E-mail address or password." in wrong.text
    assert form_value(wrong.text, "user[email]") is None  # the password is never echoed
    assert 'value="alice@example.org"' in wrong.text
    assert "_agora_session" not in browser.session.cookies

    agora.cli("accounts", "create", "newbie", "--email", "newbie@example.org", "--password", PASSWORD, check=True)
    unconfirmed = browser.submit_sign_in("newbie@example.org", PASSWORD)
    assert unconfirmed.status_code == 403
    assert "You have to confirm your email address before continuing." in unconfirmed.text

    agora.create_user("bob", password=PASSWORD)
    agora.sql("UPDATE users SET disabled = TRUE WHERE email = 'bob@example.org'")
    disabled = browser.submit_sign_in("bob@example.org", PASSWORD)
    assert disabled.status_code == 403 and "Your login is currently disabled" in disabled.text

    agora.create_user("carol", password=PASSWORD)
    carol = Browser(agora)
    carol.sign_in("carol@example.org")
    agora.sql("UPDATE accounts SET suspended_at = 1 WHERE username = 'carol'")
    assert carol.get("/settings/two_factor").status_code == 302  # the session ends with the login
    assert browser.submit_sign_in("carol@example.org", PASSWORD).status_code == 403


def test_csrf_is_required(agora):
    agora.create_user("alice", password=PASSWORD)
    browser = Browser(agora)
    browser.get("/auth/sign_in")
    missing = browser.post("/auth/sign_in", {"user[email]": "alice@example.org", "user[password]": PASSWORD})
    assert missing.status_code == 422
    assert "Security verification failed" in missing.text
    no_cookie = Browser(agora)  # a token copied from someone else's page
    r = no_cookie.post("/auth/sign_in", {"authenticity_token": browser.csrf(), "user[email]": "alice@example.org",
                                         "user[password]": PASSWORD})
    assert r.status_code == 422
    assert "_agora_session" not in no_cookie.session.cookies
    browser.sign_in("alice@example.org")
    assert browser.post("/auth/sign_out", {}).status_code == 422
    assert browser.post("/settings/two_factor", {"intent": "enable"}).status_code == 422


def test_brute_force_is_throttled_per_account(agora):
    agora.create_user("alice", password=PASSWORD)
    browser = Browser(agora, forwarded_for="198.51.100.20")
    for _ in range(5):
        assert browser.submit_sign_in("alice@example.org", "guess").status_code == 401
    throttled = browser.submit_sign_in("alice@example.org", PASSWORD)
    assert throttled.status_code == 429
    assert "Too many requests" in throttled.text
    # From elsewhere, too: the account is what is protected; so is the password grant.
    assert Browser(agora, forwarded_for="203.0.113.5").submit_sign_in("alice@example.org", PASSWORD).status_code == 429
    app = register_app(agora)
    grant = password_grant(agora, app)
    assert grant.status_code == 429 and grant.json() == {"error": "Too many requests"}
    # Other accounts are unaffected.
    agora.create_user("bob", password=PASSWORD)
    assert browser.submit_sign_in("bob@example.org", PASSWORD).status_code == 302


def test_brute_force_is_throttled_per_address(agora):
    agora.create_user("alice", password=PASSWORD)
    attacker = Browser(agora, forwarded_for="198.51.100.66")
    for i in range(20):
        assert attacker.submit_sign_in(f"guess{i}@example.org", "guess").status_code == 401
    assert attacker.submit_sign_in("alice@example.org", PASSWORD).status_code == 429
    assert Browser(agora, forwarded_for="198.51.100.67").submit_sign_in("alice@example.org", PASSWORD).status_code == 302


def test_two_factor_authentication(agora):
    agora.create_user("alice", password=PASSWORD)
    app = register_app(agora)
    browser = Browser(agora)
    browser.sign_in("alice@example.org")
    away_from_step_boundary()

    page = browser.get("/settings/two_factor")
    assert "is <strong>disabled</strong>" in page.text
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page.text).group(1).replace(" ", "")
    assert f"otpauth://totp/{agora.domain.replace(':', '%3A')}:alice%40example.org?secret={secret}" in page.text
    token = form_value(page.text, "authenticity_token")

    wrong = browser.post("/settings/two_factor", {"authenticity_token": token, "intent": "enable",
                                                  "current_password": PASSWORD, "otp_attempt": "123456"})
    assert wrong.status_code == 422
    assert "The entered code was invalid! Are server time and device time correct?" in wrong.text
    enabled = browser.post("/settings/two_factor", {"authenticity_token": token, "intent": "enable",
                                                    "current_password": PASSWORD,
                                                    "otp_attempt": totp(secret, steps_ahead=-1)})
    assert enabled.status_code == 302
    assert "is <strong>enabled</strong>" in browser.get("/settings/two_factor").text

    # The password grant is refused, as Mastodon refuses it for 2FA accounts.
    assert password_grant(agora, app).json() == INVALID_GRANT

    # Signing in now takes two steps.
    other = Browser(agora)
    step = other.submit_sign_in("alice@example.org", PASSWORD)
    assert step.status_code == 200 and 'name="user[otp_attempt]"' in step.text
    assert "_agora_session" not in other.session.cookies
    challenge = form_value(step.text, "challenge")
    csrf = form_value(step.text, "authenticity_token")
    bad = other.post("/auth/sign_in", {"authenticity_token": csrf, "challenge": challenge,
                                       "user[otp_attempt]": "000000"})
    assert bad.status_code == 401 and "Invalid two-factor code" in bad.text
    used = other.post("/auth/sign_in", {"authenticity_token": csrf, "challenge": challenge,
                                        "user[otp_attempt]": totp(secret, steps_ahead=-1)})
    assert used.status_code == 401  # that code was spent enabling 2FA
    ok = other.post("/auth/sign_in", {"authenticity_token": csrf, "challenge": challenge,
                                      "user[otp_attempt]": totp(secret)})
    assert ok.status_code == 302
    assert "is <strong>enabled</strong>" in other.get("/settings/two_factor").text

    # Turning it off needs a fresh code.
    token = form_value(other.get("/settings/two_factor").text, "authenticity_token")
    refused = other.post("/settings/two_factor", {"authenticity_token": token, "intent": "disable",
                                                  "otp_attempt": totp(secret)})
    assert refused.status_code == 422  # already used to sign in
    disabled = other.post("/settings/two_factor", {"authenticity_token": token, "intent": "disable",
                                                   "otp_attempt": totp(secret, steps_ahead=1)})
    assert disabled.status_code == 302
    assert "is <strong>disabled</strong>" in other.get("/settings/two_factor").text
    assert password_grant(agora, app).status_code == 200
