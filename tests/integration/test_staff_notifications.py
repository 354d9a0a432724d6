"""Staff are told about what needs them, as in Mastodon: admin.report and
admin.sign_up notifications, and mails about reports, sign-ups awaiting
approval, appeals and new trends (read from a real SMTP server), each a choice on the
notification settings page for staff whose role allows it."""
import re
import time

from mastodon import Mastodon

from fake_remote import deliver
from federation_helpers import eventually
from smtp_sink import body_text
from web_client import PASSWORD, Browser, register_app

AS = "https://www.w3.org/ns/activitystreams"
PREFS = "/settings/preferences/notifications"
STAFF_SCOPES = "read write follow admin:read admin:write"


def html_of(mail):
    return mail["message"].get_body(preferencelist=("html",)).get_content()


def mails_to(smtp, to):
    with smtp.sink.lock:
        return [m["message"] for m in smtp.sink.messages if to in m["to"]]


def notifications(agora, token, kind):
    r = agora.api("GET", "/api/v1/notifications", token=token, params={"types[]": kind})
    assert r.status_code == 200, r.text
    return r.json()


def the_group(agora, token, kind):
    """The one group of `kind` in the grouped list (API v2), checked against the group endpoint."""
    r = agora.api("GET", "/api/v2/notifications", token=token, params={"types[]": kind})
    assert r.status_code == 200, r.text
    [group] = r.json()["notification_groups"]
    one = agora.api("GET", f"/api/v2/notifications/{group['group_key']}", token=token)
    assert one.status_code == 200, one.text
    [same] = one.json()["notification_groups"]
    assert {k: v for k, v in same.items() if not k.startswith("page_") and k != "latest_page_notification_at"} == \
        {k: v for k, v in group.items() if not k.startswith("page_") and k != "latest_page_notification_at"}
    return group


def mail_off(agora, username, key):
    agora.sql("UPDATE users SET preferences = ? WHERE email = ?",
              ('{"notification_emails": {"%s": false}}' % key, f"{username}@example.org"))


def staff_and_members(agora):
    admin = agora.create_user("root", role="admin", scopes=STAFF_SCOPES)
    moderator = agora.create_user("mod", role="moderator", scopes=STAFF_SCOPES)
    carol = agora.create_user("carol")
    return admin, moderator, carol


def test_a_members_report_notifies_the_staff_and_mails_those_who_want_it(instances, smtp):
    agora = instances(env=smtp.env())
    admin, moderator, carol = staff_and_members(agora)
    mail_off(agora, "mod", "report")
    alice = agora.create_user("alice")
    agora.create_user("bob")
    bob_id = agora.account_id("bob")

    r = agora.api("POST", "/api/v1/reports", token=alice, data={"account_id": bob_id, "comment": "spam <again>"})
    assert r.status_code == 200, r.text
    report_id = r.json()["id"]

    for token in (admin, moderator):
        [n] = notifications(agora, token, "admin.report")
        assert n["account"]["acct"] == "alice"
        assert n["report"]["id"] == report_id and n["report"]["comment"] == "spam <again>"
        assert n["report"]["target_account"]["id"] == str(bob_id)
        assert list(n["report"])[:7] == ["id", "action_taken", "action_taken_at", "category", "comment",
                                         "forwarded", "created_at"]
        # The grouped list carries the same Report entity on the group (Mastodon's NotificationGroup).
        group = the_group(agora, token, "admin.report")
        assert group["type"] == "admin.report" and "status_id" not in group and "moderation_warning" not in group
        assert group["report"] == n["report"]
    assert notifications(agora, carol, "admin.report") == []
    assert notifications(agora, alice, "admin.report") == []

    mail = smtp.sink.wait_for("root@example.org")[0]
    assert re.search(r": New report for \S+ \(#%s\)$" % report_id, mail["message"]["Subject"])
    text = body_text(mail["message"])
    assert "alice has reported bob" in text and "spam <again>" in text and f"/admin/reports/{report_id}" in text
    assert "spam &lt;again&gt;" in html_of(mail)

    # Another report about bob while the first waits tells nobody again (Mastodon's unresolved_siblings?).
    r = agora.api("POST", "/api/v1/reports", token=carol, data={"account_id": bob_id, "comment": "me too"})
    assert r.status_code == 200
    time.sleep(1)
    assert len(notifications(agora, admin, "admin.report")) == 1
    assert len(mails_to(smtp, "root@example.org")) == 1
    # The moderator turned the report mail off.
    assert mails_to(smtp, "mod@example.org") == []

    # Mastodon.py reads the notification with its report.
    api = Mastodon(access_token=admin, api_base_url=agora.base_url, version_check_mode="none")
    [n] = [n for n in api.notifications() if n.type == "admin.report"]
    assert str(n.report.id) == report_id and str(n.report.target_account.id) == str(bob_id)


