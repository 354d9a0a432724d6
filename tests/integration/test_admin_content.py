"""Invites, trend review, and strikes with their appeals: what members and
moderators may do, Mastodon's limits, and sign-up through an invite."""
import re

from test_sign_up import app_token, sign_up
from smtp_sink import body_text
from web_client import Browser

ADMIN_SCOPES = "read write admin:read admin:write"


def staff(agora, username, role):
    return agora.create_user(username, scopes=ADMIN_SCOPES, role=role)


def post(agora, token, text, **params):
    r = agora.api("POST", "/api/v1/statuses", token=token, data={"status": text, **params})
    assert r.status_code == 200, r.text
    return r.json()["id"]


# Invites

def test_members_make_list_and_expire_their_invites(agora):
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    r = agora.api("POST", "/api/v1/invites", token=alice, data={"max_uses": "5", "expires_in": "86400",
                                                              "comment": "for friends"})
    assert r.status_code == 200, r.text
    invite = r.json()
    assert re.fullmatch(r"[A-Za-z0-9]{8}", invite["code"])
    assert invite["url"] == f"{agora.public_url}/invite/{invite['code']}"
    assert invite["max_uses"] == 5 and invite["uses"] == 0 and invite["expired"] is False
    assert invite["comment"] == "for friends" and invite["expires_at"] is not None
    assert [i["id"] for i in agora.api("GET", "/api/v1/invites", token=alice).json()] == [invite["id"]]
    assert agora.api("GET", "/api/v1/invites", token=bob).json() == []
    # Mastodon's GET /api/v1/invites/:code tells an app the invite is usable.
    shown = agora.api("GET", f"/api/v1/invites/{invite['code']}")
    assert shown.status_code == 200
    assert shown.json() == {"invite_code": invite["code"], "instance_api_url": f"{agora.public_url}/api/v2/instance"}
    assert agora.api("GET", "/api/v1/invites/nosuchcode").status_code == 404

    # Someone else's invite is not there for a member.
    assert agora.api("DELETE", f"/api/v1/invites/{invite['id']}", token=bob).status_code == 404
    expired = agora.api("DELETE", f"/api/v1/invites/{invite['id']}", token=alice)
    assert expired.status_code == 200 and expired.json()["expired"] is True, expired.text
    r = agora.api("GET", f"/api/v1/invites/{invite['code']}")
    assert r.status_code == 401 and "error" in r.json()


def test_invite_choices(agora):
    alice = agora.create_user("alice")
    for field, value in (("max_uses", "3"), ("expires_in", "60"), ("max_uses", "many"), ("comment", "x" * 421)):
        r = agora.api("POST", "/api/v1/invites", token=alice, data={field: value})
        assert r.status_code == 422, (field, r.text)
        assert field in r.json()["details"]
    # Unlimited and never expiring when nothing is chosen.
    r = agora.api("POST", "/api/v1/invites", token=alice)
    assert r.status_code == 200 and r.json()["max_uses"] is None and r.json()["expires_at"] is None
    # Everyone's role carries invite_users (Mastodon's default); without a token there is no member.
    assert agora.api("GET", "/api/v1/invites").status_code == 401


def test_sign_up_through_an_invite_while_registrations_are_closed(agora):
    alice = agora.create_user("alice")
    agora.cli("settings", "set", "registrations_mode", "none", check=True)
    invite = agora.api("POST", "/api/v1/invites", token=alice, data={"max_uses": "1"}).json()
    _, app = app_token(agora)
    assert sign_up(agora, app, username="nobody", email="nobody@example.org").status_code == 403
    r = sign_up(agora, app, username="nobody", email="nobody@example.org", invite_code="wrongcode")
    assert r.status_code == 403
    r = sign_up(agora, app, username="newbie", email="newbie@example.org", invite_code=invite["code"])
    assert r.status_code == 200, r.text
    assert agora.sql("SELECT approved FROM users WHERE email = 'newbie@example.org'")[0][0] in ("1", "t")
    assert agora.sql("SELECT i.code FROM users u JOIN invites i ON i.id = u.invite_id"
                     " WHERE u.email = 'newbie@example.org'")[0][0] == invite["code"]
    used = agora.api("GET", "/api/v1/invites", token=alice).json()[0]
    assert used["uses"] == 1 and used["expired"] is True
    # Used up: the next sign-up through it is refused.
    r = sign_up(agora, app, username="second", email="second@example.org", invite_code=invite["code"])
    assert r.status_code == 403
    assert agora.sql("SELECT count(*) FROM users WHERE email = 'second@example.org'")[0][0] == "0"


