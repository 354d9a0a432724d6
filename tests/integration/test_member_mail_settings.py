"""A member's mail settings and the mails they govern, read from a real SMTP
server: the notification mail choices page, the mail about a sign-in from a
new address, and the weekly digest."""
import re
import time

from smtp_sink import body_text
from web_client import PASSWORD, Browser, away_from_step_boundary, form_value, totp

PREFS = "/settings/preferences/notifications"
DAY_MS = 24 * 3600 * 1000


def html_of(mail):
    return mail["message"].get_body(preferencelist=("html",)).get_content()


def subjects(smtp, to):
    with smtp.sink.lock:
        return [m["message"]["Subject"] for m in smtp.sink.messages if to in m["to"]]


def checked(page, key):
    m = re.search(r'<input type="checkbox" name="notification_emails\[%s\]" value="1"( checked)?>' % key, page)
    assert m, key
    return bool(m.group(1))


def save_choices(browser, *keys):
    token = browser.csrf(PREFS)
    data = {"authenticity_token": token, **{f"notification_emails[{k}]": "1" for k in keys}}
    r = browser.post(PREFS, data)
    assert r.status_code == 200, r.text
    return r


def test_mail_choices_are_edited_on_the_settings_page_and_decide_what_comes(instances, smtp):
    agora = instances(env=smtp.env())
    bob = agora.create_user("bob", password=PASSWORD)
    mallory = agora.create_user("mallory")
    browser = Browser(agora)
    assert browser.get(PREFS).headers["Location"] == f"/auth/sign_in?return_to={PREFS}"
    browser.sign_in("bob@example.org")

    page = browser.get(PREFS).text
    # Mastodon's defaults: follows, follow requests and mentions on; the rest and the digest off.
    assert [checked(page, k) for k in ("follow", "follow_request", "mention", "reblog", "favourite", "digest")] == \
        [True, True, True, False, False, False]

    # Without the CSRF token nothing changes.
    refused = browser.post(PREFS, {"notification_emails[favourite]": "1"})
    assert refused.status_code == 422
    assert not checked(browser.get(PREFS).text, "favourite")

    saved = save_choices(browser, "favourite", "mention")
    assert "Changes successfully saved!" in saved.text
    assert not checked(saved.text, "follow") and checked(saved.text, "favourite")

    bob_id = agora.account_id("bob")
    post = agora.api("POST", "/api/v1/statuses", token=bob, data={"status": "hello"}).json()
    # Follow mails are off now: none for this follow; favourites are on: a mail.
    assert agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=mallory).status_code == 200
    assert agora.api("POST", f"/api/v1/statuses/{post['id']}/favourite", token=mallory).status_code == 200
    mail = smtp.sink.wait_for("bob@example.org")[0]["message"]
    assert mail["Subject"] == "mallory favourited your post"
    time.sleep(1)
    assert subjects(smtp, "bob@example.org") == ["mallory favourited your post"]

    # Turned back on from the page, follow mails come again.
    save_choices(browser, "follow")
    agora.api("POST", f"/api/v1/accounts/{bob_id}/unfollow", token=mallory)
    agora.api("POST", f"/api/v1/accounts/{bob_id}/follow", token=mallory)
    second = smtp.sink.wait_for("bob@example.org", count=2)[1]["message"]
    assert second["Subject"] == "mallory is now following you"


