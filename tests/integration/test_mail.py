"""Mail leaves through the job queue and a real SMTP server receives it."""
import re

from smtp_sink import body_text


def test_confirmation_mail_is_resent_through_smtp(instances, smtp):
    agora = instances(env=smtp.env())
    agora.cli("accounts", "create", "carol", "--email", "carol@example.org", check=True)  # unconfirmed
    token = agora.cli("accounts", "token", "carol", "--scopes", "write:accounts", check=True).stdout.strip()
    r = agora.api("POST", "/api/v1/emails/confirmations", token=token)
    assert r.status_code == 200, r.text
    assert r.json() == {}
    mail = smtp.sink.wait_for("carol@example.org")[0]
    assert mail["from"] == "notifications@agora.test"
    message = mail["message"]
    assert "Confirmation instructions" in message["Subject"]
    assert re.search(rf"http://{re.escape(agora.domain)}/auth/confirmation\?confirmation_token=[\w-]+",
                     body_text(message))
    # To a new address, which is the one that gets the mail.
    r = agora.api("POST", "/api/v1/emails/confirmations", token=token, data={"email": "carol@new.example"})
    assert r.status_code == 200
    smtp.sink.wait_for("carol@new.example")


def test_confirmed_members_cannot_ask_for_confirmation_again(agora):
    token = agora.create_user("dave", scopes="write:accounts")
    r = agora.api("POST", "/api/v1/emails/confirmations", token=token)
    assert r.status_code == 403
    assert r.json() == {"error": "This method is only available while the e-mail is awaiting confirmation"}


def test_mail_waits_in_the_queue_while_smtp_is_down(instances, smtp):
    env = smtp.env()
    smtp.stop()  # nobody listens on that port now
    agora = instances(env=env)
    agora.cli("accounts", "create", "erin", "--email", "erin@example.org", check=True)
    token = agora.cli("accounts", "token", "erin", "--scopes", "write", check=True).stdout.strip()
    assert agora.api("POST", "/api/v1/emails/confirmations", token=token).status_code == 200
    import time
    for _ in range(100):
        if "retrying in" in agora.log():
            break
        time.sleep(0.05)
    assert "send_mail failed (attempt 1), retrying in" in agora.log()
    assert agora.stop() == 0  # the job stays in the database for the next start