def test_an_invite_skips_approval_and_the_web_form_takes_it(agora):
    alice = agora.create_user("alice")
    agora.cli("settings", "set", "registrations_mode", "approved", check=True)
    invite = agora.api("POST", "/api/v1/invites", token=alice).json()
    _, app = app_token(agora)
    assert sign_up(agora, app, username="waits", email="waits@example.org").status_code == 200
    assert agora.sql("SELECT approved FROM users WHERE email = 'waits@example.org'")[0][0] in ("0", "f")

    agora.cli("settings", "set", "registrations_mode", "none", check=True)
    browser = Browser(agora)
    page = browser.get(f"/invite/{invite['code']}")
    assert page.status_code == 200 and 'name="invite_code"' in page.text
    assert browser.get("/auth/sign_up").status_code == 403
    assert browser.get("/invite/expiredcode").status_code == 403
    r = browser.post("/auth/sign_up", {"authenticity_token": browser.csrf(f"/invite/{invite['code']}"),
                                       "invite_code": invite["code"], "user[username]": "webbie",
                                       "user[email]": "webbie@example.org", "user[password]": "a good password 1",
                                       "user[agreement]": "1"})
    assert r.status_code == 200, r.text
    assert agora.sql("SELECT approved FROM users WHERE email = 'webbie@example.org'")[0][0] in ("1", "t")


def test_admin_lists_and_expires_every_invite(agora):
    admin = staff(agora, "root", "admin")
    mod = staff(agora, "mod", "moderator")
    alice = agora.create_user("alice")
    first = agora.api("POST", "/api/v1/invites", token=alice).json()
    second = agora.api("POST", "/api/v1/invites", token=alice, data={"max_uses": "10"}).json()
    # Moderators have no manage_invites (Mastodon's roles), members no admin scope.
    assert agora.api("GET", "/api/v1/admin/invites", token=mod).status_code == 403
    assert agora.api("GET", "/api/v1/admin/invites", token=alice).status_code == 403
    assert agora.api("DELETE", f"/api/v1/admin/invites/{first['id']}", token=mod).status_code == 403
    listed = agora.api("GET", "/api/v1/admin/invites", token=admin).json()
    assert [i["id"] for i in listed] == [second["id"], first["id"]]
    assert listed[0]["account"]["username"] == "alice"
    r = agora.api("DELETE", f"/api/v1/admin/invites/{first['id']}", token=admin)
    assert r.status_code == 200 and r.json()["expired"] is True
    assert agora.api("DELETE", "/api/v1/admin/invites/123", token=admin).status_code == 404
    ids = lambda state: [i["id"] for i in agora.api("GET", "/api/v1/admin/invites", token=admin,
                                                    params={"state": state}).json()]
    assert ids("available") == [second["id"]] and ids("expired") == [first["id"]]
    assert agora.api("GET", "/api/v1/admin/invites", token=admin, params={"state": "odd"}).status_code == 400
    r = agora.api("POST", "/api/v1/admin/invites/deactivate_all", token=admin)
    assert r.status_code == 200 and r.json() == {"expired": 1}
    assert ids("available") == []
    assert agora.sql("SELECT count(*) FROM admin_action_logs WHERE target_type = 'Invite'")[0][0] == "2"


# Trends

def trending_names(agora, path, token=None):
    r = agora.api("GET", path, token=token)
    assert r.status_code == 200, r.text
    return [t["name"] for t in r.json()]