def test_a_sign_in_from_a_new_address_is_told_once_and_never_with_two_factor(instances, smtp):
    agora = instances(env=smtp.env())
    agora.create_user("carol", password=PASSWORD)
    agora.sql("UPDATE users SET locale = 'de' WHERE email = 'carol@example.org'")
    # The very first sign-in is not suspicious (Mastodon: freshly signed up).
    Browser(agora, forwarded_for="203.0.113.5").sign_in("carol@example.org")
    Browser(agora, forwarded_for="203.0.113.5").sign_in("carol@example.org")
    Browser(agora, forwarded_for="198.51.100.7").sign_in("carol@example.org")
    mail = smtp.sink.wait_for("carol@example.org")[0]
    message = mail["message"]
    assert message["Subject"].endswith(": Auf dein Konto wurde von einer neuen IP-Adresse zugegriffen")
    text, html = body_text(message), html_of(mail)
    assert "IP-Adresse: 198.51.100.7" in text and "IP-Adresse: 198.51.100.7" in html
    assert "python-requests" in text and "/auth/password/new" in text

    # The same address again, and an IPv6 address in a /64 already seen: no mail.
    Browser(agora, forwarded_for="198.51.100.7").sign_in("carol@example.org")
    Browser(agora, forwarded_for="2001:db8:1:2::1").sign_in("carol@example.org")
    smtp.sink.wait_for("carol@example.org", count=2)
    Browser(agora, forwarded_for="2001:db8:1:2::ffff").sign_in("carol@example.org")
    time.sleep(1)
    got = subjects(smtp, "carol@example.org")
    assert len(got) == 2 and all("neuen IP-Adresse" in s for s in got)

    # With two-factor authentication on, a new address brings no such mail.
    browser = Browser(agora, forwarded_for="203.0.113.5")
    browser.sign_in("carol@example.org")
    away_from_step_boundary()
    page = browser.get("/settings/two_factor")
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page.text).group(1).replace(" ", "")
    enabled = browser.post("/settings/two_factor", {"authenticity_token": form_value(page.text, "authenticity_token"),
                                                    "intent": "enable", "current_password": PASSWORD,
                                                    "otp_attempt": totp(secret, steps_ahead=-1)})
    assert enabled.status_code == 302
    smtp.sink.wait_for("carol@example.org", count=3)  # two-factor enabled
    other = Browser(agora, forwarded_for="192.0.2.99")
    step = other.submit_sign_in("carol@example.org", PASSWORD)
    ok = other.post("/auth/sign_in", {"authenticity_token": form_value(step.text, "authenticity_token"),
                                      "challenge": form_value(step.text, "challenge"),
                                      "user[otp_attempt]": totp(secret)})
    assert ok.status_code == 302
    time.sleep(1)
    assert len(subjects(smtp, "carol@example.org")) == 3


def test_the_weekly_digest_lists_mentions_while_away_once_a_week(instances, smtp):
    agora = instances(env=smtp.env())
    agora.create_user("dora", password=PASSWORD)
    agora.create_user("emil", password=PASSWORD)
    mallory = agora.create_user("mallory")
    dora = Browser(agora)
    dora.sign_in("dora@example.org")
    save_choices(dora, "digest")  # the digest on, every notification mail off
    emil = Browser(agora)
    emil.sign_in("emil@example.org")
    save_choices(emil)  # no digest (off by default too)

    now_ms = int(time.time() * 1000)
    away = now_ms - 9 * DAY_MS
    agora.sql(f"UPDATE users SET current_sign_in_at = {away}")
    for text in ("@dora @emil first <b>news</b>", "@dora second"):
        assert agora.api("POST", "/api/v1/statuses", token=mallory, data={"status": text}).status_code == 200
    # A mention from before the last visit is not news.
    agora.sql(f"UPDATE notifications SET created_at = {away} WHERE id = (SELECT MIN(n.id) FROM notifications n"
              " JOIN accounts a ON a.id = n.account_id WHERE a.username = 'dora')")
    assert agora.api("POST", "/api/v1/statuses", token=mallory, data={"status": "@dora third"}).status_code == 200

    agora.run_periodic_job("email_digests")
    mail = smtp.sink.wait_for("dora@example.org")[0]
    message = mail["message"]
    assert message["Subject"] == "2 new mentions since your last visit"
    text = body_text(message)
    assert "@mallory: @dora second" in text and "@mallory: @dora third" in text and "first" not in text
    assert "/web/notifications" in text
    assert re.fullmatch(r"<\S+/unsubscribe\?token=\d+\.digest\.\S+>", message["List-Unsubscribe"])
    assert "@mallory: @dora second" in html_of(mail)

    # At most once a week; and never for a member who did not choose it.
    assert agora.api("POST", "/api/v1/statuses", token=mallory, data={"status": "@dora fourth"}).status_code == 200
    agora.run_periodic_job("email_digests")
    time.sleep(1)
    assert len(subjects(smtp, "dora@example.org")) == 1
    assert subjects(smtp, "emil@example.org") == []
    sent = agora.sql("SELECT u.email FROM digest_mails d JOIN users u ON u.id = d.user_id ORDER BY u.email")
    assert sent == [("dora@example.org",)]

    # A week later, the digest comes again with what is new since.
    agora.sql(f"UPDATE digest_mails SET sent_at = {now_ms - 8 * DAY_MS}")
    agora.run_periodic_job("email_digests")
    again = smtp.sink.wait_for("dora@example.org", count=2)[1]["message"]
    assert "fourth" in body_text(again)
