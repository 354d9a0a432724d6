"""The mails a member gets, read from a real SMTP server: language, text and
HTML parts, escaping, notification preferences and one-click unsubscribe."""
import re
import time

import requests

from smtp_sink import body_text
from web_client import Browser


def html_of(mail):
    return mail["message"].get_body(preferencelist=("html",)).get_content()


def account_id(agora, token):
    return agora.api("GET", "/api/v1/accounts/verify_credentials", token=token).json()["id"]


def ask_for_reset(agora, email):
    browser = Browser(agora)
    r = browser.post("/auth/password", {"authenticity_token": browser.csrf("/auth/password/new"),
                                        "user[email]": email})
    assert r.status_code == 200


def test_a_german_member_gets_german_mail_in_text_and_html(instances, smtp):
    agora = instances(env=smtp.env())
    agora.create_user("hans")
    agora.sql("UPDATE users SET locale = 'de' WHERE email = 'hans@example.org'")
    ask_for_reset(agora, "hans@example.org")
    mail = smtp.sink.wait_for("hans@example.org")[0]
    assert mail["message"]["Subject"].endswith(": Anleitung zum Zurücksetzen deines Passworts")
    text, html = body_text(mail["message"]), html_of(mail)
    assert "Jemand möchte das Passwort deines Kontos" in text
    assert re.search(r"Passwort ändern:\n\S+/auth/password/edit\?reset_password_token=", text)
    assert "Jemand möchte das Passwort deines Kontos" in html and "reset_password_token=" in html
    assert "style=" in html and "<style" not in html


def test_password_reset_ends_with_a_password_changed_notice(instances, smtp):
    agora = instances(env=smtp.env())
    agora.create_user("rita")
    ask_for_reset(agora, "rita@example.org")
    reset = smtp.sink.wait_for("rita@example.org")[0]
    token = re.search(r"reset_password_token=([\w-]+)", body_text(reset["message"])).group(1)
    browser = Browser(agora)
    path = f"/auth/password/edit?reset_password_token={token}"
    r = browser.post("/auth/password/edit", {"authenticity_token": browser.csrf(path), "reset_password_token": token,
                                             "user[password]": "new secret 123",
                                             "user[password_confirmation]": "new secret 123"})
    assert r.status_code == 200
    notice = smtp.sink.wait_for("rita@example.org", count=2)[1]
    assert notice["message"]["Subject"].endswith(": Password changed")
    assert "has just been changed" in body_text(notice["message"])


def test_changing_the_address_tells_the_old_one(instances, smtp):
    agora = instances(env=smtp.env())
    agora.cli("accounts", "create", "olga", "--email", "olga@example.org", check=True)
    agora.sql("UPDATE users SET locale = 'es' WHERE email = 'olga@example.org'")
    token = agora.cli("accounts", "token", "olga", "--scopes", "write:accounts", check=True).stdout.strip()
    r = agora.api("POST", "/api/v1/emails/confirmations", token=token, data={"email": "olga@new.example"})
    assert r.status_code == 200
    old = smtp.sink.wait_for("olga@example.org")[0]
    assert "Correo electrónico cambiado" in old["message"]["Subject"]
    assert "olga@new.example" in body_text(old["message"])
    new = smtp.sink.wait_for("olga@new.example")[0]
    assert "Instrucciones de confirmación" in new["message"]["Subject"]