def test_tags_trend_once_reviewed(agora):
    mod = staff(agora, "mod", "moderator")
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    for token in (alice, bob):
        post(agora, token, "#rust is nice")
    post(agora, alice, "#python too")
    # Mastodon reviews trends first: nothing trends publicly yet.
    assert trending_names(agora, "/api/v1/trends/tags") == []
    pending = agora.api("GET", "/api/v1/admin/trends/tags", token=mod).json()
    assert [t["name"] for t in pending] == ["rust", "python"]
    assert list(pending[0])[-4:] == ["trendable", "usable", "requires_review", "listable"]
    assert pending[0]["requires_review"] is True and pending[0]["trendable"] is False
    # Without a token the admin list is the public one; a token without the admin scope is refused.
    assert trending_names(agora, "/api/v1/admin/trends/tags") == []
    assert agora.api("GET", "/api/v1/admin/trends/tags", token=alice).status_code == 403

    rust, python = pending[0]["id"], pending[1]["id"]
    r = agora.api("POST", f"/api/v1/admin/trends/tags/{rust}/approve", token=mod)
    assert r.status_code == 200 and r.json()["trendable"] is True and r.json()["requires_review"] is False
    r = agora.api("POST", f"/api/v1/admin/trends/tags/{python}/reject", token=mod)
    assert r.status_code == 200 and r.json()["trendable"] is False
    assert trending_names(agora, "/api/v1/trends/tags") == ["rust"]
    # With trendable_by_default, unreviewed tags trend too, rejected ones still not.
    post(agora, bob, "#go fast")
    agora.cli("settings", "set", "trendable_by_default", "true", check=True)
    assert trending_names(agora, "/api/v1/trends/tags") == ["rust", "go"]

    assert agora.api("POST", "/api/v1/admin/trends/tags/999/approve", token=mod).status_code == 404
    # A member whose token has the admin scope still lacks manage_taxonomies; a plain token lacks the scope.
    member = agora.create_user("carl", scopes=ADMIN_SCOPES)
    r = agora.api("POST", f"/api/v1/admin/trends/tags/{rust}/reject", token=member)
    assert r.status_code == 403 and r.json() == {"error": "This action is not allowed"}
    assert agora.api("POST", f"/api/v1/admin/trends/tags/{rust}/reject", token=alice).status_code == 403
    assert agora.api("POST", f"/api/v1/admin/trends/tags/{rust}/reject").status_code == 403


def test_statuses_and_links_in_review(agora):
    admin = staff(agora, "root", "admin")
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    popular = post(agora, alice, "hello world")
    agora.api("POST", f"/api/v1/statuses/{popular}/favourite", token=bob)
    assert agora.api("GET", "/api/v1/trends/statuses").json() == []
    listed = agora.api("GET", "/api/v1/admin/trends/statuses", token=admin).json()
    assert [s["id"] for s in listed] == [popular] and listed[0]["requires_review"] is True
    r = agora.api("POST", f"/api/v1/admin/trends/statuses/{popular}/approve", token=admin)
    assert r.status_code == 200 and r.json()["id"] == popular
    assert [s["id"] for s in agora.api("GET", "/api/v1/trends/statuses").json()] == [popular]
    assert agora.api("GET", "/api/v1/admin/trends/statuses", token=admin).json()[0]["requires_review"] is False
    agora.api("POST", f"/api/v1/admin/trends/statuses/{popular}/reject", token=admin)
    assert agora.api("GET", "/api/v1/trends/statuses").json() == []
    assert agora.api("POST", "/api/v1/admin/trends/statuses/1/approve", token=admin).status_code == 404
    assert agora.api("POST", f"/api/v1/admin/trends/statuses/{popular}/approve", token=bob).status_code == 403
    assert agora.api("GET", "/api/v1/admin/trends/links", token=admin).json() == []
    assert agora.api("POST", "/api/v1/admin/trends/links/1/approve", token=admin).status_code == 404
    assert agora.api("POST", "/api/v1/admin/trends/links/1/approve", token=bob).status_code == 403


# Strikes and appeals

def strike_member(agora, admin, username, action, text, **extra):
    account = agora.account_id(username)
    r = agora.api("POST", f"/api/v1/admin/accounts/{account}/action", token=admin,
                  data={"type": action, "text": text, **extra})
    assert r.status_code == 200, r.text