def test_a_flag_from_another_server_notifies_the_staff(fake_federation, smtp):
    agora, remote = fake_federation("remote.test", env=smtp.env())
    admin, moderator, carol = staff_and_members(agora)
    alice = agora.create_user("alice")
    status = agora.api("POST", "/api/v1/statuses", token=alice, data={"status": "reported post"}).json()
    reporter = remote.actor("moderator")
    flag = {"@context": AS, "id": reporter.uri + "#flags/1", "type": "Flag", "actor": reporter.uri,
            "object": [f"{agora.public_url}/users/alice", status["uri"]], "content": "spam, please look"}
    assert deliver(agora, reporter, flag).status_code == 202

    for token in (admin, moderator):
        [n] = eventually(lambda: notifications(agora, token, "admin.report"), message="admin.report")
        assert n["account"]["acct"] == "moderator@remote.test"
        assert n["report"]["comment"] == "spam, please look" and n["report"]["status_ids"] == [status["id"]]
    assert notifications(agora, carol, "admin.report") == []
    mail = smtp.sink.wait_for("mod@example.org")[0]
    assert "moderator@remote.test has reported alice" in body_text(mail["message"])


def app_token(agora, scopes="read write follow"):
    app = register_app(agora, scopes=scopes)
    r = agora.post("/oauth/token", data={"grant_type": "client_credentials", "client_id": app["client_id"],
                                         "client_secret": app["client_secret"], "scope": scopes})
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def sign_up(agora, username, **fields):
    data = {"username": username, "email": f"{username}@example.org", "password": "a long enough password",
            "agreement": "true", "locale": "en", **fields}
    r = agora.api("POST", "/api/v1/accounts", token=app_token(agora), data=data)
    assert r.status_code == 200, r.text


def test_sign_ups_notify_staff_and_those_awaiting_approval_are_mailed(instances, smtp):
    agora = instances(env=smtp.env())
    admin, moderator, carol = staff_and_members(agora)
    agora.sql("UPDATE users SET locale = 'de' WHERE email = 'mod@example.org'")

    sign_up(agora, "newbie")
    newbie_id = str(agora.account_id("newbie"))
    for token in (admin, moderator):
        [n] = notifications(agora, token, "admin.sign_up")
        assert n["account"]["id"] == newbie_id
    assert notifications(agora, carol, "admin.sign_up") == []

    agora.cli("settings", "set", "registrations_mode", "approved", check=True)
    sign_up(agora, "waiting", reason="I teach <b>maths</b>")
    mail = smtp.sink.wait_for("root@example.org", count=1)
    assert len(mail) == 1  # the open sign-up sent the staff no mail
    text = body_text(mail[0]["message"])
    assert "New account up for review" in mail[0]["message"]["Subject"]
    assert "waiting <waiting@example.org>" in text and "I teach <b>maths</b>" in text
    assert f"/admin/accounts/{agora.account_id('waiting')}" in text
    german = smtp.sink.wait_for("mod@example.org")[0]["message"]
    assert "Neues Konto zur Überprüfung" in german["Subject"]
    assert len(notifications(agora, admin, "admin.sign_up")) == 2
    assert mails_to(smtp, "carol@example.org") == []