def test_follow_mail_escapes_names_and_unsubscribes_in_one_click(instances, smtp):
    agora = instances(env=smtp.env())
    bob = agora.create_user("bob")
    mallory = agora.create_user("mallory")
    r = agora.api("PATCH", "/api/v1/accounts/update_credentials", token=mallory,
                  data={"display_name": "<script>alert(1)</script>"})
    assert r.status_code == 200
    # Favourites are off by default: no mail for this one.
    status = agora.api("POST", "/api/v1/statuses", token=bob, data={"status": "hello"}).json()
    assert agora.api("POST", f"/api/v1/statuses/{status['id']}/favourite", token=mallory).status_code == 200
    assert agora.api("POST", f"/api/v1/accounts/{account_id(agora, bob)}/follow", token=mallory).status_code == 200

    mail = smtp.sink.wait_for("bob@example.org")[0]
    message = mail["message"]
    assert message["Subject"] == "<script>alert(1)</script> is now following you"
    assert "(@mallory) is now following you" in body_text(message)
    html = html_of(mail)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    unsubscribe = re.fullmatch(r"<(\S+)>", message["List-Unsubscribe"]).group(1)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe.startswith(f"http://{agora.domain}/unsubscribe?token=")
    time.sleep(1)
    assert len(smtp.sink.wait_for("bob@example.org")) == 1  # still no favourite mail

    # A tampered token is refused and changes nothing.
    tampered = unsubscribe[:-2] + ("AA" if not unsubscribe.endswith("AA") else "BB")
    assert requests.post(tampered, data={"List-Unsubscribe": "One-Click"}).status_code == 404
    assert requests.get(unsubscribe.replace(".follow.", ".mention."), allow_redirects=False).status_code == 404
    # GET only asks; the one-click POST turns follow mails off.
    page = requests.get(unsubscribe)
    assert page.status_code == 200 and 'action="/unsubscribe"' in page.text
    r = requests.post(unsubscribe, data={"List-Unsubscribe": "One-Click"})
    assert r.status_code == 200
    prefs = agora.sql("SELECT preferences FROM users WHERE email = 'bob@example.org'")[0][0]
    assert '"follow":false' in prefs.replace(" ", "")

    # Follow again: no mail now, while a mention (still on) arrives.
    mid = account_id(agora, bob)
    agora.api("POST", f"/api/v1/accounts/{mid}/unfollow", token=mallory)
    agora.api("POST", f"/api/v1/accounts/{mid}/follow", token=mallory)
    agora.api("POST", "/api/v1/statuses", token=mallory, data={"status": "@bob hi <b>there</b>"})
    second = smtp.sink.wait_for("bob@example.org", count=2)[1]["message"]
    assert second["Subject"] == "You were mentioned by <script>alert(1)</script>"
    assert "hi <b>there</b>" in body_text(second) or "hi there" in body_text(second)
    time.sleep(1)
    assert len(smtp.sink.wait_for("bob@example.org", count=2)) == 2


def test_mail_is_retried_and_delivered_when_smtp_comes_back(instances, smtp):
    from smtp_sink import SmtpServer

    env = smtp.env()
    smtp.stop()
    agora = instances(env=env)
    agora.create_user("sam")
    ask_for_reset(agora, "sam@example.org")
    for _ in range(200):
        if "retrying in" in agora.log():
            break
        time.sleep(0.05)
    assert "send_mail failed (attempt 1), retrying in" in agora.log()
    back = SmtpServer()
    back.port = smtp.port
    back.controller = type(back.controller)(back.sink, hostname="127.0.0.1", port=smtp.port)
    with back:
        agora.sql("UPDATE jobs SET run_at = 0 WHERE kind = 'send_mail'")
        mail = back.sink.wait_for("sam@example.org", timeout=30)[0]
        assert "Reset password instructions" in mail["message"]["Subject"]


def test_moderators_decisions_reach_the_member_by_mail(instances, smtp):
    agora = instances(env=smtp.env())
    admin = agora.create_user("root", role="admin", scopes="admin:read admin:write")
    agora.create_user("dora")
    agora.sql("UPDATE users SET locale = 'de', approved = FALSE WHERE email = 'dora@example.org'")
    dora_id = agora.account_id("dora")
    assert agora.api("POST", f"/api/v1/admin/accounts/{dora_id}/approve", token=admin).status_code == 200
    approved = smtp.sink.wait_for("dora@example.org")[0]["message"]
    assert approved["Subject"].endswith(": Dein Konto wurde genehmigt")
    assert "/auth/sign_in" in body_text(approved)

    r = agora.api("POST", f"/api/v1/admin/accounts/{dora_id}/action", token=admin,
                  data={"type": "silence", "text": "Stop <spamming> & shouting"})
    assert r.status_code == 200
    warning = smtp.sink.wait_for("dora@example.org", count=2)[1]
    assert warning["message"]["Subject"].endswith(": Dein Konto wurde eingeschränkt")
    assert "Stop <spamming> & shouting" in body_text(warning["message"])
    assert "Stop &lt;spamming&gt; &amp; shouting" in html_of(warning)

    # Without send_email_notification, no mail.
    r = agora.api("POST", f"/api/v1/admin/accounts/{dora_id}/action", token=admin,
                  data={"type": "none", "text": "quiet", "send_email_notification": "false"})
    assert r.status_code == 200
    time.sleep(1)
    assert len(smtp.sink.wait_for("dora@example.org", count=2)) == 2