def test_members_see_their_strikes_and_appeal_once(agora):
    admin = staff(agora, "root", "admin")
    alice = agora.create_user("alice")
    bob = agora.create_user("bob")
    status = post(agora, alice, "something rude")
    report = agora.api("POST", "/api/v1/reports", token=bob,
                       data={"account_id": agora.account_id("alice"), "status_ids[]": [status]}).json()
    strike_member(agora, admin, "alice", "sensitive", "Mark your media", report_id=report["id"])
    strikes = agora.api("GET", "/api/v1/disputes/strikes", token=alice).json()
    assert len(strikes) == 1
    strike = strikes[0]
    assert strike["action"] == "sensitive" and strike["text"] == "Mark your media"
    assert strike["status_ids"] == [status] and [s["id"] for s in strike["statuses"]] == [status]
    assert strike["appealable"] is True and strike["appeal"] is None
    assert agora.api("GET", "/api/v1/disputes/strikes", token=bob).json() == []
    assert agora.api("GET", f"/api/v1/disputes/strikes/{strike['id']}", token=bob).status_code == 404
    assert agora.api("GET", f"/api/v1/disputes/strikes/{strike['id']}", token=alice).json()["id"] == strike["id"]

    url = f"/api/v1/disputes/strikes/{strike['id']}/appeal"
    assert agora.api("POST", url, token=alice, data={"text": "  "}).status_code == 422
    assert agora.api("POST", url, token=alice, data={"text": "x" * 2001}).status_code == 422
    assert agora.api("POST", url, token=bob, data={"text": "not mine"}).status_code == 404
    r = agora.api("POST", url, token=alice, data={"text": "It was art"})
    assert r.status_code == 200, r.text
    assert r.json()["appeal"]["text"] == "It was art" and r.json()["appeal"]["state"] == "pending"
    assert r.json()["appealable"] is False
    again = agora.api("POST", url, token=alice, data={"text": "Really"})
    assert again.status_code == 422 and "error" in again.json()
    assert agora.sql("SELECT count(*) FROM appeals")[0][0] == "1"


def test_a_strike_older_than_twenty_days_cannot_be_appealed(agora):
    admin = staff(agora, "root", "admin")
    alice = agora.create_user("alice")
    strike_member(agora, admin, "alice", "none", "Please be kind")
    strike = agora.api("GET", "/api/v1/disputes/strikes", token=alice).json()[0]
    agora.sql("UPDATE account_warnings SET created_at = created_at - 21 * 86400000")
    assert agora.api("GET", "/api/v1/disputes/strikes", token=alice).json()[0]["appealable"] is False
    r = agora.api("POST", f"/api/v1/disputes/strikes/{strike['id']}/appeal", token=alice, data={"text": "late"})
    assert r.status_code == 422 and "error" in r.json()


def test_moderators_approve_or_reject_appeals(agora):
    admin = staff(agora, "root", "admin")
    mod = staff(agora, "mod", "moderator")
    alice = agora.create_user("alice")
    carol = agora.create_user("carol")
    strike_member(agora, admin, "alice", "silence", "Too loud")
    strike_member(agora, admin, "carol", "none", "Careful")
    appeal = lambda token: agora.api("GET", "/api/v1/disputes/strikes", token=token).json()[0]
    for token in (alice, carol):
        r = agora.api("POST", f"/api/v1/disputes/strikes/{appeal(token)['id']}/appeal", token=token,
                      data={"text": "Please reconsider"})
        assert r.status_code == 200
    # manage_appeals: Admin has it, Moderator does not (Mastodon's roles).
    assert agora.api("GET", "/api/v1/admin/disputes/appeals", token=mod).status_code == 403
    assert agora.api("GET", "/api/v1/admin/disputes/appeals", token=alice).status_code == 403
    pending = agora.api("GET", "/api/v1/admin/disputes/appeals", token=admin, params={"state": "pending"}).json()
    assert [a["account"]["acct"] for a in pending] == ["carol", "alice"]
    alices = pending[1]
    assert alices["strike"]["action"] == "silence" and alices["text"] == "Please reconsider"
    assert agora.api("POST", f"/api/v1/admin/disputes/appeals/{alices['id']}/approve", token=mod).status_code == 403
    assert agora.api("POST", "/api/v1/admin/disputes/appeals/42/approve", token=admin).status_code == 404

    assert agora.api("GET", f"/api/v1/admin/accounts/{agora.account_id('alice')}", token=admin).json()["silenced"]
    r = agora.api("POST", f"/api/v1/admin/disputes/appeals/{alices['id']}/approve", token=admin)
    assert r.status_code == 200 and r.json()["state"] == "approved"
    assert not agora.api("GET", f"/api/v1/admin/accounts/{agora.account_id('alice')}", token=admin).json()["silenced"]
    mine = appeal(alice)
    assert mine["overruled_at"] is not None and mine["appeal"]["state"] == "approved"
    # Decided once: deciding again is not allowed.
    r = agora.api("POST", f"/api/v1/admin/disputes/appeals/{alices['id']}/reject", token=admin)
    assert r.status_code == 403

    r = agora.api("POST", f"/api/v1/admin/disputes/appeals/{pending[0]['id']}/reject", token=admin)
    assert r.status_code == 200 and r.json()["state"] == "rejected"
    assert appeal(carol)["overruled_at"] is None
    assert [a["state"] for a in agora.api("GET", "/api/v1/admin/disputes/appeals", token=admin).json()] == [
        "rejected", "approved"]