def test_a_suspended_member_reads_and_appeals_a_strike_and_the_staff_hear_of_it(instances, smtp):
    agora = instances(env=smtp.env())
    admin, moderator, carol = staff_and_members(agora)
    dora = agora.create_user("dora", scopes="read write")
    dora_id = agora.account_id("dora")
    r = agora.api("POST", f"/api/v1/admin/accounts/{dora_id}/action", token=admin,
                  data={"type": "suspend", "text": "spam", "send_email_notification": "false"})
    assert r.status_code == 200, r.text
    # Everything else refuses the suspended login.
    r = agora.api("GET", "/api/v1/accounts/verify_credentials", token=dora)
    assert r.status_code == 403 and r.json() == {"error": "Your login is currently disabled"}

    r = agora.api("GET", "/api/v1/disputes/strikes", token=dora)
    assert r.status_code == 200, r.text
    [strike] = r.json()
    assert agora.api("GET", f"/api/v1/disputes/strikes/{strike['id']}", token=dora).status_code == 200
    r = agora.api("POST", f"/api/v1/disputes/strikes/{strike['id']}/appeal", token=dora,
                  data={"text": "It was a <joke>"})
    assert r.status_code == 200, r.text

    mail = smtp.sink.wait_for("root@example.org")[0]["message"]
    assert "dora is appealing a moderation decision" in mail["Subject"]
    assert "It was a <joke>" in body_text(mail) and "/admin/disputes/appeals" in body_text(mail)
    time.sleep(1)
    # Moderators do not handle appeals (no manage_appeals), members neither.
    assert mails_to(smtp, "mod@example.org") == [] and mails_to(smtp, "carol@example.org") == []

    # Turned off, no mail for the next appeal.
    mail_off(agora, "root", "appeal")
    r = agora.api("POST", f"/api/v1/admin/accounts/{dora_id}/action", token=admin,
                  data={"type": "none", "text": "again", "send_email_notification": "false"})
    assert r.status_code == 200
    second = [s for s in agora.api("GET", "/api/v1/disputes/strikes", token=dora).json() if s["id"] != strike["id"]]
    r = agora.api("POST", f"/api/v1/disputes/strikes/{second[0]['id']}/appeal", token=dora, data={"text": "no"})
    assert r.status_code == 200, r.text
    time.sleep(1)
    assert len(mails_to(smtp, "root@example.org")) == 1


def checked(page, key):
    m = re.search(r'<input type="checkbox" name="notification_emails\[%s\]" value="1"( checked)?>' % key, page)
    return None if not m else bool(m.group(1))


def test_staff_choose_their_mails_on_the_settings_page(instances, smtp):
    agora = instances(env=smtp.env())
    mod_token = agora.create_user("mod", role="moderator", password=PASSWORD)
    agora.create_user("carol", password=PASSWORD)
    member = Browser(agora)
    member.sign_in("carol@example.org")
    page = member.get(PREFS).text
    assert checked(page, "follow") is True and checked(page, "report") is None

    browser = Browser(agora)
    browser.sign_in("mod@example.org")
    page = browser.get(PREFS).text
    # Only the choices the moderator's role allows, on by default.
    assert [checked(page, k) for k in ("report", "pending_account", "appeal")] == [True, True, None]
    r = browser.post(PREFS, {"authenticity_token": browser.csrf(PREFS), "notification_emails[mention]": "1",
                             "notification_emails[pending_account]": "1"})
    assert r.status_code == 200
    assert checked(r.text, "report") is False and checked(r.text, "pending_account") is True

    # The report mail is off now; a report still notifies.
    alice = agora.create_user("alice")
    agora.create_user("bob")
    r = agora.api("POST", "/api/v1/reports", token=alice, data={"account_id": agora.account_id("bob")})
    assert r.status_code == 200
    time.sleep(1)
    assert mails_to(smtp, "mod@example.org") == []
    assert len(notifications(agora, mod_token, "admin.report")) == 1


