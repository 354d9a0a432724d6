"""Secrets stay secret: tokens, passwords, codes, keys and email addresses never reach the log,
and the data directory (database, keys, stored files) is readable by agora's user alone."""
import os
import stat

from test_sign_up import app_token, link_in, sign_up, PASSWORD
from web_client import Browser, pkce_pair, query_of

CALLBACK = "https://client.example/callback"


def test_tokens_passwords_codes_and_addresses_never_reach_the_log(instances, smtp):
    agora = instances(env={**smtp.env(), "AGORA_LOG_LEVEL": "debug"})
    app, app_bearer = app_token(agora)
    signed_up = sign_up(agora, app_bearer)
    assert signed_up.status_code == 200, signed_up.text
    member = signed_up.json()["access_token"]
    confirmation = link_in(smtp.sink.wait_for("newbie@example.org")[0], "/auth/confirmation")
    assert Browser(agora).get(confirmation.split(agora.domain, 1)[1]).status_code == 200

    # The password grant, a wrong password, and the token used by header and by query parameter.
    granted = agora.post("/oauth/token", data={"grant_type": "password", "username": "newbie@example.org",
                                               "password": PASSWORD, "client_id": app["client_id"],
                                               "client_secret": app["client_secret"], "scope": "read"})
    assert granted.status_code == 200, granted.text
    password_token = granted.json()["access_token"]
    wrong = agora.post("/oauth/token", data={"grant_type": "password", "username": "newbie@example.org",
                                             "password": "wrong " + PASSWORD, "client_id": app["client_id"],
                                             "client_secret": app["client_secret"]})
    assert wrong.status_code == 400
    assert agora.api("GET", "/api/v1/accounts/verify_credentials", token=member).status_code == 200
    assert agora.get("/api/v1/accounts/verify_credentials", params={"access_token": password_token}).status_code \
        in (200, 401)
    health = agora.get("/api/v1/streaming/health", params={"access_token": password_token})
    assert health.status_code == 200

    # An authorization code through the browser (code and state travel in URLs).
    browser = Browser(agora)
    browser.sign_in("newbie@example.org", PASSWORD)
    verifier, challenge = pkce_pair()
    path = ("/oauth/authorize?response_type=code&scope=read&redirect_uri=" + CALLBACK + "&client_id=" +
            app["client_id"] + "&code_challenge_method=S256&code_challenge=" + challenge)
    # Signing up through the app authorized it already, so the browser goes straight back with a code.
    approved = browser.get(path)
    assert approved.status_code == 302, approved.text
    code = query_of(approved.headers["Location"])["code"]
    exchanged = agora.post("/oauth/token", data={"grant_type": "authorization_code", "code": code,
                                                 "redirect_uri": CALLBACK, "client_id": app["client_id"],
                                                 "client_secret": app["client_secret"], "code_verifier": verifier})
    assert exchanged.status_code == 200, exchanged.text
    # A password reset request mails a token.
    assert agora.post("/api/v1/emails/confirmations", headers={"Authorization": f"Bearer {member}"}).status_code \
        in (200, 403, 422)

    secrets = {"password": PASSWORD, "app secret": app["client_secret"], "app token": app_bearer,
               "member token": member, "password token": password_token, "code": code, "verifier": verifier,
               "code token": exchanged.json()["access_token"], "email": "newbie@example.org",
               "confirmation token": confirmation.rsplit("=", 1)[1]}
    log = agora.log()
    assert "GET /api/v1/accounts/verify_credentials" in log  # the access log is on, so the check means something
    leaked = [name for name, value in secrets.items() if value in log]
    assert leaked == [], leaked


def test_the_data_directory_is_private(agora):
    token = agora.create_user("alice")
    assert agora.api("POST", "/api/v1/statuses", token=token, data={"status": "hello"}).status_code == 200
    data = agora.data_dir
    assert stat.S_IMODE(os.stat(data).st_mode) & 0o077 == 0, oct(os.stat(data).st_mode)
    exposed = []
    for root, dirs, files in os.walk(data):
        for name in dirs + files:
            path = os.path.join(root, name)
            if stat.S_IMODE(os.lstat(path).st_mode) & 0o007:
                exposed.append((path, oct(os.lstat(path).st_mode)))
    assert exposed == []