def test_appeal_decisions_are_mailed_in_the_members_language(instances, smtp):
    agora = instances(env=smtp.env())
    admin = staff(agora, "root", "admin")
    tokens = {name: agora.create_user(name) for name in ("dora", "emil")}
    agora.sql("UPDATE users SET locale = 'de' WHERE email = 'emil@example.org'")
    decided = {}
    for name, verb in (("dora", "approve"), ("emil", "reject")):
        strike_member(agora, admin, name, "none", "Careful", send_email_notification="false")
        strike = agora.api("GET", "/api/v1/disputes/strikes", token=tokens[name]).json()[0]
        appeal = agora.api("POST", f"/api/v1/disputes/strikes/{strike['id']}/appeal", token=tokens[name],
                           data={"text": "Please"}).json()["appeal"]
        r = agora.api("POST", f"/api/v1/admin/disputes/appeals/{appeal['id']}/{verb}", token=admin)
        assert r.status_code == 200, r.text
        decided[name] = strike["created_at"][:10]
    approved = smtp.sink.wait_for("dora@example.org")[0]["message"]
    assert approved["Subject"].endswith(f": Your appeal of the strike from {decided['dora']} was approved")
    assert "/web/strikes" in body_text(approved)
    rejected = smtp.sink.wait_for("emil@example.org")[0]["message"]
    assert rejected["Subject"].endswith(f": Dein Einspruch gegen die Verwarnung vom {decided['emil']} wurde abgelehnt")


def test_an_invite_with_autofollow_makes_the_new_member_follow_its_creator(instances, smtp):
    agora = instances(env=smtp.env())
    alice = agora.create_user("alice")
    alice_id = agora.account_id("alice")
    following = agora.api("POST", "/api/v1/invites", token=alice, data={"autofollow": "true"}).json()
    plain = agora.api("POST", "/api/v1/invites", token=alice).json()
    assert following["autofollow"] is True and plain["autofollow"] is False
    _, app = app_token(agora)

    def signed_up_and_confirmed(username, code):
        r = sign_up(agora, app, username=username, email=f"{username}@example.org", invite_code=code)
        assert r.status_code == 200, r.text
        # Nothing before the address is confirmed (Mastodon bootstraps a member once confirmed and approved).
        assert agora.sql("SELECT count(*) FROM follows f JOIN accounts a ON a.id = f.account_id"
                         " WHERE a.username = ?", (username,))[0][0] == "0"
        mail = smtp.sink.wait_for(f"{username}@example.org")[0]
        link = re.search(r"/auth/confirmation\?confirmation_token=[\w-]+", body_text(mail["message"])).group(0)
        assert agora.get(link).status_code in (200, 302, 303)
        return agora.account_id(username)

    newbie_id = signed_up_and_confirmed("newbie", following["code"])
    rows = agora.sql("SELECT account_id FROM follows WHERE target_account_id = ?", (alice_id,))
    assert rows == [(str(newbie_id),)]
    # One way only: the creator does not follow back.
    assert agora.sql("SELECT count(*) FROM follows WHERE account_id = ?", (alice_id,))[0][0] == "0"
    assert agora.api("GET", f"/api/v1/accounts/{alice_id}").json()["followers_count"] == 1

    signed_up_and_confirmed("other", plain["code"])
    assert agora.api("GET", f"/api/v1/accounts/{alice_id}").json()["followers_count"] == 1