def test_a_strike_with_a_notice_gives_the_member_a_moderation_warning(instances, smtp):
    agora = instances(env=smtp.env())
    admin = agora.create_user("root", role="admin", scopes=STAFF_SCOPES)
    dora = agora.create_user("dora")
    dora_id = agora.account_id("dora")
    post = agora.api("POST", "/api/v1/statuses", token=dora, data={"status": "loud"}).json()
    r = agora.api("POST", "/api/v1/reports", token=admin, data={"account_id": dora_id, "status_ids[]": post["id"]})
    report_id = r.json()["id"]
    r = agora.api("POST", f"/api/v1/admin/accounts/{dora_id}/action", token=admin,
                  data={"type": "silence", "text": "Calm down", "report_id": report_id})
    assert r.status_code == 200, r.text
    [n] = notifications(agora, dora, "moderation_warning")
    assert n["account"]["id"] == str(dora_id)
    w = n["moderation_warning"]
    assert list(w) == ["id", "action", "text", "status_ids", "target_account", "appeal", "created_at"]
    assert (w["action"], w["text"], w["status_ids"], w["appeal"]) == ("silence", "Calm down", [post["id"]], None)
    assert w["target_account"]["id"] == str(dora_id)
    group = the_group(agora, dora, "moderation_warning")
    assert "report" not in group and group["moderation_warning"] == w

    r = agora.api("POST", f"/api/v1/disputes/strikes/{w['id']}/appeal", token=dora, data={"text": "sorry"})
    assert r.status_code == 200, r.text
    [n] = notifications(agora, dora, "moderation_warning")
    assert n["moderation_warning"]["appeal"] == {"text": "sorry", "state": "pending"}
    assert the_group(agora, dora, "moderation_warning")["moderation_warning"]["appeal"] == n["moderation_warning"]["appeal"]

    # Without a notice (send_email_notification false), no notification.
    r = agora.api("POST", f"/api/v1/admin/accounts/{dora_id}/action", token=admin,
                  data={"type": "none", "text": "quiet", "send_email_notification": "false"})
    assert r.status_code == 200
    assert len(notifications(agora, dora, "moderation_warning")) == 1


def test_new_trends_are_mailed_once_to_staff_who_review_them(instances, smtp):
    agora = instances(env=smtp.env())
    admin, moderator, carol = staff_and_members(agora)
    mail_off(agora, "mod", "trends")
    dave = agora.create_user("dave")
    for token in (carol, dave):
        r = agora.api("POST", "/api/v1/statuses", token=token, data={"status": "#rising and #settled"})
        assert r.status_code == 200, r.text
    liked = r.json()
    agora.sql("UPDATE accounts SET discoverable = TRUE")
    agora.api("POST", f"/api/v1/statuses/{liked['id']}/favourite", token=carol)
    # A tag a moderator already approved needs no review.
    settled = [t for t in agora.api("GET", "/api/v1/admin/trends/tags", token=admin).json() if t["name"] == "settled"]
    assert agora.api("POST", f"/api/v1/admin/trends/tags/{settled[0]['id']}/approve", token=admin).status_code == 200

    agora.run_periodic_job("trend_review_mails")
    [mail] = [m for m in smtp.sink.wait_for("root@example.org") if "trends" in m["message"]["Subject"]]
    assert "New trends up for review on" in mail["message"]["Subject"]
    text = body_text(mail["message"])
    assert "#rising" in text and "#settled" not in text and liked["url"] in text
    assert "/admin/trends/tags" in text

    # Each item once: the next look finds nothing new; the moderator turned the mail off.
    agora.run_periodic_job("trend_review_mails")
    time.sleep(1)
    assert len([m for m in mails_to(smtp, "root@example.org") if "trends" in m["Subject"]]) == 1
    assert mails_to(smtp, "mod@example.org") == []
    # Members are not asked.
    assert mails_to(smtp, "carol@example.org") == []
